"""``datapackage.json``: a Frictionless Data Package of ``figures.csv`` that the ``frictionless`` library validates,
the package and the CSV data alike, in both languages."""

import csv
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import validate

from casestudies.models import CaseStudyPage
from impact.models import FigureStatus, ImpactFigure, Indicator, UnitOfMeasure
from impact.queries import EXPORT_COLUMNS

pytestmark = pytest.mark.django_db


def save_pair(client, language, folder):
    """The package and its CSV as served, written side by side into ``folder``; returns the package."""
    package = client.get(f"/{language}/impact/datapackage.json")
    assert package.status_code == 200
    assert package["Content-Type"] == "application/json"
    data = client.get(f"/{language}/impact/figures.csv")
    assert data.status_code == 200
    Path(folder, "datapackage.json").write_bytes(package.content)
    Path(folder, "figures.csv").write_bytes(data.content)
    return json.loads(package.content)


def errors_of(report):
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def add_awkward_figures():
    """Rows that test the schema's edges: no baseline, a negative change, a formula-like source, a ratio, each
    status."""
    unit = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    indicators = {i.unit: i for i in Indicator.objects.filter(locale__language_code="th")}
    day = datetime.date(2020, 1, 1)
    ImpactFigure.objects.bulk_create(
        [
            ImpactFigure(
                page=unit,
                indicator=indicators[UnitOfMeasure.PERCENT_CHANGE],
                period_start=day,
                period_end=datetime.date(2020, 3, 31),
                value=Decimal("-12.50"),
                baseline=None,
                source='=HYPERLINK("http://evil.example")',
                status=FigureStatus.VERIFIED,
            ),
            ImpactFigure(
                page=unit,
                indicator=indicators[UnitOfMeasure.RATIO],
                period_start=day,
                period_end=datetime.date(2020, 3, 31),
                value=Decimal("3.25"),
                baseline=Decimal("0"),
                source="",
                status=FigureStatus.ILLUSTRATIVE,
            ),
        ]
    )


@pytest.mark.parametrize("language", ["th", "en"])
def test_package_and_csv_data_validate_without_errors(client, tmp_path, language):
    add_awkward_figures()
    package = save_pair(client, language, tmp_path)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, errors_of(report)
    (task,) = report.tasks
    rows = (tmp_path / "figures.csv").read_bytes().count(b"\r\n") - 1
    assert task.stats["rows"] == rows > 100  # the data was read, not just the descriptor
    assert task.stats["fields"] == len(EXPORT_COLUMNS)
    assert package["resources"][0]["path"] == "figures.csv"


def test_validation_catches_data_that_breaks_the_schema(client, tmp_path):
    """The check has teeth: a value that is no number and a repeated primary key are errors."""
    save_pair(client, "en", tmp_path)
    csv_path = tmp_path / "figures.csv"
    header, first, second, *rest = csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"), newline=""))
    first[header.index("value")] = "twelve"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, first, second, second, *rest])
    csv_path.write_bytes(out.getvalue().encode("utf-8-sig"))
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    kinds = {error[2] for error in errors_of(report)}
    assert {"type-error", "primary-key"} <= kinds, errors_of(report)


def test_schema_describes_every_column_in_order_with_types_units_and_key(client):
    package = json.loads(client.get("/en/impact/datapackage.json").content)
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] and package["licenses"][0]["path"].startswith("https://")
    assert package["sources"][0]["path"].endswith("/en/impact/")
    (resource,) = package["resources"]
    schema = resource["schema"]
    fields = {field["name"]: field for field in schema["fields"]}
    assert [field["name"] for field in schema["fields"]] == EXPORT_COLUMNS
    assert schema["primaryKey"] == ["unit_slug", "indicator_code", "period_start", "period_end"]
    assert schema["missingValues"] == [""]
    assert fields["value"]["type"] == fields["baseline"]["type"] == "number"
    assert fields["period_start"]["type"] == "date" and fields["illustrative"]["type"] == "boolean"
    assert set(fields["unit_of_measure"]["constraints"]["enum"]) == set(UnitOfMeasure.values)
    assert fields["status"]["constraints"]["enum"] == FigureStatus.values
    assert "Verified by staff" in fields["status"]["description"]
    assert "Thai baht" in fields["unit_of_measure"]["description"]
    codes = fields["indicator_code"]["constraints"]["enum"]
    assert codes and set(codes) == set(Indicator.objects.values_list("code", flat=True))
    assert "members_total" in fields["indicator_code"]["description"]


@pytest.mark.parametrize(
    ("language", "words"),
    [("th", ("ตัวเลขผลลัพธ์", "หน่วยจัดการเรียนรู้")), ("en", ("Impact figures", "learning units"))],
)
def test_package_texts_are_in_the_page_language(client, language, words):
    package = json.loads(client.get(f"/{language}/impact/datapackage.json").content)
    text = package["title"] + package["description"]
    assert all(word in text for word in words), text
    assert package["homepage"].endswith(f"/{language}/impact/")


def test_package_is_only_beside_the_dashboard(client):
    assert client.get("/th/about/datapackage.json").status_code == 404
    assert client.post("/th/impact/datapackage.json").status_code == 405


def test_dashboard_and_docs_link_the_package(client):
    for language in ("th", "en"):
        body = client.get(f"/{language}/impact/").content.decode()
        assert f'href="/{language}/impact/datapackage.json"' in body
    docs = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"
    assert "/th/impact/datapackage.json" in docs.read_text(encoding="utf-8")
