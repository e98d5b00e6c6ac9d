"""Reading the news list's filters from a query string: year (BE for Thai readers, CE for English) and unit.

Plain functions, so bad input is tested directly: anything that is not a known value is ignored and
reported, never an error.
"""

from home.dates import BE_OFFSET

MIN_YEAR, MAX_YEAR = 1900, 2200


def parse_year(value, language):
    """The Common Era year a reader of ``language`` means by ``value`` ("2566" in Thai, "2023" in English).

    Thai readers may also type a CE year; both count. Returns None for anything else.
    """
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 4:
        return None
    year = int(value)
    if language.startswith("th") and year - BE_OFFSET >= MIN_YEAR:
        year -= BE_OFFSET
    return year if MIN_YEAR <= year <= MAX_YEAR else None
