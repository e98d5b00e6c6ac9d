"""Numbers as each language's readers expect them: Thai digits accepted on input, baht shown per language.

Plain functions with no Django imports, so they are tested directly.
"""

from decimal import Decimal

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalise_number(text: str) -> str:
    """Turn what a reader typed into plain ASCII digits: Thai digits, thousands separators, ฿ and spaces."""
    text = str(text).translate(THAI_DIGITS)
    for noise in (",", " ", "\u00a0", "\u200b", "฿", "บาท", "THB", "thb", "%"):
        text = text.replace(noise, "")
    return text.strip()


def format_number(value, places: int = 2) -> str:
    """12345.6 -> "12,345.60" (the same grouping in Thai and English)."""
    return f"{Decimal(value):,.{places}f}"


def format_baht(value, language: str, places: int = 2) -> str:
    """An amount of baht: "฿12,345.00" for Thai readers, "THB 12,345.00" for English readers."""
    number = format_number(value, places)
    negative = number.startswith("-")
    number = number.lstrip("-")
    text = f"฿{number}" if language.startswith("th") else f"THB {number}"
    return f"−{text}" if negative else text
