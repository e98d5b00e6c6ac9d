"""Comparing 2 to 5 units side by side on every indicator. Plain functions, tested directly.

The selection comes from ``?unit=a~b~c`` (a link) or ``?unit=a&unit=b`` (the form's checkboxes), or both.
``selected_units`` checks it; ``comparison`` turns the selected units' figure rows into one block per
indicator: for each unit its latest value, the change from the same period a year before (else from its
first period), and a small trend line.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import override

from home.numbers import format_number

from .formatting import format_period, format_value

MIN_UNITS, MAX_UNITS = 2, 5
SEPARATOR = "~"
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 32, 3


class SelectionError(ValueError):
    """A selection the comparison cannot show: ``code`` is "too_few", "too_many" or "unknown"."""

    def __init__(self, code, units=()):
        super().__init__(code)
        self.code = code
        self.units = tuple(units)  # the known units of the selection, kept ticked in the form


def selected_units(values, known):
    """The unit slugs chosen in ``values`` (the ``unit`` parameter's values), in order, each once.

    Raises ``SelectionError`` for an unknown slug, fewer than ``MIN_UNITS`` or more than ``MAX_UNITS``.
    Nothing chosen at all is ``()``: the empty form."""
    slugs = tuple(dict.fromkeys(s.strip() for value in values for s in value.split(SEPARATOR) if s.strip()))
    good = tuple(s for s in slugs if s in known)
    if len(good) != len(slugs):
        raise SelectionError("unknown", good)
    if not slugs:
        return ()
    if len(slugs) < MIN_UNITS:
        raise SelectionError("too_few", good)
    if len(slugs) > MAX_UNITS:
        raise SelectionError("too_many", good)
    return slugs


def selection_message(code):
    """What the reader is told about a selection the comparison cannot show."""
    return {
        "too_few": _("Choose at least %(min)s units to compare.") % {"min": MIN_UNITS},
        "too_many": _("Choose at most %(max)s units to compare.") % {"max": MAX_UNITS},
        "unknown": _("Some of the chosen units were not recognised. Choose from the list."),
    }[code]


def year_before(day):
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def format_change(delta, unit, language):
    """A signed change in the indicator's unit: "+12 people", "−฿1,500", "+3.5 percentage points"."""
    if delta is None:
        return "–"
    delta = Decimal(delta)
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    size = abs(delta)
    if unit in ("percent", "percent_change"):
        points = format_number(size, 1 if size % 1 else 0)
        with override(language):  # in the language asked for, whatever the request's
            return sign + _("%(points)s percentage points") % {"points": points}
    if unit == "ratio":
        return sign + format_number(size, 2 if (size * 10) % 1 else 1)
    return sign + format_value(size, unit, language)


@dataclass
class UnitColumn:
    slug: str
    name: str
    short_name: str
    province: str


@dataclass
class UnitLine:
    """One unit's figures of one indicator."""

    unit: UnitColumn
    latest_label: str = "–"
    latest_period: str = ""
    change_label: str = "–"
    change_since: str = ""  # the period the change is counted from
    change_direction: str = ""  # "better", "worse" or "" (no change or not known)
    status: str = ""  # the latest figure's (impact.models.FigureStatus)
    is_illustrative: bool = False  # any figure of the trend line
    spark_points: str = ""
    periods: int = 0


@dataclass
class IndicatorComparison:
    indicator: object  # IndicatorInfo
    lines: list

    @property
    def any_illustrative(self):
        return any(line.is_illustrative for line in self.lines)


def spark_points(values):
    """The ``points`` of a small SVG polyline through ``values`` (oldest first), or "" for fewer than two."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or Decimal(1)
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / (len(values) - 1)
    inner = SPARK_HEIGHT - 2 * SPARK_PAD
    points = []
    for index, value in enumerate(values):
        x = SPARK_PAD + index * step
        y = SPARK_PAD + inner - float((value - low) / span) * inner
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def _line(unit, rows, info, language):
    line = UnitLine(unit)
    if not rows:
        return line
    rows = sorted(rows, key=lambda r: (r.period_end, r.period_start))
    last = rows[-1]
    line.latest_label = format_value(last.value, info.unit, language)
    line.latest_period = format_period(last.period_start, last.period_end, language)
    line.status = last.status
    line.is_illustrative = any(r.is_illustrative for r in rows)
    line.periods = len(rows)
    earlier = {(r.period_start, r.period_end): r for r in rows}
    # The same period a year before; where there is none, the unit's first period.
    before = earlier.get((year_before(last.period_start), year_before(last.period_end)))
    if before is None and len(rows) > 1:
        before = rows[0]
    if before is not None:
        line.change_since = format_period(before.period_start, before.period_end, language)
        delta = Decimal(last.value) - Decimal(before.value)
        line.change_label = format_change(delta, info.unit, language)
        if delta:
            better = (delta > 0) == (info.direction == "higher")
            line.change_direction = "better" if better else "worse"
    line.spark_points = spark_points([Decimal(r.value) for r in rows])
    return line


def comparison(cat, rows, slugs, language):
    """``[IndicatorComparison]`` in catalogue order, one line per selected unit in the order chosen, for every
    indicator any selected unit has figures of. ``rows`` are the selected units' ``FigureRow``s."""
    grouped = {}
    for row in rows:
        grouped.setdefault((row.indicator.code, row.unit.slug), []).append(row)
    units = [cat.units[slug] for slug in slugs]
    columns = [UnitColumn(u.slug, u.name, u.short_name or u.name, u.province) for u in units]
    blocks = []
    for code, info in cat.indicators.items():
        if not any((code, slug) in grouped for slug in slugs):
            continue
        lines = [_line(column, grouped.get((code, column.slug), []), info, language) for column in columns]
        blocks.append(IndicatorComparison(info, lines))
    return blocks


def compare_query(slugs):
    """The canonical query string of a comparison: ``unit=a~b~c``."""
    return "unit=" + SEPARATOR.join(slugs)
