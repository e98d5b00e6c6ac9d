"""``figures.csv`` opened in a spreadsheet: a formula typed into a source note is shown as text."""

import csv
import io
from decimal import Decimal

import pytest

from home.spreadsheet import runs_as_formula
from impact.models import ImpactFigure
from tests.tools import FORMULA_CELLS

pytestmark = pytest.mark.django_db

SOURCES = FORMULA_CELLS


@pytest.mark.parametrize("lang", ["th", "en"])
def test_formula_sources_come_out_as_text_and_negative_values_as_numbers(client, lang):
    figures = list(ImpactFigure.objects.published().filter(indicator__code="members_total").order_by("pk"))
    marked = figures[: len(SOURCES)]
    for figure, source in zip(marked, SOURCES, strict=True):
        ImpactFigure.objects.filter(pk=figure.pk).update(source=source, value=Decimal("-5"), baseline=Decimal("-7.5"))

    response = client.get(f"/{lang}/impact/figures.csv?indicator=members_total")
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert len(rows) == len(figures)

    sources = [row["source"] for row in rows]
    for source in SOURCES:
        assert sources.count("'" + source) == 1
        assert source not in sources
    # What a spreadsheet would do with each cell: none starts a formula, every number is still a number.
    assert not any(runs_as_formula(cell) for row in rows for cell in row.values())
    negative = [row for row in rows if row["source"].startswith("'")]
    assert [(row["value"], row["baseline"]) for row in negative] == [("-5.00", "-7.50")] * len(SOURCES)
    assert all(Decimal(row["value"]) >= 0 for row in rows if row not in negative)
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in body


def test_libreoffice_opens_formula_cells_of_figures_csv_as_text(client, tmp_path):
    """The real check: LibreOffice Calc imports the CSV; an escaped cell is text, a plain number is a number, and
    the same formula written without the shared writer would have become a formula (so the check can fail)."""
    import subprocess

    import openpyxl

    from tests.tools import require_program

    soffice = require_program("soffice", "libreoffice")
    figure = ImpactFigure.objects.published().filter(indicator__code="members_total").order_by("pk").first()
    ImpactFigure.objects.filter(pk=figure.pk).update(source=SOURCES[0], value=Decimal("-5"))
    body = client.get("/en/impact/figures.csv?indicator=members_total").content.decode("utf-8")
    control = '"=HYPERLINK(""http://x"",""y"")"'  # the same cell, unescaped: must come out as a formula
    (tmp_path / "figures.csv").write_text(body + control + "\n", encoding="utf-8")
    subprocess.run(  # noqa: S603 - a fixed program on a file this test wrote
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "xlsx"]
        + ["--outdir", str(tmp_path), str(tmp_path / "figures.csv")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    sheet = openpyxl.load_workbook(tmp_path / "figures.xlsx").active
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    source, value = header.index("source"), header.index("value")
    escaped = [row for row in rows[1:-1] if row[source].value == "'" + SOURCES[0]]
    assert len(escaped) == 1
    assert escaped[0][source].data_type == "s"
    assert escaped[0][value].data_type == "n" and escaped[0][value].value == -5
    assert rows[-1][0].data_type == "f"  # the control row: an unescaped formula is a formula
