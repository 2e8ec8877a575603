from django import forms

from mentoring.profiles.roles import Role, add_roles


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: a name to show and the roles to start with."""

    display_name = forms.CharField(
        label="Your name as others will see it",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": "e.g. Maya Patel"}),
    )
    roles = forms.MultipleChoiceField(
        label="I am here because",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or both. You can add the other later.",
        error_messages={
            "required": "Choose at least one: looking for mentors, mentoring, or both."
        },
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])
        add_roles(user, self.cleaned_data["roles"])
