from django import forms

from mentoring.clerkships import importer


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
        upload = self.cleaned_data["schedule"]
        # size counts the bytes actually received, so an oversized file is refused unread;
        # reading one byte past the limit keeps memory bounded whatever size says.
        too_large = upload.size > importer.MAX_BYTES
        data = b"" if too_large else upload.read(importer.MAX_BYTES + 1)
        if too_large or len(data) > importer.MAX_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {importer.MAX_BYTES // (1024 * 1024)} MB, the limit. "
                "Split it into smaller files."
            )
        try:
            return importer.read_table(data)
        except importer.FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal


class ConfirmImportForm(forms.Form):
    """Which preview is confirmed, and whether to skip its bad rows. The rows themselves come
    from the session, never from the form."""

    preview = forms.CharField(max_length=64)
    skip_bad = forms.BooleanField(required=False)
