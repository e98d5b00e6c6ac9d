"""The impact explorer's data: overview cards per indicator, and one indicator's chart, table, map and sources.

Plain functions on the rows of ``impact.queries`` (tested directly, and through the pages). The URL state is
``?tab=chart|table|map|sources&unit=a~b&time=2024Q1..2025Q4``: ``read_state`` turns it into a ``State`` or raises
``FilterError`` (answered with 400); an unknown tab falls back to the chart.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home import thai_map
from home.charts import nice_ticks
from home.numbers import format_number

from .aggregation import aggregate, combine, combine_sum, weakest_status
from .charts import MAX_LINES, line_chart, sparkline
from .filters import (  # noqa: F401 - the parameters are this module's, declared where models can import them
    DOWNLOAD_PARAMETERS,
    INDICATOR_PARAMETERS,
    OVERVIEW_PARAMETERS,
    FilterError,
    parse_day,
    quarter_of,
)
from .formatting import format_axis, format_period, format_value
from .models import FigureStatus, Theme

lazy_value = lazy(format_value, str)  # ``format_value`` when it is shown

TABS = ("chart", "table", "map", "sources")
UNIT_SEPARATOR = "~"
MAX_UNITS = 50  # in one address


@dataclass(frozen=True)
class State:
    tab: str = "chart"
    units: tuple = ()
    start: datetime.date | None = None
    end: datetime.date | None = None
    time_text: str = ""

    def query(self, tab=None, with_tab=True):
        """The query string of this state (canonical: units joined by ``~``), optionally for another tab."""
        parts = []
        tab = tab or self.tab
        if with_tab and tab != "chart":
            parts.append(f"tab={tab}")
        if self.units:
            parts.append("unit=" + UNIT_SEPARATOR.join(self.units))
        if self.time_text:
            parts.append(f"time={self.time_text}")
        return "&".join(parts)


SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,255}$")


def read_units(query, known, drop_unknown=False):
    """Unit slugs from ``unit=a~b`` (or repeated ``unit``, as a form sends them); ``FilterError`` for what is not a
    slug, and for an unknown slug unless ``drop_unknown`` (an indicator page leaves out units without its figures)."""
    slugs = []
    for value in query.getlist("unit"):
        slugs += [s.strip() for s in value.split(UNIT_SEPARATOR) if s.strip()]
    slugs = list(dict.fromkeys(slugs))
    if len(slugs) > MAX_UNITS:
        raise FilterError("unit")
    for slug in slugs:
        if not SLUG.match(slug) or (slug not in known and not drop_unknown):
            raise FilterError(f"unit={slug}")
    return tuple(s for s in slugs if s in known)


def read_time(text):
    """``(start, end, canonical text)`` from ``2024Q1..2025Q4``, ``2024Q1..``, ``..2025Q4`` or ``2024Q3``."""
    text = (text or "").strip()
    if not text:
        return None, None, ""
    first, dots, last = text.partition("..")
    if not dots:
        last = first
    start = parse_day(first) if first.strip() else None
    end = parse_day(last, at_end=True) if last.strip() else None
    if start is None and end is None:
        raise FilterError(text)
    if start and end and end < start:
        raise FilterError(text)
    canonical = (
        f"{quarter_of(start).replace('-', '') if start else ''}..{quarter_of(end).replace('-', '') if end else ''}"
    )
    return start, end, canonical


def read_tab(query):
    """The tab a QueryDict asks for; an unknown one: the chart."""
    tab = (query.get("tab") or "").strip()
    return tab if tab in TABS else "chart"


def read_state(query, known_units):
    """The explorer's ``State`` from a QueryDict; unknown tab: the chart; bad units or time: ``FilterError``."""
    units = read_units(query, known_units, drop_unknown=True)
    start, end, time_text = read_time(query.get("time"))
    return State(read_tab(query), units, start, end, time_text)


def in_time(period, start, end):
    return (start is None or period[0] >= start) and (end is None or period[1] <= end)


# Overview -------------------------------------------------------------------------------------------------------


@dataclass
class Card:
    info: object
    value_label: str
    period_label: str
    change_label: str
    change_since: str
    change_direction: str  # "up", "down", "flat" or ""
    change_is_good: bool | None
    status: str
    spark: object
    is_share: bool

    # What the card's markup shows, worked out once here rather than by tags per card.
    @property
    def combined_label(self):
        return _("average") if self.is_share else _("total")

    @property
    def change_text(self):
        return _("%(change)s since %(since)s") % {"change": self.change_label, "since": self.change_since}

    @property
    def change_tone(self):
        return "flat" if self.change_is_good is None else ("good" if self.change_is_good else "bad")

    @property
    def change_arrow(self):
        return {"up": "▲", "down": "▼"}.get(self.change_direction, "")


def format_change(delta, unit, language):
    """A change between two figures: "+120 people", "−฿3,000", "+4.5 pts" (percentages change in points)."""
    thai = language.startswith("th")
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    size = abs(delta)
    if unit in ("percent", "percent_change"):
        return f"{sign}{format_number(size, 1 if size % 1 else 0)} {'จุด' if thai else 'pts'}"
    return sign + format_value(size, unit, language)


def overview_cards(indicators, series, language):
    """``[(theme label, [Card])]`` in theme order: each indicator's latest total or average, its change over the
    last year (from the earliest period within a year of the latest), a sparkline and the weakest status; ``series``
    maps codes to combined values per period, oldest first (``aggregation.combine_sums``)."""
    themes = {value: (label, []) for value, label in Theme.choices}
    for code, info in indicators.items():
        aggregates = [a for a in series.get(code, []) if a.value is not None]
        if not aggregates:
            continue
        last = aggregates[-1]
        year_ago = last.period[1] - datetime.timedelta(days=365)
        earlier = [a for a in aggregates[:-1] if a.period[0] >= year_ago - datetime.timedelta(days=1)]
        change_label = change_since = direction = ""
        good = None
        if earlier:
            first = earlier[0]
            delta = last.value - first.value
            change_label = format_change(delta, info.unit, language)
            change_since = format_period(*first.period, language)
            direction = "up" if delta > 0 else ("down" if delta < 0 else "flat")
            if delta:
                good = (delta > 0) == (info.direction == "higher")
        recent = [a for a in aggregates if a.period[1] >= year_ago]
        card = Card(
            info,
            format_value(last.value, info.unit, language),
            format_period(*last.period, language),
            change_label,
            change_since,
            direction,
            good,
            weakest_status(a.status for a in recent),
            sparkline([a.value for a in aggregates[-8:]]),
            info.rule.is_share,
        )
        themes.get(info.theme, themes[Theme.MEMBERS])[1].append(card)
    return [(label, cards) for label, cards in themes.values() if cards]


# One indicator --------------------------------------------------------------------------------------------------


@dataclass
class UnitRow:
    unit: object
    cells: list  # per period: (value label, status) or None
    latest: Decimal | None
    latest_label: str
    latest_status: str
    in_chart: bool = False
    latest_weight: Decimal | None = None  # the weight indicator's value in the latest value's period (the map's)


@dataclass
class RegionGroup:
    label: str
    rows: list = field(default_factory=list)


@dataclass
class IndicatorView:
    info: object
    periods: list  # (start, end)
    period_labels: list
    rows: list  # UnitRow, every unit with a figure
    groups: list  # RegionGroup
    total_label: str
    total_cells: list  # (value label, status) per period
    chart: object
    chart_units: list
    more_units: int
    statuses: list
    any_status: dict
    latest_period_label: str
    map: object = None
    language: str = ""
    reader: object = None  # reads the figures of unit rows whose cells are not filled in yet (``fill_cells``)


def shown_periods(all_periods, state, max_periods):
    """The periods an indicator page shows of ``all_periods`` (sorted): those within the state's time, else the
    latest ``max_periods``."""
    periods = [p for p in all_periods if in_time(p, state.start, state.end)]
    if not state.time_text and max_periods:
        periods = periods[-max_periods:]
    return periods


def indicator_view(units, info, rows, state, language, max_periods, region_labels):
    """Everything the indicator page shows for ``rows`` (``FigureRow`` of this indicator and its weight, every
    unit's: the downloads); ``units`` maps slugs to ``UnitInfo`` (``queries.indicator_figures``). The page itself
    reads only what it shows (``indicator_page_view``)."""
    own = [r for r in rows if r.indicator.code == info.code]
    periods = shown_periods(sorted({(r.period_start, r.period_end) for r in own}), state, max_periods)
    wanted = set(periods)
    by_unit = {}
    for row in own:
        if (row.period_start, row.period_end) in wanted and (not state.units or row.unit.slug in state.units):
            by_unit.setdefault(row.unit.slug, {})[(row.period_start, row.period_end)] = (row.value, row.status)
    weights = {}
    if info.weight_code:
        weights = {
            (r.unit.slug, (r.period_start, r.period_end)): r.value for r in rows if r.indicator.code == info.weight_code
        }
    latest = []
    for slug, unit in sorted(units.items(), key=lambda item: item[1].path):
        figures = by_unit.get(slug)
        if figures:
            period = max(figures, key=lambda p: (p[1], p[0]))
            latest.append((unit, figures[period][0], figures[period][1], weights.get((slug, period))))
    shown_slugs = {unit.slug for unit, *_rest in latest}
    # Only the figures summed in the total row become records (every unit's, with 200 units, cost more than the rest).
    kept = [
        r.record()
        for r in rows
        if r.unit.slug in shown_slugs
        and (r.period_start, r.period_end) in wanted
        and r.indicator.code in (info.code, info.weight_code)
    ]
    totals = {a.period: (a.value, a.status) for a in aggregate(kept, {info.code: info.rule}).get(info.code, [])}
    statuses = {status for figures in by_unit.values() for _value, status in figures.values()}
    return build_view(info, periods, latest, by_unit, totals, statuses, state, language, region_labels)


def indicator_page_view(
    info, all_periods, period_sums, latest, figures_of, state, language, max_periods, region_labels, shown=None
):
    """The indicator page's ``IndicatorView`` from what the database summed and picked (issue 22): of ``all_periods``
    (every unit's), ``period_sums`` maps those with figures of the units shown to ``(PeriodSum, statuses)``
    (``queries.indicator_period_sums``), ``latest`` is each unit's latest figure in the periods shown
    (``queries.UnitLatest``, in tree order), and ``figures_of(page_ids)`` reads the figures of only the units the
    page draws or lists (``{page id: {period: (value, status)}}``; kept on the view as its ``reader``, which
    ``fill_cells`` uses for a table page's rows). ``shown``: the number of units with a latest figure in the periods
    shown, where ``latest`` holds only some of them (those the chart could draw: ``queries.indicator_latest_top``)."""
    periods = shown_periods(all_periods, state, max_periods)
    wanted = set(periods)
    picked = [
        (item.unit, item.value, item.status, item.weight)
        for item in latest
        if item.period in wanted and (not state.units or item.unit.slug in state.units)
    ]
    totals, statuses = {}, set()
    for period in periods:
        if period not in period_sums:
            continue
        period_sum, period_statuses = period_sums[period]
        value, _method = combine_sum(period_sum, info.rule)
        totals[period] = (value, period_sum.status)
        statuses.update(period_statuses)
    with_chart = state.tab == "chart"  # the other tabs draw no chart: the chart's units' figures are not read
    return build_view(
        info, periods, picked, figures_of, totals, statuses, state, language, region_labels, with_chart, shown
    )


def _cells(figures, periods, info, language):
    return [
        (format_value(figures[p][0], info.unit, language), figures[p][1]) if p in figures else None for p in periods
    ]


def build_view(
    info, periods, latest, figures, totals, statuses, state, language, region_labels, with_chart=True, shown=None
):
    """The ``IndicatorView`` of the units' ``latest`` figures (``(unit, value, status, weight)`` in tree order, the
    units with a figure in ``periods``), their ``figures`` (``{slug: {period: (value, status)}}``, or a function
    reading those of some units: only the chart's are read here, a table page's by ``fill_cells``), the ``totals``
    per period (``(value, status)``) and the ``statuses`` among the figures. ``shown``: how many units have a figure
    in ``periods`` where ``latest`` holds only some of them (all of those the chart could draw), else None."""
    labels = [format_period(*p, language) for p in periods]
    # Each label is formatted when shown (the map lists every unit's; the chart's tab, with 200 units, none).
    unit_rows = [
        UnitRow(unit, None, value, lazy_value(value, info.unit, language), status, False, weight)
        for unit, value, status, weight in latest
    ]
    if state.units:
        order = {slug: i for i, slug in enumerate(state.units)}
        chosen = sorted(unit_rows, key=lambda r: order[r.unit.slug])[:MAX_LINES]
    else:
        chosen = sorted(unit_rows, key=lambda r: (-(r.latest or 0), r.unit.path))[:MAX_LINES]
    for row in chosen:
        row.in_chart = True
    reader = figures if callable(figures) else None
    known = {} if reader else figures
    if reader and with_chart:
        known = {row.unit.slug: found for row, found in zip(chosen, _read(reader, chosen), strict=True)}
    for row in unit_rows:
        if row.unit.slug in known:
            row.cells = _cells(known[row.unit.slug], periods, info, language)

    total_cells = [
        (format_value(totals[p][0], info.unit, language), totals[p][1])
        if totals.get(p) and totals[p][0] is not None
        else None
        for p in periods
    ]
    series = [
        (
            row.unit.slug,
            row.unit.short_name or row.unit.name,
            [
                (known[row.unit.slug][p][0], cell[0], cell[1]) if cell else None
                for p, cell in zip(periods, row.cells, strict=True)
            ],
            False,
        )
        for row in (chosen if with_chart else [])
    ]
    is_share = info.rule.is_share
    shown = len(unit_rows) if shown is None else shown
    total_label = ""
    if shown > 1:
        total_label = _("Average of these units") if is_share else _("Total of these units")
        if is_share:  # an average is on the same scale as each unit's line: draw it (a total would flatten them)
            series.append(
                (
                    "average",
                    total_label,
                    [(totals[p][0], c[0], c[1]) if c else None for p, c in zip(periods, total_cells, strict=True)],
                    True,
                )
            )
    chart = None
    if periods and with_chart:
        chart = line_chart(labels, series, lambda n: format_axis(n, info.unit, language))

    groups = {}
    for row in unit_rows:
        key = row.unit.region
        groups.setdefault(key, RegionGroup(region_labels.get(key, "")))
        groups[key].rows.append(row)
    ordered_groups = [groups[key] for key in [*region_labels, ""] if key in groups]

    view = IndicatorView(
        info,
        periods,
        labels,
        unit_rows,
        ordered_groups,
        total_label,
        total_cells,
        chart,
        chosen,
        max(0, shown - len(chosen)),
        [s for s in FigureStatus.values if s in statuses],
        {s: s in statuses for s in FigureStatus.values},
        labels[-1] if labels else "",
        language=language,
        reader=reader,
    )
    return view


def _read(reader, rows):
    """The figures of the unit rows ``rows`` by ``reader`` (by page id), in their order."""
    found = reader([row.unit.page_id for row in rows])
    return [found.get(row.unit.page_id, {}) for row in rows]


def fill_cells(view, rows):
    """Fill in the cells of the unit rows ``rows`` of ``view`` (a table page's) not filled in yet, reading their
    figures at once."""
    missing = [row for row in rows if row.cells is None]
    if missing and view.reader:
        for row, found in zip(missing, _read(view.reader, missing), strict=True):
            row.cells = _cells(found, view.periods, view.info, view.language)


# The table tab lists this many units on a page at most (issue 22): with more, it is paged, its units in region
# order with a link to the page each region starts on; every unit's figures are in the indicator's CSV.
TABLE_ROWS = 25


@dataclass
class TablePage:
    groups: list  # RegionGroup, the page's units only
    page: object  # django.core.paginator.Page
    region_pages: list  # (region label, page number) where each region's units start; empty on a single page


def table_page(view, number, per_page=None):
    """The units of ``view``'s table on page ``number`` (any text: a bad or out of range number is the first or the
    last page, never an error), still grouped by region."""
    per_page = per_page or TABLE_ROWS
    ordered = [(group.label, row) for group in view.groups for row in group.rows]
    paginator = Paginator(ordered, per_page)
    page = paginator.get_page(number)
    fill_cells(view, [row for _label, row in page.object_list])
    groups = []
    for label, row in page.object_list:
        if not groups or groups[-1].label != label:
            groups.append(RegionGroup(label))
        groups[-1].rows.append(row)
    region_pages, start = [], 0
    if paginator.num_pages > 1:
        for group in view.groups:
            region_pages.append((group.label, start // per_page + 1))
            start += len(group.rows)
    return TablePage(groups, page, region_pages)


# The map's circles: their area shows a province's value, between these radii (SVG units), and no two overlap.
MAP_MIN_RADIUS, MAP_MAX_RADIUS = 7.0, 13.0
MAP_GAP = 2 * MAP_MAX_RADIUS + 2
MAP_LIST_UNFOLDED = 12  # provinces: past this, the list under the map shows each one's units folded (``<details>``)


@dataclass
class MapMark:
    """One province's units with a latest value: one circle, sized by their combined value (a total, or for
    percentages and ratios an average as in the table's total row), with the number of units written in it."""

    x: float
    y: float
    radius: float
    rows: list  # UnitRow, in table order
    value: Decimal
    label: str  # the combined value, formatted
    status: str  # the least trusted of the units' latest figures
    anchor: str  # the province's entry in the list under the map
    text: str = ""  # what it says (``title``)

    @property
    def count(self):
        return len(self.rows)

    @property
    def province(self):
        return self.rows[0].unit.province

    @property
    def pilots(self):
        return sum(1 for row in self.rows if row.unit.is_pilot)

    @property
    def negative(self):
        return self.value < 0

    def title(self, is_share):
        """What the mark says (its tooltip and accessible name): the unit and its value, or the province, how many
        units, their total or average, and how many of them are pilots."""
        if self.count == 1:
            title = _("%(unit)s (%(province)s): %(value)s") % {
                "unit": self.rows[0].unit.name,
                "province": self.province,
                "value": self.label,
            }
        else:
            numbers = {"province": self.province, "count": self.count, "value": self.label}
            if is_share:
                title = (
                    ngettext(
                        "%(province)s: %(count)d unit, average %(value)s",
                        "%(province)s: %(count)d units, average %(value)s",
                        self.count,
                    )
                    % numbers
                )
            else:
                title = (
                    ngettext(
                        "%(province)s: %(count)d unit, total %(value)s",
                        "%(province)s: %(count)d units, total %(value)s",
                        self.count,
                    )
                    % numbers
                )
        if self.pilots:
            pilots = ngettext("including %(count)d pilot unit", "including %(count)d pilot units", self.pilots)
            title = f"{title} ({pilots % {'count': self.pilots}})"
        return title


@dataclass
class MapLegendItem:
    radius: float
    label: str
    y: float


def province_value(rows, info):
    """The combined latest value of ``rows`` (``UnitRow``): their sum, or for shares their average, weighted by each
    unit's ``latest_weight`` where the indicator has a weight and every unit has one (``aggregation.combine``)."""
    weights = [row.latest_weight for row in rows] if info.weight_code else None
    return combine([row.latest for row in rows], info.rule.is_share, weights)[0]


def unit_map(view, language):
    """The units with a latest value on the map of Thailand, one mark per province (``thai_map.group_marks``): a
    circle whose area shows the province's combined value, the number of its units written in it, linked to the
    province's entry in the list under the map; no two circles overlap, however many units. With a legend.

    Units without a province are left off the map (they are in the table)."""
    placed = [r for r in view.rows if r.latest is not None and r.unit.latitude is not None]
    if not placed:
        return None
    grouped = thai_map.group_marks(
        placed, lambda r: (r.unit.latitude, r.unit.longitude), lambda r: (r.unit.latitude, r.unit.longitude), MAP_GAP
    )
    values = [province_value(group.items, view.info) for group in grouped]
    largest = max(abs(value) for value in values) or Decimal(1)
    top = nice_ticks(0, largest)[-1]

    def radius(value):
        return round(
            MAP_MIN_RADIUS + (MAP_MAX_RADIUS - MAP_MIN_RADIUS) * float((abs(value) / top) ** Decimal("0.5")), 1
        )

    is_share = view.info.rule.is_share
    marks = [
        MapMark(
            group.x,
            group.y,
            radius(value),
            list(group.items),
            value,
            format_value(value, view.info.unit, language),
            weakest_status(row.latest_status for row in group.items),
            f"im-map-{number}",
        )
        for number, (group, value) in enumerate(zip(grouped, values, strict=True), start=1)
    ]
    for mark in marks:
        mark.text = mark.title(is_share)
    legend_values = [top, top / 4] if top else [top]
    legend, y = [], 440.0  # in the Gulf of Thailand, south-east of the coast: no land there
    for value in legend_values:
        r = radius(value)
        y += r
        legend.append(MapLegendItem(r, format_value(value, view.info.unit, language), round(y, 1)))
        y += r + 10
    return {
        "view_box": thai_map.view_box(),
        "outline": thai_map.outline_path(),
        "marks": marks,
        "legend": legend,
        "any_negative": any(m.negative for m in marks),
        "share": is_share,
        "folded": len(marks) > MAP_LIST_UNFOLDED,
        "unplaced": [r for r in view.rows if r.latest is not None and r.unit.latitude is None],
    }
