"""Dates as each language's readers expect them: Buddhist Era (พ.ศ.) in Thai, Common Era in English.

Plain functions with no Django imports, so they are tested directly.
"""

import datetime

BE_OFFSET = 543

THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
THAI_MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
ENGLISH_MONTHS_SHORT = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
ENGLISH_MONTHS_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def display_year(year: int, language: str) -> int:
    """The year as a reader of ``language`` counts it (BE for Thai, CE otherwise)."""
    return year + BE_OFFSET if language.startswith("th") else year


def format_date(value: datetime.date, language: str, long: bool = False) -> str:
    """Format a date as "22 ก.พ. 2566" (Thai) or "22 Feb 2023" (English); ``long`` spells months out."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if language.startswith("th"):
        months = THAI_MONTHS_LONG if long else THAI_MONTHS_SHORT
    else:
        months = ENGLISH_MONTHS_LONG if long else ENGLISH_MONTHS_SHORT
    return f"{value.day} {months[value.month - 1]} {display_year(value.year, language)}"


def format_month(value: datetime.date, language: str) -> str:
    """Month and year, e.g. "ก.พ. 2566" / "Feb 2023" (for periods and chart axes)."""
    months = THAI_MONTHS_SHORT if language.startswith("th") else ENGLISH_MONTHS_SHORT
    return f"{months[value.month - 1]} {display_year(value.year, language)}"
