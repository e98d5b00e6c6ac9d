"""Numbers and periods as each language's readers expect them. Plain functions, tested directly.

Thai: ฿ before amounts, Thai month abbreviations and Buddhist-Era years. English: THB and CE years.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from home.dates import ENGLISH_MONTHS_SHORT, THAI_MONTHS_SHORT, display_year

UNIT_WORDS = {"people": {"th": "คน", "en": "people"}}


def _thai(language):
    return (language or "th").startswith("th")


def format_number(value, decimals=None):
    """1234567.5 → "1,234,567.5"; whole numbers without decimals; at most two decimals unless told."""
    if value is None:
        return ""
    number = Decimal(value)
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else (1 if (number * 10) % 1 == 0 else 2)
    quantum = Decimal(1).scaleb(-decimals)
    return f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"


def format_value(value, unit, language):
    """A figure with its unit: "฿12,500" / "THB 12,500", "45.5%", "1 : 3.2", "120 คน" / "120 people"."""
    if value is None:
        return "–"
    if unit == "thb":
        amount = format_number(value)
        return f"฿{amount}" if _thai(language) else f"THB {amount}"
    if unit == "percent":
        return f"{format_number(value, 1 if Decimal(value) % 1 else 0)}%"
    if unit == "percent_change":
        sign = "+" if Decimal(value) > 0 else ""
        return f"{sign}{format_number(value, 1 if Decimal(value) % 1 else 0)}%"
    if unit == "ratio":
        return f"1 : {format_number(value, 2 if (Decimal(value) * 10) % 1 else 1)}"
    if unit == "people":
        words = UNIT_WORDS["people"]["th" if _thai(language) else "en"]
        return f"{format_number(value, 0)} {words}"
    return format_number(value)


def format_axis(value, unit, language):
    """A short axis tick: 1.2M, 350k, 45%."""
    number = Decimal(value)
    if unit in ("percent", "percent_change"):
        return f"{format_number(number, 0)}%"
    for size, suffix in ((Decimal(1_000_000), "M"), (Decimal(1_000), "k")):
        if abs(number) >= size:
            short = number / size
            text = format_number(short, 0 if short >= 10 or short % 1 == 0 else 1)
            return f"{text}{suffix}"
    return format_number(number)


def _month_year(day, language):
    months = THAI_MONTHS_SHORT if _thai(language) else ENGLISH_MONTHS_SHORT
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
