from django import forms

from mentoring.lib.csv_files import FileRefused, read_upload
from mentoring.lib.forms import IdMultipleChoiceField
from mentoring.roster import loading


class UploadForm(forms.Form):
    roster = forms.FileField(
        label="Roster (CSV)",
        help_text=(
            "The first line names the columns: email, name, role (student or faculty), "
            "programme, and stage (students) or department (faculty), in any order. "
            "At most 2 MB and 20,000 rows."
        ),
        error_messages={"required": "Choose a CSV file to upload.", "empty": "The file is empty."},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_roster(self):
        """The file's lines (loading.read_table), or the reason the whole file is refused."""
        try:
            return loading.read_table(read_upload(self.cleaned_data["roster"]))
        except FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal


class InviteForm(forms.Form):
    """Everyone not yet invited, or the people ticked on the roster page."""

    entries = IdMultipleChoiceField(queryset=None, required=False)

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = entries.pending()

    def chosen(self, entries):
        """The entries to invite: those ticked, or all not invited yet."""
        ticked = self.cleaned_data["entries"]
        return entries.filter(pk__in=ticked) if ticked else entries.not_invited()
