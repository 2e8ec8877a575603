"""The faculty directory at /mentors/: filters, search, sorting, paging and help when empty."""

import html
import re

import pytest
from django.core.cache import cache

from mentoring.profiles.models import Area, Department
from mentoring.profiles.verification import verify
from mentoring.programmes.models import PROGRAMME_COUNT_KEY
from tests.factories import make_mentor, make_user

# Session, user, roles for the menu, departments and areas for the form (until they are
# in the cache), the page with its count, the cards' interests and areas (labels.py).
# And whether the school has several programmes (matching/programmes.py), until the cache
# holds it.
DIRECTORY_QUERIES = 8
WARM_DIRECTORY_QUERIES = DIRECTORY_QUERIES - 3


def listed(name, interests=(), areas=(), **fields):
    """A mentor as the edit form leaves one: with search_text filled in."""
    profile = make_mentor(
        make_user(display_name=name), interests=interests, areas=areas, **fields
    ).mentor_profile
    profile.refresh_search_text()
    return profile


def names(response):
    return [
        html.unescape(n)
        for n in re.findall(r'<h2><a href="/mentors/\d+/">([^<]*)</a>', response.content.decode())
    ]


def text(response):
    """The page as a person reads it: no tags, one space between words."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


@pytest.fixture
def browse(client, outsider):
    client.force_login(outsider)
    return lambda query="": client.get(f"/mentors/?{query}")


@pytest.fixture
def roster(db):
    """Three mentors who differ in every filter; room order Zara, Ben, Cal."""
    return {
        "zara": listed(
            "Dr. Zara Reyes",
            interests=["Clinical pharmacology"],
            areas=["research"],
            department="Psychiatry",
            career_stage="junior",
            mode_video=True,
            response_hours=48,
        ),
        "ben": listed(
            "Dr. Ben Okoro",
            interests=["Cardiology"],
            areas=["teaching"],
            department="Surgery",
            career_stage="late",
            capacity=2,
            active_mentee_count=2,
            response_hours=12,
        ),
        "cal": listed(
            "Dr. Cal Murphy",
            interests=["Addiction psychiatry"],
            areas=["research", "teaching"],
            department="Psychiatry",
            career_stage="mid",
            mode_in_person=False,
            mode_phone=True,
            is_accepting=False,
            response_hours=6,
            bio="Runs a smoking cessation clinic.",
        ),
    }


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get("/mentors/?interest=cardiology")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/mentors/")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("interest=pharmacology", ["Dr. Zara Reyes"]),
        ("interest=PSYCHIATRY", ["Dr. Cal Murphy"]),
        ("department={psychiatry}", ["Dr. Zara Reyes", "Dr. Cal Murphy"]),
        ("area=teaching", ["Dr. Ben Okoro", "Dr. Cal Murphy"]),
        ("stage=late", ["Dr. Ben Okoro"]),
        ("mode=phone", ["Dr. Cal Murphy"]),
        ("mode=in_person", ["Dr. Zara Reyes", "Dr. Ben Okoro"]),
        ("accepting=on", ["Dr. Zara Reyes", "Dr. Ben Okoro"]),
        ("room=on", ["Dr. Zara Reyes"]),
    ],
)
def test_each_filter_narrows_the_list(browse, roster, query, expected):
    psychiatry = Department.objects.get(name="Psychiatry")
    assert names(browse(query.format(psychiatry=psychiatry.pk))) == expected


@pytest.mark.parametrize(
    "q, expected",
    [
        ("okoro", ["Dr. Ben Okoro"]),  # name
        ("Cardiology", ["Dr. Ben Okoro"]),  # interest
        ("research", ["Dr. Cal Murphy", "Dr. Zara Reyes"]),  # area
        ("cessation", ["Dr. Cal Murphy"]),  # bio
        ("psychiatry cessation", ["Dr. Cal Murphy"]),  # every word must match
        ("dermatology", []),
    ],
)
def test_search_covers_name_interests_areas_and_bio(browse, roster, q, expected):
    assert sorted(names(browse(f"q={q}"))) == expected


@pytest.mark.postgres
def test_search_matches_word_prefixes_on_postgres(browse, roster):
    assert names(browse("q=pharm")) == ["Dr. Zara Reyes"]


def test_a_new_mentor_is_found_by_name(client, browse):
    newcomer = make_user(display_name="Dr. Nadia Quist")
    client.force_login(newcomer)
    assert client.post("/profile/roles/add/", {"role": "mentor"}).status_code == 302
    # Listed once the profile has interests, areas offered and a capacity (issue 19).
    assert names(browse()) == []
    research = Area.objects.get(slug="research").pk
    client.post("/profile/setup/mentor-interests/", {"interests_text": "Cardiology"})
    client.post("/profile/setup/offer/", {"areas": [research]})
    client.post("/profile/setup/capacity/", {"capacity": "2", "response_hours": "24"})
    assert names(browse()) == []  # and verified as faculty (issue 20)
    verify(newcomer, how="roster")
    assert names(browse()) == ["Dr. Nadia Quist"]
    assert names(browse("q=quist")) == ["Dr. Nadia Quist"]


def test_a_renamed_mentor_is_found_by_the_new_name(client, roster):
    ben = roster["ben"].user
    client.force_login(ben)
    renamed = {"display_name": "Dr. Ben Adeyemi", "time_zone": ben.time_zone}
    assert client.post("/account/settings/", renamed).status_code == 302
    assert "Dr. Ben Adeyemi" in names(client.get("/mentors/"))
    assert names(client.get("/mentors/?q=adeyemi")) == ["Dr. Ben Adeyemi"]
    assert names(client.get("/mentors/?q=okoro")) == []


def test_filters_combine(browse, roster):
    assert names(browse("area=research&accepting=on")) == ["Dr. Zara Reyes"]
    assert names(browse("q=psychiatry&stage=mid")) == ["Dr. Cal Murphy"]
    assert names(browse("area=teaching&mode=video")) == []


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("", ["Zara", "Ben", "Cal"]),  # accepting with most room first, closed last
        ("sort=name", ["Ben", "Cal", "Zara"]),
        ("sort=response", ["Cal", "Ben", "Zara"]),
    ],
)
def test_sort_orders(browse, roster, sort, expected):
    assert [n.split()[1] for n in names(browse(sort))] == expected


def test_pages_hold_twenty_and_page_two_keeps_the_filters(browse, db):
    for n in range(23):
        listed(f"Dr. Page {n:02}", interests=["Pharmacology"], mode_video=True)
    listed("Dr. Not Video", interests=["Pharmacology"])
    first = browse("interest=pharmacology&mode=video&sort=name")
    assert len(names(first)) == 20
    assert "23 mentors match" in text(first)
    assert "Page 1 of 2" in text(first)
    next_link = re.search(r'<a href="\?([^"]*)" rel="next">', first.content.decode())[1]
    assert html.unescape(next_link) == "interest=pharmacology&mode=video&sort=name&page=2"
    second = browse(html.unescape(next_link))
    assert names(second) == ["Dr. Page 20", "Dr. Page 21", "Dr. Page 22"]
    assert "Page 2 of 2" in text(second)


def test_a_bookmarked_url_refills_the_form_and_repeats_the_search(browse, roster):
    psychiatry = Department.objects.get(name="Psychiatry")
    url = (
        f"interest=pharm&department={psychiatry.pk}&stage=junior&mode=video&accepting=on&sort=name"
    )
    response = browse(url)
    assert (
        "1 mentor matches: pharm Psychiatry Junior faculty Video accepting now ; "
        "by name, from A to Z." in text(response)
    )
    page = response.content.decode()
    assert '<form method="get" action="/mentors/"' in page
    assert 'name="interest" value="pharm"' in page
    assert f'<option value="{psychiatry.pk}" selected>Psychiatry</option>' in page
    assert '<option value="junior" selected>' in page
    assert '<option value="video" selected>' in page
    assert 'name="accepting" id="id_accepting" checked' in page
    assert '<option value="name" selected>' in page
    assert names(browse(url)) == ["Dr. Zara Reyes"]


def test_each_search_shows_its_own_values_in_the_form(browse, roster):
    # The filter fields are cached by the values asked for: never another search's.
    browse("interest=pharm&mode=video")
    page = browse("interest=psych&stage=late").content.decode()
    assert 'name="interest" value="psych"' in page
    assert '<option value="late" selected>' in page
    assert '<option value="video" selected>' not in page
    assert 'name="interest" value="pharm"' not in browse("interest=psych").content.decode()


def test_departments_and_areas_added_in_the_admin_are_offered_at_once(browse, roster):
    browse()
    Department.objects.create(name="Radiation oncology")
    Area.objects.create(slug="wilderness-medicine", name="Wilderness medicine")
    page = browse().content.decode()
    assert ">Radiation oncology</option>" in page
    assert '<option value="wilderness-medicine">Wilderness medicine</option>' in page
    Department.objects.get(name="Radiation oncology").delete()
    assert ">Radiation oncology</option>" not in browse().content.decode()


@pytest.mark.parametrize(
    "bad, named",
    [
        ("department=abc", "department “abc”"),
        ("department=999999", "department “999999”"),
        ("area=nope", "area “nope”"),
        ("stage=wizard", "career stage “wizard”"),
        ("mode=telepathy", "meeting mode “telepathy”"),
        ("sort=sideways", "sort “sideways”"),
        ("page=zzz", "page “zzz”"),
        ("q=" + "pharmacology " * 385, "search “pharmacology pharmacology"),
        ("q=a%00b", "search “a"),
    ],
)
def test_bad_values_are_named_and_ignored_while_good_filters_apply(browse, roster, bad, named):
    response = browse(f"{bad}&interest=pharmacology&accepting=on")
    assert response.status_code == 200
    assert f"Ignored {named}" in text(response)
    assert names(response) == ["Dr. Zara Reyes"]


def test_empty_result_offers_to_drop_one_filter(browse, roster):
    listed("Dr. Late One", career_stage="late")
    listed("Dr. Late Two", career_stage="late")
    response = browse("mode=video&stage=late&accepting=on")
    page = text(response)
    assert names(response) == []
    assert "No one matches all 3 filters." in page
    assert "Drop meeting mode “Video” to see 3 mentors." in page
    assert "Drop career stage “Late-career” to see 1 mentor." in page
    assert "Drop accepting now" not in page  # video and late together: still nobody
    assert 'href="?stage=late&amp;accepting=on">Drop meeting mode' in response.content.decode()


def test_card_shows_what_a_student_needs_to_choose(browse, db):
    listed(
        "Dr. Card Example",
        interests=["Clinical pharmacology", "Sleep medicine"],
        areas=["research", "teaching"],
        career_stage="junior",
        mode_video=True,
        capacity=4,
        active_mentee_count=2,
    )
    page = text(browse())
    assert (
        "Dr. Card Example Internal Medicine · Junior faculty "
        "Interests: Clinical pharmacology Sleep medicine Offers: Research, Teaching "
        "2 of 4 places free · Meets by in person, video · Answers within 24 hours"
    ) in page


def test_html_in_bio_and_interests_is_shown_as_text(client, browse, db):
    profile = listed(
        "Dr. Markup",
        interests=["<img src=x onerror=alert(1)>"],
        bio="<script>alert('bio')</script> pharmacology",
    )
    directory = browse("q=pharmacology&stage=<b>x</b>").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;</span>" in directory
    assert "Ignored career stage “&lt;b&gt;x&lt;/b&gt;”" in directory
    detail = client.get(f"/mentors/{profile.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;bio&#x27;)&lt;/script&gt; pharmacology" in detail
    for page in (directory, detail):
        assert "<img src=x" not in page
        assert "<script>alert" not in page
        assert "<b>x</b>" not in page


def many_mentors(numbers):
    for n in numbers:
        listed(
            f"Dr. Many {n:02}",
            interests=[f"Topic {n}", "Pharmacology"],
            areas=["research", "teaching"],
            department=f"Department {n % 7}",
            mode_video=True,
        )


@pytest.mark.parametrize(
    "query, expected",
    [
        # One more to count every listed mentor, kept in the cache until a mentor joins or
        # leaves (as here, between the two requests).
        ("", DIRECTORY_QUERIES + 1),
        # One more to find the interests the text names, and the ids of every match in
        # order (kept until a mentor changes, as here) before the page's rows by id.
        ("interest=pharmacology&mode=video&q=research", DIRECTORY_QUERIES + 2),
    ],
)
def test_queries_do_not_grow_with_mentors(browse, django_assert_max_num_queries, query, expected):
    counts = []
    for start, total in [(0, 5), (5, 40)]:
        many_mentors(range(start, total))
        cache.delete(PROGRAMME_COUNT_KEY)  # as cold as the first request each time
        with django_assert_max_num_queries(12) as captured:
            response = browse(query)
        assert len(names(response)) == min(total, 20)
        counts.append(len(captured))
    assert counts == [expected, expected]


def test_help_when_empty_is_one_query_however_many_filters(
    browse, roster, django_assert_num_queries
):
    # No names to load for cards; one aggregate counts what dropping each filter would show.
    browse()
    for query in [
        "mode=video&stage=late",
        "mode=video&stage=late&area=teaching&accepting=on&q=okoro",
    ]:
        # The aggregate stands where the cards' labels would.
        with django_assert_num_queries(WARM_DIRECTORY_QUERIES):
            assert "Drop meeting mode “Video” to see 1 mentor." in text(browse(query))


def test_deactivated_faculty_leave_the_directory(client, browse, roster):
    gone = roster["ben"]
    gone.user.is_active = False
    gone.user.save()
    assert "Dr. Ben Okoro" not in names(browse())
    assert client.get(f"/mentors/{gone.pk}/").status_code == 404
