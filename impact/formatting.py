"""Impact figures and periods as each language's readers expect them. Plain functions, tested directly.

Numbers, baht and percentages come from ``home.numbers``; this module adds the indicators' units and
periods (Thai month abbreviations and Buddhist-Era years, English CE years).
"""

import datetime
from decimal import Decimal

from home.dates import ENGLISH_MONTHS_SHORT, THAI_MONTHS_SHORT, display_year
from home.numbers import format_baht, format_compact, format_number, format_percent, is_thai

UNIT_WORDS = {"people": {"th": "คน", "en": "people"}}


def format_value(value, unit, language):
    """A figure with its unit: "฿12,500" / "THB 12,500", "45.5%", "1 : 3.2", "120 คน" / "120 people"."""
    if value is None:
        return "–"
    if unit == "thb":
        return format_baht(value, language, decimals=None)
    if unit == "percent":
        return format_percent(value)
    if unit == "percent_change":
        return format_percent(value, signed=True)
    if unit == "ratio":
        return f"1 : {format_number(value, 2 if (Decimal(value) * 10) % 1 else 1)}"
    if unit == "people":
        words = UNIT_WORDS["people"]["th" if is_thai(language) else "en"]
        return f"{format_number(value, 0)} {words}"
    return format_number(value)


def format_axis(value, unit, language):
    """A short axis tick: 1.2M, 350k, 45%."""
    if unit in ("percent", "percent_change"):
        return format_percent(value, 0)
    return format_compact(value)


def _month_year(day, language):
    months = THAI_MONTHS_SHORT if is_thai(language) else ENGLISH_MONTHS_SHORT
    return months[day.month - 1], display_year(day.year, language or "th")


def format_period(start: datetime.date, end: datetime.date, language):
    """ "ม.ค.–มี.ค. 2567" / "Jan–Mar 2024"; "ต.ค. 2566–มี.ค. 2567" across years; "ม.ค. 2567" for one month."""
    start_month, start_year = _month_year(start, language)
    end_month, end_year = _month_year(end, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start_month} {start_year}"
    if start.year == end.year:
        return f"{start_month}–{end_month} {end_year}"
    return f"{start_month} {start_year}–{end_month} {end_year}"
