"""The spreadsheet import: the checking module directly, then the admin's upload → preview → confirm."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.models import ModelLogEntry

from casestudies.models import CaseStudyPage
from home.factories import signed_in, user
from impact import importing
from impact.models import ImpactFigure

UNITS = {"ban-pho-thong", "chae-son-friends-with-disabilities"}
INDICATORS = {"members_total": "people", "share_youth": "percent", "savings_total_thb": "thb"}
HEADER = importing.COLUMNS


def csv_bytes(*rows, header=HEADER):
    lines = [",".join(header)] + [",".join(str(c) for c in row) for row in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(*rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


GOOD = ["ban-pho-thong", "members_total", "2025-01-01", "2025-03-31", "50", "40", "reported", "ทะเบียนสมาชิก"]


def errors_by_row(data, name="f.csv"):
    with translation.override("en"):
        checked = importing.check_rows(importing.read_table(name, data), UNITS, INDICATORS)
    return {row.number: " ".join(row.errors) for row in checked if row.errors}, checked


def test_good_csv_and_xlsx_rows_are_clean():
    for name, data in (("f.csv", csv_bytes(GOOD)), ("f.xlsx", xlsx_bytes(GOOD))):
        errors, checked = errors_by_row(data, name)
        assert errors == {}
        assert checked[0].values == {
            "unit_slug": "ban-pho-thong",
            "indicator_code": "members_total",
            "period_start": datetime.date(2025, 1, 1),
            "period_end": datetime.date(2025, 3, 31),
            "value": Decimal("50"),
            "baseline": Decimal("40"),
            "status": "reported",
            "source": "ทะเบียนสมาชิก",
        }


def test_xlsx_dates_and_numbers_as_cell_types():
    row = [
        "ban-pho-thong",
        "savings_total_thb",
        datetime.datetime(2025, 1, 1),
        datetime.date(2025, 3, 31),
        12500.5,
        None,
        "illustrative",
        "",
    ]
    errors, checked = errors_by_row(xlsx_bytes(row), "f.xlsx")
    assert errors == {}
    assert checked[0].values["period_start"] == datetime.date(2025, 1, 1)
    assert checked[0].values["value"] == Decimal("12500.5")
    assert checked[0].values["status"] == "illustrative"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({0: "nowhere"}, "Unknown unit"),
        ({1: "members_count"}, "Unknown indicator"),
        ({4: "fifty"}, "not a number"),
        ({2: "2025-02-30"}, "not a date"),
        ({3: "31/03/2025"}, "not a date"),
        ({1: "share_youth", 4: "120"}, "between 0 and 100"),
        ({5: "n/a"}, "baseline"),
        ({2: "2025-04-01"}, "ends before it starts"),
        ({6: "maybe"}, "illustrative, reported or verified"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_its_row_number(bad, message):
    row = list(GOOD)
    for index, value in bad.items():
        row[index] = value
    second = list(GOOD)
    second[0] = "chae-son-friends-with-disabilities"
    errors, _checked = errors_by_row(csv_bytes(second, row))
    assert list(errors) == [3]  # header is row 1, the good row is 2
    assert message in errors[3]


def test_status_words_and_the_older_illustrative_column():
    def status_of(cells, header=HEADER):
        errors, checked = errors_by_row(csv_bytes(cells, header=header))
        return errors.get(2) or checked[0].values["status"]

    for word, status in (
        ("", "reported"),
        ("Verified", "verified"),
        ("ตรวจสอบแล้ว", "verified"),
        ("ตัวอย่าง", "illustrative"),
    ):
        assert status_of(GOOD[:6] + [word, ""]) == status
    # Spreadsheets made from the older template have a yes/no "illustrative" column instead of "status".
    old_header = [*HEADER[:6], "illustrative", "source"]
    assert status_of(GOOD[:6] + ["yes", ""], old_header) == "illustrative"
    assert status_of(GOOD[:6] + ["no", ""], old_header) == "reported"
    assert "yes or no" in status_of(GOOD[:6] + ["maybe", ""], old_header)
    both = [*HEADER, "illustrative"]
    assert "disagree" in status_of(GOOD[:6] + ["verified", "", "yes"], both)
    assert status_of(GOOD[:6] + ["illustrative", "", "yes"], both) == "illustrative"


def test_duplicate_rows_are_reported():
    errors, _checked = errors_by_row(csv_bytes(GOOD, GOOD))
    assert list(errors) == [3]
    assert "Duplicate of row 2" in errors[3]


def test_whole_file_errors():
    with pytest.raises(importing.ImportFileError, match="5 MB"):
        importing.read_table("f.csv", b"x" * (importing.MAX_BYTES + 1))
    with pytest.raises(importing.ImportFileError, match="CSV"):
        importing.read_table("f.pdf", b"%PDF-1.4")
    with pytest.raises(importing.ImportFileError, match="Excel"):
        importing.read_table("f.xlsx", b"not a zip")
    with pytest.raises(importing.ImportFileError, match="value"):
        importing.read_table("f.csv", csv_bytes(header=["unit_slug", "indicator_code", "period_start", "period_end"]))
    with pytest.raises(importing.ImportFileError, match="UTF-8"):
        importing.read_table("f.csv", "unit_slug,ค่า".encode("cp874"))


def test_templates_have_the_columns():
    assert importing.template_csv().decode("utf-8-sig").splitlines()[0] == ",".join(HEADER)
    sheet = load_workbook(io.BytesIO(importing.template_xlsx())).active
    assert [c.value for c in sheet[1]] == HEADER


# The admin view --------------------------------------------------------------------------------------------------

URL = "/admin/impact/import/"


@pytest.fixture
def staff(client, db):
    return signed_in(user("importer", superuser=True), client)


def upload(client, name, data):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


def figures_of(slug):
    return ImpactFigure.objects.of_source_pages().filter(page__slug=slug)


def test_good_file_previews_then_saves_and_reimport_updates(staff):
    page = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    revisions = page.revisions.count()
    before = figures_of("ban-pho-thong").count()
    response = upload(staff, "figures.xlsx", xlsx_bytes(GOOD))
    assert response.status_code == 200
    body = response.content.decode()
    assert "บันทึกตัวเลขเหล่านี้" in body  # "Save these figures": the admin speaks Thai
    # Progress: the preview says how many rows it checked and how long it took; the buttons say what they are
    # doing while a long file is checked or saved.
    assert re.search(r"ตรวจ 1 แถวแล้ว ใช้เวลา [\d.]+ วินาที", body)
    assert 'data-w-progress-active-value="กำลังบันทึก 1 แถว…"' in body
    assert 'data-w-progress-active-value="กำลังตรวจทุกแถวของไฟล์…"' in body
    assert figures_of("ban-pho-thong").count() == before  # nothing saved before confirming
    token = staff.session["impact_import"]["token"]
    response = staff.post(URL, {"confirm": "1", "token": token})
    assert response.status_code == 302
    assert figures_of("ban-pho-thong").count() == before + 1

    # Figures are not part of the page: the import writes no page revision, and logs the new figure.
    assert page.revisions.count() == revisions
    saved = figures_of("ban-pho-thong").get(period_start=datetime.date(2025, 1, 1), indicator__code="members_total")
    entry = ModelLogEntry.objects.get(object_id=str(saved.pk), action="impact.figure.import")
    assert entry.data["file"] == "figures.xlsx"
    assert entry.data["changes"]["value"] == [None, "50.00"]

    changed = list(GOOD)
    changed[4] = "55"
    upload(staff, "figures.csv", csv_bytes(changed))
    staff.post(URL, {"confirm": "1", "token": staff.session["impact_import"]["token"]})
    assert figures_of("ban-pho-thong").count() == before + 1
    assert figures_of("ban-pho-thong").get(period_start=datetime.date(2025, 1, 1)).value == Decimal(55)
    entry = ModelLogEntry.objects.filter(object_id=str(saved.pk)).latest("timestamp")
    assert (entry.action, entry.data["changes"]) == ("impact.figure.import", {"value": ["50.00", "55.00"]})

    # Confirming twice (or with a stale token) saves nothing more.
    response = staff.post(URL, {"confirm": "1", "token": token})
    assert response.status_code == 302
    assert figures_of("ban-pho-thong").count() == before + 1


def test_xlsx_with_one_bad_row_is_refused_whole_with_the_row_named(staff):
    before = ImpactFigure.objects.count()
    bad = list(GOOD)
    bad[0], bad[4] = "chae-son-friends-with-disabilities", "lots"
    rows = [GOOD, ["ban-pho-thong", "share_youth", "2025-01-01", "2025-03-31", "30", "", "no", ""], bad]
    response = upload(staff, "figures.xlsx", xlsx_bytes(*rows))
    assert response.status_code == 400
    body = response.content.decode()
    assert "แถว 4:" in body  # "Row 4:"
    assert "lots" in body
    assert 'name="confirm"' not in body
    assert "impact_import" not in staff.session
    assert ImpactFigure.objects.count() == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("big.csv", b"a" * (importing.MAX_BYTES + 10), "5 MB"),
        ("figures.pdf", b"%PDF-1.4 nothing", ".xlsx"),
        ("figures.xlsx", b"PK but not really", "Excel"),
    ],
)
def test_oversize_and_wrong_type_refused(staff, name, data, message):
    before = ImpactFigure.objects.count()
    response = staff.post(URL, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ImpactFigure.objects.count() == before


def test_template_downloads_and_permissions(staff, client):
    response = staff.get("/admin/impact/import/template.xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).active["A1"].value == "unit_slug"
    assert staff.get("/admin/impact/import/template.csv").content.startswith("\ufeff".encode())
    assert staff.get("/admin/impact/import/template.exe").status_code == 404
    staff.logout()
    assert client.get(URL).status_code == 302  # to the login page


def _full_clean_messages(indicator, values):
    """What the import reported before it checked rows without a figure each: the model's ``full_clean``."""
    from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

    figure = ImpactFigure(indicator=indicator, **values)
    exclude = ["page", "indicator"] + [name for name, value in values.items() if value is None and name != "baseline"]
    try:
        figure.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return [
            f"{name}: {message}" if name != NON_FIELD_ERRORS else message
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def test_the_row_checks_say_exactly_what_the_models_full_clean_says():
    from impact.models import Indicator

    dates = [None, datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), datetime.date(1999, 12, 31)]
    dates += [datetime.date(2568, 1, 1), datetime.date(2090, 1, 1)]
    numbers = [None, Decimal("50"), Decimal("1"), Decimal("1.000"), Decimal("1.005"), Decimal("-3"), Decimal("150")]
    numbers += [Decimal("123456789012345"), Decimal("99999999999999.99"), Decimal("1E+20")]
    indicators = [None, Indicator(code="members_total", unit="people"), Indicator(code="share_youth", unit="percent")]
    checks = importing._ModelChecks()
    compared = failing = 0
    with translation.override("en"):
        for indicator in indicators:
            for start in dates:
                for end in dates[:3] + dates[4:5]:
                    for value in numbers:
                        for baseline in numbers[:2] + numbers[4:6] + numbers[7:8]:
                            for source in ("", "survey"):
                                values = {
                                    "period_start": start,
                                    "period_end": end,
                                    "value": value,
                                    "baseline": baseline,
                                    "source": source,
                                }
                                expected = _full_clean_messages(indicator, values)
                                assert [str(m) for m in checks.errors(indicator, values)] == expected, values
                                compared += 1
                                failing += bool(expected)
    assert compared > 4000 and failing > 3000  # the grid does exercise the messages
