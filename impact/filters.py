"""Reading the dashboard and open-data filters from a query string. Plain functions, tested directly.

``unit`` and ``indicator`` may repeat (``?unit=a&unit=b``); ``from`` and ``to`` take a date
(``2024-01-01``) or a quarter (``2024-Q1``). Anything else is a ``FilterError`` (answered with 400).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

# The query parameters the figures downloads and the API read.
FILTER_PARAMETERS = ("unit", "indicator", "from", "to")
# The impact explorer's (impact.explorer): the overview (the last three: old dashboard addresses, redirected),
# an indicator page (``region``: the units its chooser lists, ``page``: the table's page), and its downloads.
OVERVIEW_PARAMETERS = ("unit", "time", "indicator", "from", "to")
INDICATOR_PARAMETERS = ("tab", "unit", "time", "region", "page")
DOWNLOAD_PARAMETERS = ("unit", "time")

QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


class FilterError(ValueError):
    """A filter value that is not a known unit, indicator, date or quarter."""


@dataclass(frozen=True)
class Filters:
    units: tuple = ()
    indicators: tuple = ()
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def is_empty(self):
        return not (self.units or self.indicators or self.start or self.end)


def parse_day(text, at_end=False):
    """A date from "2024-03-31" or a quarter "2024-Q1" (its first day, or its last with ``at_end``)."""
    text = text.strip()
    match = QUARTER.match(text)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        if not 1900 <= year <= 2200:
            raise FilterError(text)
        if at_end:
            month = quarter * 3
            return datetime.date(year, month, calendar.monthrange(year, month)[1])
        return datetime.date(year, quarter * 3 - 2, 1)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise FilterError(text) from error


def _choices(query, name, known):
    values = tuple(dict.fromkeys(v.strip() for v in query.getlist(name) if v.strip()))
    unknown = [v for v in values if v not in known]
    if unknown:
        raise FilterError(f"{name}={unknown[0]}")
    return values


def parse_filters(query, units, indicators):
    """``Filters`` from a QueryDict-like ``query``; ``units``/``indicators`` are the known slugs and codes."""
    start_text = (query.get("from") or "").strip()
    end_text = (query.get("to") or "").strip()
    start = parse_day(start_text) if start_text else None
    end = parse_day(end_text, at_end=True) if end_text else None
    if start and end and end < start:
        raise FilterError(f"from={start_text}&to={end_text}")
    return Filters(_choices(query, "unit", units), _choices(query, "indicator", indicators), start, end)


def quarter_of(day):
    """ "2024-Q1" for any day in the first quarter of 2024."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
