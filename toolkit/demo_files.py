"""The demo toolkit's real, usable files, generated in Thai and English: a fund constitution template
(DOCX), a member ledger and loan register (XLSX), a committee minutes form and a monitoring form (PDF).

The contents follow common practice of community savings-and-loan funds; nothing in them is a real figure.
"""

import io

from django.utils.html import escape

from home.demo_translation import Pair as P
from home.demo_translation import pick

from .pdf import html_to_pdf

THAI_FONT = "Sarabun"

CONSTITUTION = {
    "title": P("ระเบียบกองทุนเพื่อพัฒนาอาชีพ (แบบร่าง)", "Occupational Development Fund constitution (template)"),
    "note": P(
        "แบบร่างนี้ให้คณะทำงานปรับแก้ร่วมกับสมาชิก ข้อความในวงเล็บเหลี่ยม [ ] ให้เติมตามที่ที่ประชุมสมาชิกตกลง",
        "A draft for the working committee to adapt with the members. Fill in the text in square brackets [ ] "
        "as agreed by the members' meeting.",
    ),
    "sections": [
        (
            P("หมวด 1 ชื่อและที่ตั้ง", "Part 1. Name and address"),
            [
                P(
                    "ข้อ 1 กองทุนนี้ชื่อว่า “กองทุนเพื่อพัฒนาอาชีพ [ชื่อกลุ่มหรือชุมชน]” ตั้งอยู่ที่ [ที่อยู่]",
                    "1. The fund is called “[community or group name] Occupational Development Fund” and is based at [address].",
                ),
            ],
        ),
        (
            P("หมวด 2 วัตถุประสงค์", "Part 2. Purpose"),
            [
                P(
                    "ข้อ 2 ใช้อาชีพและกองทุนเป็นเครื่องมือให้สมาชิกเกิดการเรียนรู้ พัฒนาอาชีพ และมีรายได้ โดยเฉพาะเยาวชนที่ด้อยโอกาสและแรงงานนอกระบบ",
                    "2. To use occupations and the fund as tools for members to learn, develop an occupation and earn, "
                    "especially disadvantaged youth and informal workers.",
                ),
                P(
                    "ข้อ 3 ต่อยอดจากทุนเดิมของชุมชน ทั้งกลุ่ม ทักษะ และกองทุนที่มีอยู่แล้ว",
                    "3. To build on the community's existing capital: its groups, skills and funds.",
                ),
                P(
                    "ข้อ 4 ส่งผลลัพธ์ย้อนกลับคืนสู่สังคม ผ่านกองทุนสวัสดิการและงบการเรียนรู้",
                    "4. To return results to society through the social fund and the learning budget.",
                ),
            ],
        ),
        (
            P("หมวด 3 สมาชิก", "Part 3. Members"),
            [
                P(
                    "ข้อ 5 ผู้สมัครเป็นสมาชิกต้องอาศัยหรือทำงานในพื้นที่ [พื้นที่] และยอมรับระเบียบนี้",
                    "5. Members live or work in [area] and accept this constitution.",
                ),
                P(
                    "ข้อ 6 สมาชิกฝากเงินออมอย่างน้อยเดือนละ [จำนวน] บาท และเข้าร่วมประชุมสมาชิก",
                    "6. Members save at least [amount] baht a month and attend members' meetings.",
                ),
                P(
                    "ข้อ 7 สมาชิกพ้นสภาพเมื่อลาออก ตาย หรือที่ประชุมสมาชิกมีมติให้ออก โดยได้รับเงินออมคืนหลังหักหนี้ที่ค้าง",
                    "7. Membership ends on resignation, death or a decision of the members' meeting; savings are repaid "
                    "after any outstanding debt is deducted.",
                ),
            ],
        ),
        (
            P("หมวด 4 คณะทำงาน", "Part 4. Working committee"),
            [
                P(
                    "ข้อ 8 คณะทำงานมี [จำนวน] คน มาจากการเลือกของที่ประชุมสมาชิก วาระละ [จำนวน] ปี "
                    "ต้องมีผู้แทนเยาวชนและผู้แทนแรงงานนอกระบบอย่างน้อยกลุ่มละ 1 คน",
                    "8. The working committee has [number] members elected by the members' meeting for [number] years, "
                    "with at least one youth representative and one informal-worker representative.",
                ),
                P(
                    "ข้อ 9 คณะทำงานประกอบด้วยประธาน เหรัญญิก เลขานุการ และผู้ตรวจสอบ ผู้ถือเงินสดกับผู้ลงบัญชีต้องไม่ใช่คนเดียวกัน",
                    "9. The committee has a chair, a treasurer, a secretary and an auditor. The person who holds cash and "
                    "the person who keeps the books are never the same.",
                ),
                P(
                    "ข้อ 10 คณะทำงานประชุมอย่างน้อยเดือนละครั้ง และบันทึกรายงานการประชุมทุกครั้ง",
                    "10. The committee meets at least monthly and keeps minutes of every meeting.",
                ),
            ],
        ),
        (
            P("หมวด 5 เงินกู้เพื่ออาชีพ", "Part 5. Loans for occupations"),
            [
                P(
                    "ข้อ 11 สมาชิกกู้ได้เพื่อประกอบอาชีพหรือการเรียนรู้เท่านั้น วงเงินไม่เกิน [จำนวน] บาท ผ่อนชำระไม่เกิน [จำนวน] เดือน",
                    "11. Members may borrow only for an occupation or for learning, up to [amount] baht, repaid within "
                    "[number] months.",
                ),
                P(
                    "ข้อ 12 ค่าธรรมเนียมหรือดอกเบี้ยร้อยละ [อัตรา] ต่อเดือน ตามที่ที่ประชุมสมาชิกกำหนด",
                    "12. A fee or interest of [rate] per cent a month, as set by the members' meeting.",
                ),
                P(
                    "ข้อ 13 ผู้กู้ที่ผ่อนชำระไม่ได้ให้แจ้งคณะทำงานเพื่อหาทางออกร่วมกันก่อนครบกำหนด",
                    "13. A borrower who cannot repay tells the committee before the due date, so that a solution can be "
                    "found together.",
                ),
            ],
        ),
        (
            P("หมวด 6 การจัดสรรผลกำไร", "Part 6. Use of the surplus"),
            [
                P(
                    "ข้อ 14 ผลกำไรสุทธิประจำปีจัดสรรดังนี้ ทุนสำรอง ร้อยละ [ ] กองทุนสวัสดิการ ร้อยละ [ ] "
                    "งบการเรียนรู้และพัฒนาอาชีพ ร้อยละ [ ] เงินปันผลสมาชิก ร้อยละ [ ]",
                    "14. The yearly net surplus is shared: reserve [ ]%, social fund [ ]%, learning and occupational "
                    "development [ ]%, members' dividend [ ]%.",
                ),
            ],
        ),
        (
            P("หมวด 7 การตรวจสอบและการแก้ไขระเบียบ", "Part 7. Audit and amendment"),
            [
                P(
                    "ข้อ 15 ผู้ตรวจสอบตรวจบัญชีทุกไตรมาส และรายงานต่อที่ประชุมสมาชิกประจำปี",
                    "15. The auditor checks the books every quarter and reports to the annual members' meeting.",
                ),
                P(
                    "ข้อ 16 การแก้ไขระเบียบต้องได้รับความเห็นชอบจากสมาชิกไม่น้อยกว่าสองในสามของผู้เข้าประชุม",
                    "16. This constitution is amended only with the approval of at least two thirds of the members present.",
                ),
            ],
        ),
    ],
    "signature": P(
        "ที่ประชุมสมาชิกให้ความเห็นชอบเมื่อวันที่ ........................ ลงชื่อประธาน ........................",
        "Approved by the members' meeting on ........................ Signed (chair) ........................",
    ),
}


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


def constitution_docx(language):
    """The fund constitution template as DOCX bytes."""
    from docx import Document
    from docx.shared import Pt

    text = pick(CONSTITUTION, language)
    document = Document()
    for name in ("Normal", "Title", "Heading 1"):
        style = document.styles[name]
        _set_thai_font(style)
    document.styles["Normal"].font.size = Pt(14 if language == "th" else 11)
    document.core_properties.title = text["title"]
    document.core_properties.language = language
    document.add_heading(text["title"], level=0)
    document.add_paragraph(text["note"]).italic = True
    for heading, clauses in text["sections"]:
        document.add_heading(heading, level=1)
        for clause in clauses:
            document.add_paragraph(clause)
    document.add_paragraph("")
    document.add_paragraph(text["signature"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LEDGER = {
    "title": P("สมุดทะเบียนสมาชิกและทะเบียนเงินกู้", "Member ledger and loan register"),
    "note": P(
        "แถวตัวอย่างเป็นตัวเลขตัวอย่าง (ไม่ใช่ข้อมูลจริง) ลบแล้วกรอกข้อมูลของกองทุน",
        "Example rows are illustrative figures (not real data): delete them and enter your fund's own.",
    ),
    "sheets": [
        {
            "name": P("สมาชิก", "Members"),
            "columns": [
                P("เลขที่สมาชิก", "Member no."),
                P("ชื่อ-นามสกุล", "Name"),
                P("กลุ่ม (เยาวชน/แรงงานนอกระบบ/อื่น ๆ)", "Group (youth / informal worker / other)"),
                P("วันที่สมัคร", "Joined"),
                P("อาชีพ", "Occupation"),
                P("เงินออมสะสม (บาท)", "Savings to date (baht)"),
            ],
            "example": [
                1,
                P("ตัวอย่าง สมาชิก", "Example Member"),
                P("เยาวชน", "youth"),
                "2024-01-15",
                P("ทอเสื่อ", "mat weaving"),
                600,
            ],
        },
        {
            "name": P("เงินออม", "Savings"),
            "columns": [
                P("วันที่", "Date"),
                P("เลขที่สมาชิก", "Member no."),
                P("ฝาก (บาท)", "Deposit (baht)"),
                P("ถอน (บาท)", "Withdrawal (baht)"),
                P("คงเหลือ (บาท)", "Balance (baht)"),
                P("ผู้รับเงิน", "Received by"),
            ],
            "example": ["2024-02-01", 1, 100, 0, "=C2-D2", P("เหรัญญิก", "treasurer")],
        },
        {
            "name": P("ทะเบียนเงินกู้", "Loan register"),
            "columns": [
                P("เลขที่สัญญา", "Loan no."),
                P("เลขที่สมาชิก", "Member no."),
                P("วันที่กู้", "Date"),
                P("วัตถุประสงค์ (อาชีพ/การเรียนรู้)", "Purpose (occupation / learning)"),
                P("เงินต้น (บาท)", "Principal (baht)"),
                P("ค่าธรรมเนียม % ต่อเดือน", "Fee % per month"),
                P("จำนวนงวด (เดือน)", "Term (months)"),
                P("ค่างวดต่อเดือน (บาท)", "Monthly instalment (baht)"),
                P("ชำระแล้ว (บาท)", "Repaid (baht)"),
                P("คงค้าง (บาท)", "Outstanding (baht)"),
            ],
            "example": [
                "L-001",
                1,
                "2024-03-01",
                P("ซื้อกกสำหรับทอเสื่อ", "sedge reed for mat weaving"),
                3000,
                1,
                6,
                "=ROUND(E2/G2+E2*F2/100,2)",
                0,
                "=E2+E2*F2/100*G2-I2",
            ],
        },
        {
            "name": P("การชำระคืน", "Repayments"),
            "columns": [
                P("วันที่", "Date"),
                P("เลขที่สัญญา", "Loan no."),
                P("งวดที่", "Instalment"),
                P("เงินต้น (บาท)", "Principal (baht)"),
                P("ค่าธรรมเนียม (บาท)", "Fee (baht)"),
                P("ผู้รับเงิน", "Received by"),
            ],
            "example": ["2024-04-01", "L-001", 1, 500, 30, P("เหรัญญิก", "treasurer")],
        },
        {
            "name": P("กองทุนสวัสดิการ", "Social fund"),
            "columns": [
                P("วันที่", "Date"),
                P("รายการ", "Item"),
                P("รับ (บาท)", "In (baht)"),
                P("จ่าย (บาท)", "Out (baht)"),
                P("มติที่ประชุมครั้งที่", "Meeting decision no."),
            ],
            "example": ["2024-12-31", P("จัดสรรจากผลกำไร", "share of the surplus"), 1000, 0, "12/2567"],
        },
    ],
}


def ledger_xlsx(language):
    """The member ledger and loan register workbook as XLSX bytes (one sheet per book)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    data = pick(LEDGER, language)
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
        note_row = 4
        ws.cell(row=note_row, column=1, value=data["note"]).font = body_font
    workbook.properties.title = data["title"]
    workbook.properties.language = language
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MINUTES = {
    "title": P("แบบบันทึกรายงานการประชุมคณะทำงานกองทุน", "Working committee meeting minutes form"),
    "fields": [
        P(
            "ครั้งที่ ........ / ........ วันที่ ......................... เวลา ............ สถานที่ .........................",
            "Meeting no. ........ / ........ Date ......................... Time ............ Place .........................",
        ),
        P(
            "ประธานในที่ประชุม .........................   ผู้บันทึก .........................",
            "Chair .........................   Minutes taken by .........................",
        ),
    ],
    "attendance": P("ผู้เข้าประชุม", "Attendance"),
    "attendance_columns": [
        P("ชื่อ", "Name"),
        P("บทบาท", "Role"),
        P("เยาวชน / แรงงานนอกระบบ", "Youth / informal worker"),
        P("ลายมือชื่อ", "Signature"),
    ],
    "agenda": [
        P("วาระที่ 1 เรื่องแจ้งเพื่อทราบ", "Item 1. For information"),
        P("วาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว", "Item 2. Approval of the last minutes"),
        P(
            "วาระที่ 3 รายงานการเงิน: เงินออม เงินกู้ การชำระคืน กองทุนสวัสดิการ",
            "Item 3. Money: savings, loans, repayments, social fund",
        ),
        P("วาระที่ 4 คำขอกู้และการติดตามผู้กู้", "Item 4. Loan requests and follow-up of borrowers"),
        P("วาระที่ 5 การเรียนรู้และการพัฒนาอาชีพ", "Item 5. Learning and occupational development"),
        P("วาระที่ 6 เรื่องอื่น ๆ", "Item 6. Other business"),
    ],
    "decisions": P("มติที่ประชุม / ผู้รับผิดชอบ / กำหนดเสร็จ", "Decisions / who / by when"),
    "money": P("สรุปการเงิน (บาท)", "Money summary (baht)"),
    "money_rows": [P("ยอดยกมา", "Brought forward"), P("รับ", "Received"), P("จ่าย", "Paid out"), P("คงเหลือ", "Balance")],
    "sign": P(
        "ลงชื่อ ......................... ผู้บันทึก     ลงชื่อ ......................... ประธาน",
        "Signed ......................... (minutes)     Signed ......................... (chair)",
    ),
}

MONITORING = {
    "title": P("แบบติดตามผลลัพธ์และผลตอบแทนทางสังคม", "Results and social return monitoring form"),
    "intro": P(
        "กรอกทุกไตรมาส ร่วมกับสมาชิก ตัวเลขที่กรอกต้องมาจากบัญชีและการนับจริง ระบุแหล่งที่มาทุกครั้ง",
        "Fill in every quarter, with the members. Every number comes from the books or a real count; always note "
        "its source.",
    ),
    "period": P(
        "หน่วย ......................... ไตรมาส ........ ปี ........ ผู้กรอก .........................",
        "Unit ......................... Quarter ........ Year ........ Filled in by .........................",
    ),
    "columns": [
        P("ตัวชี้วัด", "Indicator"),
        P("ค่าเริ่มต้น", "Baseline"),
        P("ไตรมาสนี้", "This quarter"),
        P("แหล่งข้อมูล", "Source"),
    ],
    "groups": [
        (
            P("การเรียนรู้", "Learning"),
            [
                P("จำนวนผู้เข้าร่วมการเรียนรู้ (คน)", "People taking part in learning"),
                P("เยาวชนที่กลับเข้าเรียนหรือได้เรียนต่อ (คน)", "Young people back in or continuing education"),
                P("ทักษะใหม่ที่สมาชิกได้ฝึก (รายการ)", "New skills members practised"),
            ],
        ),
        (
            P("อาชีพและรายได้", "Occupation and income"),
            [
                P("สมาชิกที่มีอาชีพหรืองานเพิ่มขึ้น (คน)", "Members with a new or larger occupation"),
                P("รายได้เฉลี่ยต่อเดือนของสมาชิก (บาท)", "Members' average monthly income (baht)"),
            ],
        ),
        (
            P("กองทุน", "The fund"),
            [
                P("เงินออมสะสม (บาท)", "Total savings (baht)"),
                P("เงินกู้คงค้าง (บาท)", "Loans outstanding (baht)"),
                P("อัตราการชำระคืนตรงเวลา (%)", "On-time repayment rate (%)"),
                P("ผู้แทนเยาวชน/แรงงานนอกระบบในคณะทำงาน (คน)", "Youth / informal-worker members of the committee"),
            ],
        ),
        (
            P("ผลตอบแทนทางสังคม", "Social return"),
            [
                P("เงินกองทุนสวัสดิการที่จ่ายช่วยเหลือ (บาท)", "Social fund support paid (baht)"),
                P("กิจกรรมที่คืนประโยชน์สู่ชุมชน (ครั้ง)", "Activities giving back to the community"),
                P("เรื่องเล่าการเปลี่ยนแปลงที่เก็บได้ (เรื่อง)", "Stories of change collected"),
            ],
        ),
    ],
    "reflection": P("สิ่งที่ได้เรียนรู้และสิ่งที่จะปรับในไตรมาสหน้า", "What we learned and what we will change next quarter"),
}

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
    t = pick(MINUTES, language)
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
    t = pick(MONITORING, language)
    head = "".join(f"<th>{escape(c)}</th>" for c in t["columns"])
    groups = "".join(
        f"<h2>{escape(name)}</h2><table><thead><tr>{head}</tr></thead><tbody>"
        + "".join(f"<tr><td>{escape(row)}</td><td></td><td></td><td></td></tr>" for row in rows)
        + "</tbody></table>"
        for name, rows in t["groups"]
    )
    body = (
        f"<p class='note'>{escape(t['intro'])}</p><p>{escape(t['period'])}</p>{groups}"
        f"<h2>{escape(t['reflection'])}</h2>{_lines(6)}"
    )
    return html_to_pdf(_form_html(language, t["title"], body))
