"""Spreadsheet-safe CSV: the one writer behind every CSV the site produces.

A spreadsheet opening a CSV runs any cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), and some also after a leading tab or carriage return.
Following the OWASP "CSV injection" guidance, such a text cell is written with a single quote in front,
so the spreadsheet shows it as text. Numbers stay numbers: ``int``, ``float`` and ``Decimal`` values, and
text that is nothing but a plain decimal number (``-5``, ``+3.25``), are written unchanged; no formula
can hide in them.

``csv_response`` (a download) and ``csv_bytes`` (its content) are what views use, ``csv_streaming_response``
for a large download sent as it is written (``csv_chunks``, the same bytes): UTF-8 with a byte-order
mark, so Excel shows Thai text correctly, and CRLF line ends. ``writer`` and ``DictWriter`` have the interface
of :mod:`csv`'s; ``escape_cell`` is the rule itself, also applied to the CSV exports of Wagtail's admin
listings and reports (``install_in_wagtail_exports``).
"""

import csv
import io
import re
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse

BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")


def runs_as_formula(text):
    """Whether a spreadsheet could take this CSV cell text for a formula."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text)


def escape_cell(value):
    """The value as a spreadsheet will show it verbatim: numbers as they are, formula-like text quoted."""
    if isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)
    return "'" + text if runs_as_formula(text) else text


class _SafeRows:
    """Wraps a csv writer object so every row it writes is escaped first."""

    def __init__(self, inner):
        self._inner = inner

    @property
    def dialect(self):
        return self._inner.dialect

    def writerow(self, row):
        return self._inner.writerow([escape_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(out, *args, **kwargs):
    """``csv.writer`` whose cells are escaped with ``escape_cell``."""
    return _SafeRows(csv.writer(out, *args, **kwargs))


class DictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose cells (header included) are escaped with ``escape_cell``."""

    def __init__(self, out, fieldnames, *args, **kwargs):
        super().__init__(out, fieldnames, *args, **kwargs)
        self.writer = _SafeRows(self.writer)


def csv_bytes(header, rows):
    """A header row and rows (sequences of cells) as spreadsheet-safe CSV bytes: UTF-8 with a byte-order mark,
    CRLF line ends, every cell through ``escape_cell``."""
    out = io.StringIO()
    rows_writer = writer(out, lineterminator="\r\n")
    rows_writer.writerow(header)
    rows_writer.writerows(rows)
    return (BYTE_ORDER_MARK + out.getvalue()).encode("utf-8")


def csv_response(filename, header, rows):
    """A CSV download (``attachment``, named ``filename``, an ASCII name) of ``csv_bytes(header, rows)``."""
    response = HttpResponse(csv_bytes(header, rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    """A file whose ``write`` hands back what it is given: ``csv.writer`` then returns each line as text."""

    def write(self, text):
        return text


STREAM_BATCH_ROWS = 500


def csv_chunks(header, rows, batch=STREAM_BATCH_ROWS):
    """``csv_bytes(header, rows)`` in chunks of ``batch`` rows, written as ``rows`` (any iterable) is read: the
    whole file is never held at once."""
    rows_writer = writer(_Echo(), lineterminator="\r\n")
    lines = [BYTE_ORDER_MARK + rows_writer.writerow(header)]
    for row in rows:
        lines.append(rows_writer.writerow(row))
        if len(lines) >= batch:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def csv_streaming_response(filename, header, rows):
    """``csv_response`` streamed (``StreamingHttpResponse``): for downloads too large to build in memory. Page and
    download caches keep only complete responses, so a streamed download is written anew for each request."""
    response = StreamingHttpResponse(csv_chunks(header, rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def install_in_wagtail_exports():
    """Escape the cells of the CSV exports of Wagtail's admin listings and reports (staff exports).

    Wagtail's ``SpreadsheetExportMixin`` turns formulas into text in its XLSX files but writes CSV cells
    verbatim; every value it writes passes through ``preprocess_field_value``, so that is where the rule goes.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "escapes_csv", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return escape_cell(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.escapes_csv = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
