"""The spreadsheet-safe CSV writer, directly and in the staff exports of Wagtail's admin reports."""

import csv
import io
from decimal import Decimal

import pytest

from django.utils import timezone

from wagtail.models import Page

from home import spreadsheet
from home.factories import signed_in, user
from tests.tools import FORMULA_CELLS
from toolkit.models import DownloadCount, ToolkitResource

ATTACKS = [
    *FORMULA_CELLS,
    "-",
    "=",
]


def written(rows, **kwargs):
    out = io.StringIO()
    spreadsheet.writer(out, **kwargs).writerows(rows)
    return out.getvalue()


def read_back(text):
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("attack", ATTACKS)
def test_formula_like_text_is_prefixed_with_a_single_quote(attack):
    assert spreadsheet.escape_cell(attack) == "'" + attack
    [[cell]] = read_back(written([[attack]]))
    assert cell == "'" + attack
    assert not spreadsheet.runs_as_formula(cell)


@pytest.mark.parametrize(
    "value",
    [-5, 0, 42, -3.25, Decimal("-1234.50"), Decimal("7"), "-5", "+3.25", "-.5", "1e30", "ตัวอย่าง", "a=b", "", " =x"],
)
def test_numbers_and_ordinary_text_are_written_unchanged(value):
    assert spreadsheet.escape_cell(value) == value
    [[cell]] = read_back(written([[value]]))
    assert cell == str(value)
    assert not cell.startswith("'")


def test_a_negative_number_stays_a_number_in_the_file():
    assert written([[-5, Decimal("-0.50"), -2.5, "-5"]]) == "-5,-0.50,-2.5,-5\r\n"


def test_empty_and_boolean_cells():
    assert spreadsheet.escape_cell(None) is None
    assert spreadsheet.escape_cell(True) == "True"
    assert written([[None, False, "x"]]) == ",False,x\r\n"


def test_quotes_and_commas_survive_the_round_trip():
    text = written([['=HYPERLINK("http://x","y")', "a,b", 'say "hi"']])
    assert text == '"\'=HYPERLINK(""http://x"",""y"")","a,b","say ""hi"""\r\n'
    assert read_back(text) == [['\'=HYPERLINK("http://x","y")', "a,b", 'say "hi"']]


def test_dict_writer_escapes_values_and_keeps_the_header():
    out = io.StringIO()
    writer = spreadsheet.DictWriter(out, fieldnames=["source", "value"], lineterminator="\n")
    writer.writeheader()
    writer.writerow({"source": "@cmd", "value": Decimal("-5")})
    writer.writerows([{"source": "ledger", "value": 3}])
    assert out.getvalue() == "source,value\n'@cmd,-5\nledger,3\n"


def test_the_writer_keeps_csv_dialect_options():
    assert written([["=a", 1]], delimiter=";", lineterminator="\n") == "'=a;1\n"
    assert spreadsheet.writer(io.StringIO(), delimiter=";").dialect.delimiter == ";"


def staff_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return read_back(b"".join(response.streaming_content).decode("utf-8"))


@pytest.fixture
def staff(client, db):
    return signed_in(user("exporter", superuser=True), client)


def test_toolkit_downloads_report_csv_shows_a_formula_title_as_text(staff):
    resource = ToolkitResource.objects.first()
    resource.title = '=HYPERLINK("http://x","y")'
    resource.save()
    DownloadCount.objects.record("resource", resource.language, resource=resource)
    rows = staff_csv(staff, "/admin/reports/toolkit-downloads/?export=csv")
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://x","y")' in cells
    assert not any(spreadsheet.runs_as_formula(cell) for cell in cells)
    counts = [row[-1] for row in rows[1:]]
    assert counts and all(count.isdigit() for count in counts)  # the numbers stay numbers


def test_wagtail_locked_pages_report_csv_shows_a_formula_title_as_text(staff):
    page = Page.objects.filter(depth__gt=2).order_by("pk").first().specific
    page.title = "@SUM(1+1)*cmd|' /C calc'!A0"
    page.locked, page.locked_at = True, timezone.now()
    page.save(update_fields=["title", "draft_title", "locked", "locked_at"])
    rows = staff_csv(staff, "/admin/reports/locked/?export=csv")
    cells = [cell for row in rows for cell in row]
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert not any(spreadsheet.runs_as_formula(cell) for cell in cells)


def test_wagtail_xlsx_exports_are_left_to_wagtail(staff):
    """XLSX cells are typed by openpyxl (Wagtail stores formula-like text as a string), so no quote is added."""
    resource = ToolkitResource.objects.first()
    resource.title = "=1+2"
    resource.save()
    DownloadCount.objects.record("resource", resource.language, resource=resource)
    response = staff.get("/admin/reports/toolkit-downloads/?export=xlsx")
    assert response.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "=1+2" in titles
    cell = next(c for row in sheet.iter_rows(min_row=2) for c in row if c.value == "=1+2")
    assert cell.data_type == "s"


def test_csv_response_is_a_named_utf8_download_with_a_byte_order_mark_and_escaped_cells():
    response = spreadsheet.csv_response("plan.csv", ["name", "value"], [["=1+1", Decimal("-5")], ["ไทย", 3]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="plan.csv"'
    assert response.content == "\ufeffname,value\r\n'=1+1,-5\r\nไทย,3\r\n".encode()
    assert spreadsheet.csv_bytes(["a"], []) == "\ufeffa\r\n".encode()


def test_csv_streaming_response_sends_the_same_bytes_in_chunks():
    rows = [["=1+1", Decimal("-5")], ["ไทย", 3], *([["a", i] for i in range(1200)])]
    response = spreadsheet.csv_streaming_response("big.csv", ["name", "value"], iter(rows))
    assert response.streaming and response["Content-Type"] == spreadsheet.CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="big.csv"'
    chunks = list(response.streaming_content)
    assert len(chunks) == 3  # 1,203 lines in batches of 500
    assert b"".join(chunks) == spreadsheet.csv_bytes(["name", "value"], rows)
    assert list(spreadsheet.csv_chunks(["a"], [])) == ["\ufeffa\r\n".encode()]
