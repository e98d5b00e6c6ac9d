"""Demo content for impact: the indicator catalogue (Thai and English), the dashboard page, and
**illustrative** figures for the three pilot units over four quarters of 2024 (2567 BE).

The source article gives no figures (../shared/seed/FACTS.md), so every figure here is made up for
demonstration, flagged ``is_illustrative`` and labelled “ตัวเลขตัวอย่าง” / “Illustrative” wherever shown.
The numbers follow simple formulas (no randomness), so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from home.demo import ensure_page
from home.demo_translation import Pair, pick, translate
from home.models import HomePage

from .models import Direction, ImpactDashboardPage, ImpactFigure, Indicator, UnitOfMeasure

P = Pair
U = UnitOfMeasure

# code, unit, direction, weight, on home, name, definition, how measured
INDICATORS = [
    (
        "members_total",
        U.PEOPLE,
        Direction.HIGHER,
        "",
        True,
        P("สมาชิกกองทุน", "Fund members"),
        P(
            "จำนวนสมาชิกกองทุนทั้งหมด ณ วันสุดท้ายของช่วงเวลา",
            "Everyone who is a member of the fund on the last day of the period.",
        ),
        P("นับจากทะเบียนสมาชิกของกองทุน", "Counted from the fund's member register."),
    ),
    (
        "share_women",
        U.PERCENT,
        Direction.HIGHER,
        "members_total",
        False,
        P("สัดส่วนสมาชิกหญิง", "Share of women members"),
        P("ร้อยละของสมาชิกที่เป็นผู้หญิง", "Women as a percentage of all members."),
        P("จากทะเบียนสมาชิก", "From the member register."),
    ),
    (
        "share_youth",
        U.PERCENT,
        Direction.HIGHER,
        "members_total",
        True,
        P("สัดส่วนสมาชิกเยาวชน", "Share of youth members"),
        P("ร้อยละของสมาชิกที่อายุ 15–24 ปี", "Members aged 15–24 as a percentage of all members."),
        P(
            "จากทะเบียนสมาชิก ตามอายุ ณ วันสุดท้ายของช่วงเวลา",
            "From the member register, by age on the last day of the period.",
        ),
    ),
    (
        "share_disability",
        U.PERCENT,
        Direction.HIGHER,
        "members_total",
        False,
        P("สัดส่วนสมาชิกที่เป็นคนพิการ", "Share of members with disabilities"),
        P("ร้อยละของสมาชิกที่เป็นคนพิการ", "Members with disabilities as a percentage of all members."),
        P("จากทะเบียนสมาชิก ตามที่สมาชิกแจ้งเอง", "From the member register, as members report it."),
    ),
    (
        "attendance_rate",
        U.PERCENT,
        Direction.HIGHER,
        "members_total",
        False,
        P("อัตราการเข้าร่วมประชุม", "Meeting attendance"),
        P(
            "ร้อยละเฉลี่ยของสมาชิกที่เข้าร่วมประชุมกลุ่มในช่วงเวลา",
            "Average percentage of members present at the group's meetings in the period.",
        ),
        P("จากบันทึกการประชุม", "From the meeting minutes."),
    ),
    (
        "savings_total_thb",
        U.THB,
        Direction.HIGHER,
        "",
        True,
        P("เงินออมสะสมของสมาชิก", "Members' savings"),
        P(
            "ยอดเงินออมสะสมของสมาชิกทั้งหมด ณ วันสุดท้ายของช่วงเวลา",
            "Total savings held by members on the last day of the period.",
        ),
        P("จากสมุดบัญชีเงินออมของกองทุน", "From the fund's savings ledger."),
    ),
    (
        "loans_outstanding_thb",
        U.THB,
        Direction.HIGHER,
        "",
        False,
        P("เงินกู้คงค้าง", "Loans outstanding"),
        P(
            "ยอดเงินต้นที่สมาชิกยังค้างชำระ ณ วันสุดท้ายของช่วงเวลา",
            "Principal still owed by members on the last day of the period.",
        ),
        P("จากทะเบียนเงินกู้", "From the loan register."),
    ),
    (
        "repayment_rate",
        U.PERCENT,
        Direction.HIGHER,
        "loans_outstanding_thb",
        False,
        P("อัตราการชำระคืนตรงเวลา", "On-time repayment rate"),
        P(
            "ร้อยละของเงินงวดที่ครบกำหนดและชำระตรงเวลาในช่วงเวลา",
            "Instalments paid on time as a percentage of instalments due in the period.",
        ),
        P("จากทะเบียนเงินกู้และใบเสร็จรับเงิน", "From the loan register and receipts."),
    ),
    (
        "portfolio_at_risk_pct",
        U.PERCENT,
        Direction.LOWER,
        "loans_outstanding_thb",
        False,
        P("เงินกู้ที่มีความเสี่ยง (ค้างชำระเกิน 30 วัน)", "Portfolio at risk (over 30 days)"),
        P(
            "ร้อยละของเงินกู้คงค้างที่มีงวดค้างชำระเกิน 30 วัน",
            "Share of loans outstanding with an instalment more than 30 days late.",
        ),
        P("จากทะเบียนเงินกู้ ณ วันสุดท้ายของช่วงเวลา", "From the loan register on the last day of the period."),
    ),
    (
        "fund_assets_thb",
        U.THB,
        Direction.HIGHER,
        "",
        False,
        P("สินทรัพย์ของกองทุน", "Fund assets"),
        P("เงินสด เงินฝาก และเงินกู้คงค้างของกองทุนรวมกัน", "The fund's cash, deposits and loans outstanding together."),
        P("จากงบดุลของกองทุน", "From the fund's balance sheet."),
    ),
    (
        "social_fund_thb",
        U.THB,
        Direction.HIGHER,
        "",
        False,
        P("กองทุนสวัสดิการ", "Social fund"),
        P("ยอดเงินในกองทุนสวัสดิการสำหรับช่วยเหลือสมาชิกยามจำเป็น", "Money in the social fund that helps members in need."),
        P("จากสมุดบัญชีกองทุนสวัสดิการ", "From the social fund ledger."),
    ),
    (
        "income_change_pct",
        U.PERCENT_CHANGE,
        Direction.HIGHER,
        "members_total",
        False,
        P("การเปลี่ยนแปลงของรายได้", "Change in income"),
        P(
            "ร้อยละการเปลี่ยนแปลงของรายได้จากอาชีพของสมาชิก เทียบกับก่อนเข้าร่วม",
            "Average change in members' income from their occupation, compared with before they joined.",
        ),
        P("สำรวจสมาชิกกลุ่มตัวอย่างทุกไตรมาส", "A quarterly survey of a sample of members."),
    ),
    (
        "learners_completed",
        U.PEOPLE,
        Direction.HIGHER,
        "",
        True,
        P("ผู้เรียนจบหลักสูตรอาชีพ", "Learners who completed a course"),
        P(
            "จำนวนคนที่เรียนจบหลักสูตรพัฒนาอาชีพของหน่วยในช่วงเวลา",
            "People who completed one of the unit's occupational courses in the period.",
        ),
        P("จากทะเบียนผู้เรียน", "From the learner register."),
    ),
    (
        "sroi_ratio",
        U.RATIO,
        Direction.HIGHER,
        "",
        False,
        P("ผลตอบแทนทางสังคมจากการลงทุน (SROI)", "Social return on investment (SROI)"),
        P("มูลค่าทางสังคมที่เกิดขึ้นต่อเงินลงทุน 1 บาท", "Social value created for each baht invested."),
        P("ประเมินปีละครั้งตามหลักการ SROI", "Assessed once a year following SROI principles."),
    ),
]

DASHBOARD = {
    "title": P("ผลลัพธ์", "Impact"),
    "slug": "impact",
    "show_in_menus": True,
    "intro": P(
        "ตัวเลขผลลัพธ์ของหน่วยจัดการเรียนรู้นำร่อง แยกตามตัวชี้วัดและช่วงเวลา พร้อมตารางข้อมูลและไฟล์ข้อมูลเปิด",
        "Results of the pilot learning units by indicator and period, with data tables and open data downloads.",
    ),
    "method_note": P(
        "จำนวนคนและจำนวนเงินรวมกันข้ามหน่วย ส่วนร้อยละและอัตราส่วนเป็นค่าเฉลี่ยถ่วงน้ำหนักตามจำนวนสมาชิกหรือเงินกู้คงค้าง ไม่นำมาบวกกัน",
        "Counts of people and amounts of baht are added up across units; percentages and ratios are averages "
        "weighted by members or loans outstanding, never added up.",
    ),
    "search_description": P(
        "ตัวเลขผลลัพธ์ของตัวแบบกองทุนเพื่อพัฒนาอาชีพ: แผนภูมิ ตาราง และข้อมูลเปิด",
        "Impact figures of the occupational development fund model: charts, tables and open data.",
    ),
}

SOURCE_NOTE = "ตัวเลขตัวอย่างเพื่อการสาธิต ไม่ใช่ผลการวัดจริง / Illustrative figure for demonstration, not a measured result"
QUARTERS = [
    (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
    (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30)),
    (datetime.date(2024, 7, 1), datetime.date(2024, 9, 30)),
    (datetime.date(2024, 10, 1), datetime.date(2024, 12, 31)),
]
YEAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))

# Per unit: starting members, growth per quarter, shares (women, youth, disability), savings per member.
PROFILES = {
    "pho-jai-nai-withi-pho-phiang": {
        "members": 38,
        "growth": 4,
        "women": 55,
        "youth": 30,
        "disability": 5,
        "saving": 1200,
    },
    "ban-pho-thong": {"members": 46, "growth": 3, "women": 82, "youth": 24, "disability": 4, "saving": 900},
    "chae-son-friends-with-disabilities": {
        "members": 27,
        "growth": 2,
        "women": 48,
        "youth": 15,
        "disability": 70,
        "saving": 600,
    },
}


def illustrative_values(profile, quarter):
    """Made-up but plausible values of each indicator for one unit in quarter 0–3 (illustrative only)."""
    members = profile["members"] + profile["growth"] * quarter
    savings = members * profile["saving"] * (quarter + 2)
    loans = savings * Decimal("0.7")
    social = members * 50 * (quarter + 1)
    return {
        "members_total": (Decimal(members), Decimal(profile["members"] - 10)),
        "share_women": (Decimal(profile["women"] + quarter), None),
        "share_youth": (Decimal(profile["youth"] + 2 * quarter), Decimal(max(profile["youth"] - 10, 0))),
        "share_disability": (Decimal(profile["disability"]), None),
        "attendance_rate": (Decimal(72 + 4 * quarter), None),
        "savings_total_thb": (Decimal(savings), Decimal(0)),
        "loans_outstanding_thb": (loans.quantize(Decimal(1)), None),
        "repayment_rate": (Decimal(90 + 2 * quarter) - Decimal(profile["growth"]), None),
        "portfolio_at_risk_pct": (Decimal(8 - quarter) + Decimal(profile["growth"]) / 2, None),
        "fund_assets_thb": ((Decimal(savings) * Decimal("1.15") + 20000).quantize(Decimal(1)), Decimal(20000)),
        "social_fund_thb": (Decimal(social), Decimal(0)),
        "income_change_pct": (Decimal(3 * quarter + profile["growth"]), None),
        "learners_completed": (Decimal(5 + profile["growth"] + quarter * 2), None),
    }


def _ensure_indicators():
    thai = Locale.objects.get(language_code="th")
    found = {}
    for order, (code, unit, direction, weight, on_home, name, definition, how) in enumerate(INDICATORS):
        texts = {"name": name, "definition": definition, "how_measured": how}
        fixed = {
            "code": code,
            "unit": unit,
            "direction": direction,
            "weight_code": weight,
            "show_on_home": on_home,
            "sort_order": order,
        }
        indicator = Indicator.objects.filter(locale=thai, code=code).first()
        if indicator is None:
            indicator = Indicator.objects.create(locale=thai, **fixed, **pick(texts, "th"))
        translate(indicator, Indicator(**fixed, **pick(texts, "en")))
        found[code] = indicator
    return found


def _ensure_figures(indicators):
    created = 0
    pages = CaseStudyPage.objects.filter(locale__language_code="th", alias_of__isnull=True, slug__in=PROFILES)
    for page in pages:
        existing = set(
            ImpactFigure.objects.filter(page=page).values_list("indicator__code", "period_start", "period_end")
        )
        new = []
        for quarter, (start, end) in enumerate(QUARTERS):
            for code, (value, baseline) in illustrative_values(PROFILES[page.slug], quarter).items():
                if (code, start, end) not in existing:
                    new.append((code, start, end, value, baseline))
        sroi = Decimal("2.4") + Decimal(PROFILES[page.slug]["growth"]) / 5
        if ("sroi_ratio", *YEAR) not in existing:
            new.append(("sroi_ratio", *YEAR, sroi, None))
        ImpactFigure.objects.bulk_create(
            ImpactFigure(
                page=page,
                indicator=indicators[code],
                period_start=start,
                period_end=end,
                value=value,
                baseline=baseline,
                source=SOURCE_NOTE,
                is_illustrative=True,
            )
            for code, start, end, value, baseline in new
        )
        created += len(new)
    return created


def load(stdout=None):
    indicators = _ensure_indicators()
    home = HomePage.objects.get(locale__language_code="th")
    ensure_page(home, ImpactDashboardPage, DASHBOARD)
    created = _ensure_figures(indicators)
    if stdout:
        stdout.write(f"impact: {len(indicators)} indicators, dashboard page, {created} new illustrative figures")
