"""The toolkit's DOCX and XLSX forms: titles and parts are real headings, table header rows are marked, and
LibreOffice opens and converts each without an error (skipped loudly without LibreOffice, never in CI)."""

import io
import subprocess

import pytest

from tests.tools import require_program
from toolkit import demo_files


@pytest.mark.parametrize("language", ["th", "en"])
def test_constitution_has_real_headings_and_a_marked_table_header(language):
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(demo_files.constitution_docx(language)))
    styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styles[0] == "Heading 1" and styles.count("Heading 1") == 1
    assert styles.count("Heading 2") == len(demo_files.TEXT["constitution"]["sections"])
    [table] = document.tables
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


@pytest.mark.parametrize("language", ["th", "en"])
def test_ledger_header_rows_are_bold_table_headers_printed_on_each_page(language):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(demo_files.ledger_xlsx(language)))
    assert len(workbook.worksheets) >= 2
    for sheet in workbook.worksheets:
        [table] = sheet.tables.values()
        assert table.ref.startswith("A1:") and table.headerRowCount in (None, 1)
        assert all(cell.font.b for cell in sheet[1] if cell.value)
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2"


FORMS = [
    ("constitution-th.docx", demo_files.constitution_docx, "th"),
    ("constitution-en.docx", demo_files.constitution_docx, "en"),
    ("ledger-th.xlsx", demo_files.ledger_xlsx, "th"),
    ("ledger-en.xlsx", demo_files.ledger_xlsx, "en"),
]


def test_libreoffice_opens_every_form_without_an_error(tmp_path):
    soffice = require_program("soffice", "libreoffice", package="libreoffice-writer-nogui libreoffice-calc-nogui")
    for name, build, language in FORMS:
        (tmp_path / name).write_bytes(build(language))
    result = subprocess.run(  # noqa: S603 - LibreOffice from PATH on our own files
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            *[str(tmp_path / name) for name, _, _ in FORMS],
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert not problems, result.stderr
    from pypdf import PdfReader

    for name, _, language in FORMS:
        pdf = tmp_path / "out" / name.replace(".docx", ".pdf").replace(".xlsx", ".pdf")
        assert pdf.exists(), (name, result.stdout, result.stderr)
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        if language == "en":  # the machine may lack a Thai font: only the English text is compared
            text = " ".join(page.extract_text() for page in reader.pages)
            expected = "Signature" if name.endswith(".docx") else "Member no."
            assert expected in text, text[:500]
