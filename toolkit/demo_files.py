"""The demo toolkit's real, usable files, generated in Thai and English: a fund constitution template
(DOCX), a member ledger and loan register (XLSX), a committee minutes form and a monitoring form (PDF).

Their text lives in toolkit/demo/files.yaml; this module lays it out. Nothing in them is a real figure.
"""

import io
from pathlib import Path

from django.utils.html import escape

from home.demo_data import pick, read

from .pdf import html_to_pdf

THAI_FONT = "Sarabun"

TEXT = read(
    Path(__file__).parent / "demo" / "files.yaml",
    required={
        "constitution": ("title", "note", "sections", "signature", "signature_columns", "signatories"),
        "ledger": ("title", "note", "sheets"),
        "minutes": ("title", "fields", "attendance", "attendance_columns", "agenda", "decisions", "money", "sign"),
        "monitoring": ("title", "intro", "period", "columns", "groups", "reflection"),
    },
)


def _set_thai_font(run_or_style):
    """Word picks complex-script (Thai) glyphs from the cs font, so set it as well as the Latin ones."""
    from docx.oxml.ns import qn

    run_or_style.font.name = THAI_FONT
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), THAI_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:bidi"), "th-TH")


def _repeat_header_row(row):
    """Mark a table's first row as its header: repeated on every page and read as column headers."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    tr_pr.append(header)


def constitution_docx(language):
    """The fund constitution template as DOCX bytes: the title and parts as real headings (Heading 1 and 2, the
    document's outline), and a signature table whose header row is marked as one."""
    from docx import Document
    from docx.shared import Pt

    text = pick(TEXT["constitution"], language)
    document = Document()
    for name in ("Normal", "Heading 1", "Heading 2", "Table Grid"):
        _set_thai_font(document.styles[name])
    document.styles["Normal"].font.size = Pt(14 if language == "th" else 11)
    document.core_properties.title = text["title"]
    document.core_properties.language = language
    document.add_heading(text["title"], level=1)
    document.add_paragraph(text["note"]).italic = True
    for section in text["sections"]:
        document.add_heading(section["heading"], level=2)
        for clause in section["clauses"]:
            document.add_paragraph(clause)
    document.add_paragraph("")
    document.add_paragraph(text["signature"])
    table = document.add_table(rows=1 + len(text["signatories"]), cols=len(text["signature_columns"]))
    table.style = document.styles["Table Grid"]
    _repeat_header_row(table.rows[0])
    for cell, heading in zip(table.rows[0].cells, text["signature_columns"], strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for row, role in zip(table.rows[1:], text["signatories"], strict=True):
        row.cells[0].text = role
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ledger_xlsx(language):
    """The member ledger and loan register workbook as XLSX bytes (one sheet per book)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    data = pick(TEXT["ledger"], language)
    workbook = Workbook()
    workbook.remove(workbook.active)
    header_font = Font(name=THAI_FONT, bold=True, color="FFFFFF")
    body_font = Font(name=THAI_FONT)
    fill = PatternFill("solid", fgColor="0B5C3B")
    for sheet in data["sheets"]:
        ws = workbook.create_sheet(sheet["name"])
        ws.append(sheet["columns"])
        ws.append(sheet["example"])
        for cell in ws[1]:
            cell.font, cell.fill = header_font, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in ws[2]:
            cell.font = Font(name=THAI_FONT, italic=True, color="4A5551")
        for column in ws.columns:
            ws.column_dimensions[column[0].column_letter].width = max(14, min(34, len(str(column[0].value)) + 4))
        ws.freeze_panes = "A2"
        # The header row as a table's header (screen readers announce it with each cell) and printed on each page.
        table = Table(displayName=f"Book{len(workbook.worksheets)}", ref=f"A1:{get_column_letter(ws.max_column)}2")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        ws.add_table(table)
        ws.print_title_rows = "1:1"
        note_row = 4
        ws.cell(row=note_row, column=1, value=data["note"]).font = body_font
    workbook.properties.title = data["title"]
    workbook.properties.language = language
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FORM_CSS = """
@page{size:A4;margin:16mm 16mm 18mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt}}
body{font-size:11pt;line-height:1.55;color:#1c2321}
h1{font-size:17pt;color:#073d27;margin:0 0 4mm}
h2{font-size:12.5pt;color:#073d27;margin:5mm 0 2mm}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th:first-child{width:55%}
th,td{border:1px solid #4a5551;padding:1.5mm 2mm;text-align:left;vertical-align:top}
th{background:#e4f0e9}
td{height:8mm}
.lines div{border-bottom:1px solid #4a5551;height:8mm}
.note{color:#4a5551;font-size:10pt}
"""


def _form_html(language, title, body):
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{FORM_CSS}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _lines(n):
    return '<div class="lines">' + "<div></div>" * n + "</div>"


def minutes_pdf(language):
    """The committee meeting minutes form as PDF bytes."""
    t = pick(TEXT["minutes"], language)
    rows = "".join("<tr>" + "<td></td>" * 4 + "</tr>" for _ in range(8))
    head = "".join(f"<th>{escape(c)}</th>" for c in t["attendance_columns"])
    agenda = "".join(f"<h2>{escape(item)}</h2>{_lines(3)}" for item in t["agenda"])
    money = "".join(f"<tr><th scope='row'>{escape(r)}</th><td></td></tr>" for r in t["money_rows"])
    body = (
        "".join(f"<p>{escape(f)}</p>" for f in t["fields"])
        + f"<h2>{escape(t['attendance'])}</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        + agenda
        + f"<h2>{escape(t['money'])}</h2><table>{money}</table>"
        + f"<h2>{escape(t['decisions'])}</h2>{_lines(5)}"
        + f"<p style='margin-top:10mm'>{escape(t['sign'])}</p>"
    )
    return html_to_pdf(_form_html(language, t["title"], body))


def monitoring_pdf(language):
    """The quarterly results and social return monitoring form as PDF bytes."""
    t = pick(TEXT["monitoring"], language)
    head = "".join(f"<th>{escape(c)}</th>" for c in t["columns"])
    groups = "".join(
        f"<h2>{escape(group['name'])}</h2><table><thead><tr>{head}</tr></thead><tbody>"
        + "".join(f"<tr><td>{escape(row)}</td><td></td><td></td><td></td></tr>" for row in group["rows"])
        + "</tbody></table>"
        for group in t["groups"]
    )
    body = (
        f"<p class='note'>{escape(t['intro'])}</p><p>{escape(t['period'])}</p>{groups}"
        f"<h2>{escape(t['reflection'])}</h2>{_lines(6)}"
    )
    return html_to_pdf(_form_html(language, t["title"], body))
