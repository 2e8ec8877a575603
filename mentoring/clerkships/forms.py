from django import forms

from mentoring.clerkships import importer
from mentoring.lib.csv_files import FileRefused, read_upload


class ImportForm(forms.Form):
    schedule = forms.FileField(
        label="Rotation schedule (CSV)",
        help_text=(
            "The first line names the columns: email, clerkship, start and end, in any order. "
            "Dates as YYYY-MM-DD or MM/DD/YYYY. At most 2 MB and 20,000 rows."
        ),
        error_messages={
            "required": "Choose a CSV file to upload.",
            "empty": "The file is empty.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_schedule(self):
        """The file's lines (an importer.Table), or the reason the whole file is refused."""
        try:
            return importer.read_table(read_upload(self.cleaned_data["schedule"]))
        except FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
