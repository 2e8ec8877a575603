"""Reading an uploaded CSV file whose first line names its columns, for the imports
(rotation schedules, the roster of people before they sign up).

What is shared is only the file: its size, its encoding, its delimiter, header names that
mean a column once normalised, a row limit and file line numbers for every row. What a
cell means is each import's own business.
"""

import csv
import io
import re
from dataclasses import dataclass

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
# The header names, normalised (normalise_header), that mean a person's e-mail address.
EMAIL_HEADERS = (
    "email",
    "e_mail",
    "email_address",
    "e_mail_address",
    "student_email",
    "student_e_mail",
)


class FileRefused(Exception):
    """The file as a whole cannot be used; the message says why, for the person uploading."""


@dataclass(frozen=True)
class Problem:
    """A line of the file that will not be written, and why (one reason a problem)."""

    line: int
    email: str
    reasons: list


class ChangedSincePreview(Exception):
    """Lines that were fine at the preview are not now (another import, a sign-up in the
    meantime); nothing was written. `reasons` are for the page, one a line."""

    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def normalise_header(name):
    return re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_")


def normalise_name(text):
    return " ".join(text.split()).casefold()


def read_upload(upload, max_bytes=MAX_BYTES):
    """The bytes of an uploaded file, or FileRefused when it is over the limit. size counts
    the bytes actually received, so an oversized file is refused unread; reading one byte
    past the limit keeps memory bounded whatever size says."""
    too_large = upload.size > max_bytes
    data = b"" if too_large else upload.read(max_bytes + 1)
    if too_large or len(data) > max_bytes:
        raise FileRefused(
            f"The file is larger than {max_bytes // (1024 * 1024)} MB, the limit. "
            "Split it into smaller files."
        )
    return data


def decode(data, what="file"):
    # Zip (xlsx) and OLE (xls) signatures: the commonest wrong upload is the workbook itself.
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise FileRefused(
            "This is a spreadsheet workbook, not a CSV file. Save it as CSV UTF-8 (in Excel, "
            "with Save As) and upload that."
        )
    if b"\x00" in data:
        raise FileRefused(f"This is not a text file. Upload the {what} as a CSV file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(
            "This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again."
        ) from error


def find_columns(header, columns, optional=()):
    """Map each column to its index in the header, or refuse the file when a required one
    is missing or two mean the same. columns: {column: header aliases, normalised}; those
    named in `optional` may be absent. Returns ({column: index}, [ignored header names])."""
    found, ignored = {}, []
    for index, name in enumerate(header):
        key = normalise_header(name)
        column = next((col for col, aliases in columns.items() if key in aliases), None)
        if column is None:
            if name.strip():
                ignored.append(name.strip())
        elif column in found:
            raise FileRefused(
                f"Two columns mean {column}: {header[found[column]].strip()} and "
                f"{name.strip()}. Keep one."
            )
        else:
            found[column] = index
    missing = [column for column in columns if column not in found and column not in optional]
    if missing:
        required = ", ".join(column for column in columns if column not in optional)
        raise FileRefused(
            f"The file has no {', '.join(missing)} column. The first line must name the "
            f"columns {required} (in any order)."
        )
    return found, ignored


def read_rows(data, columns, optional=(), max_rows=MAX_ROWS, what="file"):
    """The data lines of a CSV file given as bytes, as (file line number, {column: cell
    stripped, "" when absent}), and the header names ignored. Raises FileRefused for an
    unusable file. Blank lines are skipped, keeping the numbers of the file."""
    text = decode(data, what)
    if not text.strip():
        raise FileRefused("The file is empty.")
    first_line = text.lstrip().splitlines()[0]
    # School exports differ: Excel in some locales writes semicolons, others tabs.
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, found, ignored = [], None, []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if found is None:
                found, ignored = find_columns(cells, columns, optional)
                continue
            if len(rows) == max_rows:
                raise FileRefused(
                    f"The file has more than {max_rows:,} rows. Split it into smaller files."
                )
            cell = dict.fromkeys(columns, "")
            cell.update(
                (column, cells[index].strip() if index < len(cells) else "")
                for column, index in found.items()
            )
            rows.append((reader.line_num, cell))
    except csv.Error as error:
        raise FileRefused(f"Line {reader.line_num} is not valid CSV ({error}).") from error
    if not rows:
        raise FileRefused("The file names its columns but has no rows.")
    return rows, ignored


def csv_cell(value):
    """A value for a CSV download: None as empty, and text that a spreadsheet would take for
    a formula kept as text."""
    if value is None:
        return ""
    # A name like "=HYPERLINK(...)" must stay text in a spreadsheet, not become a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
