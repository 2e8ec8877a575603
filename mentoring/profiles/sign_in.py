"""Roles from the school's identity provider (settings.SSO_SIGNED_IN_HANDLERS).

Faculty get a mentor profile, verified as faculty (profiles/verification.py), and students
a mentee profile, at every sign-in through the IdP, so that a student who joins the faculty
gains the mentor role; a role is never taken away here (people keep their history, and may
hold both). "staff" brings nothing: what staff and coordinators may see is granted by the
school's administrators in the admin, never by an attribute, because an IdP's staff
affiliation covers everyone from the registrar to the cafeteria and says nothing about
oversight of students.
"""

from accounts import sso
from mentoring.profiles.listing import VerifiedHow
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import verify

ROLES_BY_AFFILIATION = {sso.FACULTY: Role.MENTOR, sso.STUDENT: Role.MENTEE}


def roles_from_idp(request, user, sign_in):
    roles = {ROLES_BY_AFFILIATION[r] for r in sign_in.roles if r in ROLES_BY_AFFILIATION}
    if roles:
        add_roles(user, roles)
    # The institution vouches for faculty: their mentor profile needs no staff approval.
    if sso.FACULTY in sign_in.roles:
        verify(user, how=VerifiedHow.IDP)
