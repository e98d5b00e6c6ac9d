"""Numbers as Thai and English readers expect them: digits grouped by thousands, baht, percentages.

Both languages group digits the same way (``1,234,567.5``) and use Western digits on screen; Thai digits
(๐–๙) are accepted on input. Thai readers see ``฿`` before an amount, English readers ``THB``. Plain
functions with no Django imports, tested directly (``home/tests/test_numbers.py``).
"""

from decimal import ROUND_HALF_UP, Decimal

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MINUS = "−"  # U+2212, before a currency sign: "−฿3.00"


def is_thai(language):
    """Whether ``language`` (a language code, or None for the default) is Thai."""
    return (language or "th").startswith("th")


def normalise_number(text) -> str:
    """Turn what a reader typed into plain ASCII digits: Thai digits, thousands separators, ฿ and spaces."""
    text = str(text).translate(THAI_DIGITS)
    for noise in (",", " ", "\u00a0", "\u200b", "฿", "บาท", "THB", "thb", "%"):
        text = text.replace(noise, "")
    return text.strip()


def auto_decimals(value) -> int:
    """Decimals worth showing: 0 for whole numbers, else 1 or 2 (``12.5`` → 1, ``12.345`` → 2)."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return 0
    return 1 if (number * 10) % 1 == 0 else 2


def format_number(value, decimals=None) -> str:
    """``1234567.5`` → ``"1,234,567.5"``; ``decimals`` fixes the places (rounded half up), ``None`` picks
    them with ``auto_decimals``. ``None`` → ``""``."""
    if value is None or value == "":
        return ""
    number = Decimal(value)
    if decimals is None:
        decimals = auto_decimals(number)
    quantum = Decimal(1).scaleb(-int(decimals))
    return f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{int(decimals)}f}"


def format_baht(value, language, decimals=2) -> str:
    """An amount of baht: ``"฿12,345.00"`` for Thai readers, ``"THB 12,345.00"`` for English readers; a negative
    amount gets a minus sign in front (``"−฿3.00"``). ``decimals=None``: ``"฿12,500"`` for whole baht."""
    number = format_number(value, decimals)
    negative = number.startswith("-")
    number = number.lstrip("-")
    text = f"฿{number}" if is_thai(language) else f"THB {number}"
    return f"{MINUS}{text}" if negative else text


def format_percent(value, decimals=None, signed=False) -> str:
    """``45.5`` → ``"45.5%"``, ``45`` → ``"45%"`` (one decimal at most unless told); ``signed`` adds ``+`` to gains."""
    if decimals is None:
        decimals = 1 if Decimal(value) % 1 else 0
    sign = "+" if signed and Decimal(value) > 0 else ""
    return f"{sign}{format_number(value, decimals)}%"


def format_compact(value) -> str:
    """A short number for chart axes: ``1500000`` → ``"1.5M"``, ``250000`` → ``"250k"``, ``950`` → ``"950"``."""
    number = Decimal(value)
    for size, suffix in ((Decimal(1_000_000), "M"), (Decimal(1_000), "k")):
        if abs(number) >= size:
            short = number / size
            return f"{format_number(short, 0 if abs(short) >= 10 or short % 1 == 0 else 1)}{suffix}"
    return format_number(number)


FILE_SIZE_UNITS = {"th": ("ไบต์", "KB", "MB", "GB"), "en": ("bytes", "KB", "MB", "GB")}


def format_file_size(size, language) -> str:
    """A file's size for someone paying for mobile data: ``1258291`` → ``"1.2 MB"``, ``860160`` → ``"840 KB"``,
    ``512`` → ``"512 bytes"`` (``"512 ไบต์"`` for Thai readers), a no-break space before the unit. Powers of 1,024
    as phones and browsers show them; one decimal below 10, none above. ``None`` → ``""``."""
    if size is None or size == "":
        return ""
    units = FILE_SIZE_UNITS["th" if is_thai(language) else "en"]
    number = Decimal(int(size))
    if number < 1024:
        return f"{format_number(number, 0)}\u00a0{units[0]}"
    for unit in units[1:]:  # noqa: B007 - the unit the loop stops at is the one shown
        number /= 1024
        if number.quantize(Decimal(1), rounding=ROUND_HALF_UP) < 1024:
            break
    rounded = number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    decimals = 1 if rounded < 10 and rounded % 1 else 0
    return f"{format_number(number, decimals)}\u00a0{unit}"
