"""Reading figures for one language: units and indicators with their names, and figure rows ready to show.

A fixed number of queries however many units, indicators and periods there are: four for the catalogue
of units and indicators, one for the figures.
"""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber

from wagtail.models import Page

from casestudies.choosers import UNIT_OPTIONS_MAX
from casestudies.models import CaseStudyPage, Province
from home import compiled_sql
from home.visibility import hidden_page_ids

from .aggregation import STATUSES, IndicatorRule, PeriodSum, Record
from .charts import MAX_LINES
from .figure_sums import SUM_FIELDS
from .models import FigureReview, FigureStatus, FigureSum, ImpactFigure, Indicator, UnitOfMeasure, public_source

EXPORT_COLUMNS = [
    "unit_slug",
    "unit_name",
    "province",
    "indicator_code",
    "indicator_name",
    "unit_of_measure",
    "period_start",
    "period_end",
    "value",
    "baseline",
    "illustrative",
    "source",
    "status",
    "group",
]
EXPORT_SCHEMA = "odf-impact-figures/1"


def figures_payload(language_code, rows, count=None):
    """The open data of ``figures.json`` and ``/api/v1/impact/figures/``: schema, language, count and the rows
    (``FigureRow.export()``; a generator when ``count`` is given)."""
    return {
        "schema": EXPORT_SCHEMA,
        "language": language_code,
        "count": len(rows) if count is None else count,
        "figures": rows,
    }


def csv_cells(row):
    """An exported row as the cells of ``figures.csv``, in ``EXPORT_COLUMNS`` order (``illustrative``: true/false;
    ``status``: illustrative, reported or verified — the one source of the flag, which is kept for old readers)."""
    return [("true" if row[name] else "false") if name == "illustrative" else row[name] for name in EXPORT_COLUMNS]


@dataclass(frozen=True)
class LocaleRef:
    """What the queries read of a locale: its id and language code (``wagtail.models.Locale`` has both)."""

    pk: int
    language_code: str


@dataclass
class UnitInfo:
    slug: str
    name: str
    province: str
    page: CaseStudyPage | None
    short_name: str = ""
    region: str = ""
    latitude: object = None
    longitude: object = None
    path: str = ""
    page_id: int | None = None  # of the Thai source page (the figures' page)
    is_pilot: bool = False  # one of the programme's pilot units (``CaseStudyPage.is_pilot``; read for the map)


@dataclass
class IndicatorInfo:
    code: str
    name: str
    definition: str
    how_measured: str
    unit: str
    unit_label: str
    direction: str
    weight_code: str
    show_on_home: bool
    sort_order: int
    theme: str = "members"
    ids: tuple = ()  # of the indicator's rows in the languages read (figures are of the Thai one)

    @property
    def rule(self):
        return IndicatorRule(self.unit, self.weight_code)


@dataclass
class Catalogue:
    units: dict
    indicators: dict
    language: str = settings.LANGUAGE_CODE

    @property
    def rules(self):
        return {code: info.rule for code, info in self.indicators.items()}


@dataclass
class FigureRow:
    unit: UnitInfo
    indicator: IndicatorInfo
    period_start: object
    period_end: object
    value: object
    baseline: object
    status: str
    source: str
    group: str = ""  # a network group's figure (``impact.group_figures``): its name; the unit is then empty

    @property
    def is_illustrative(self):
        return self.status == FigureStatus.ILLUSTRATIVE

    def record(self):
        return Record(self.unit.slug, self.indicator.code, self.period_start, self.period_end, self.value, self.status)

    def export(self):
        """The row as the open-data schema (docs/open-data.md): plain strings and numbers."""
        return {
            "unit_slug": self.unit.slug,
            "unit_name": self.unit.name,
            "province": self.unit.province,
            "indicator_code": self.indicator.code,
            "indicator_name": self.indicator.name,
            "unit_of_measure": self.indicator.unit,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "value": str(self.value),
            "baseline": "" if self.baseline is None else str(self.baseline),
            "illustrative": self.is_illustrative,
            "source": self.source,
            "status": self.status,
            "group": self.group,
        }


UNIT_COLUMNS = (
    "pk",
    "slug",
    "unit_name",
    "title",
    "path",
    "province__name",
    "province__region",
    "province__latitude",
    "province__longitude",
)


def _units(hidden):
    """The published Thai source case studies, none of ``hidden``, in tree order."""
    pages = CaseStudyPage.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
    if hidden:
        pages = pages.exclude(pk__in=hidden)
    return pages.order_by("path")


def _unit_rows(locale_id, hidden, translated, units=None):
    """The published Thai source case studies (none of ``hidden``; of ``units`` where given, a queryset of them) in
    tree order with their province, and where ``translated`` their names and their province's name in the locale
    ``locale_id`` (correlated subqueries)."""
    units = _units(hidden) if units is None else units
    return _with_local_names(units, UNIT_COLUMNS, locale_id, translated, unit="")


def _unit_info_of_row(row, translated):
    """The ``UnitInfo`` of a row of ``_unit_rows``."""
    pk, slug, name, title, path, province, region, latitude, longitude = row[:9]
    if translated:
        local_name, local_title, local_province = row[9:12]
        if local_title is not None:  # a translation of its own (an alias is none)
            name, title = local_name, local_title
        province = local_province or province
    return UnitInfo(slug, name or title, province or "", None, title, region or "", latitude, longitude, path, pk)


def catalogue(locale):
    """Published units (by slug) and indicators (by code) with names in ``locale``, falling back to Thai: two
    queries, each compiled once (``home.compiled_sql``)."""
    translated = locale.language_code != settings.LANGUAGE_CODE
    found = compiled_sql.rows(
        ("impact-units", translated),
        lambda *ids: _unit_rows(*ids, translated),
        locale.pk,
        sorted(hidden_page_ids()),  # as ``home.visibility.public_pages``
    )
    units = {row[1]: _unit_info_of_row(row, translated) for row in found}
    return Catalogue(units, indicators_in(locale), locale.language_code)


def _chooser_unit_rows(locale_id, hidden, slugs, region, translated):
    """``_unit_rows`` of only the units a unit chooser could list (``casestudies.choosers``): those of the slugs
    ``slugs`` (a list), of ``region`` (a region's value, or None) and the first ``UNIT_OPTIONS_MAX`` + 1 in tree
    order (every unit while there are no more), followed by a row per region of the provinces: ``(unit, None, ...,
    region, ...)`` (the id of its first such unit, else None; the region in the units' region column, every other
    column NULL). Each part is found by an index (a slug, a path, a province), not by reading every unit: a list of
    ids from the three parts, asked for at once, was planned by PostgreSQL as a hash join over every page."""
    units = _units(hidden)
    # SQLite allows no LIMIT in a part of a UNION: the first are a subquery.
    first = CaseStudyPage.objects.filter(pk__in=units.values("pk")[: UNIT_OPTIONS_MAX + 1]).values("pk")
    chosen = [units.filter(slug__in=slugs), units.filter(pk__in=first)]
    if region is not None:  # another shape of SQL: without it, PostgreSQL keeps one plan for every request (its
        chosen.append(units.filter(province__region=region))  # cost of any region made it plan each one anew)
    parts = [_unit_rows(locale_id, hidden, translated, part.order_by()) for part in chosen]
    width = len(UNIT_COLUMNS) + (3 if translated else 0)
    regions = _region_rows(units.order_by(), width, UNIT_COLUMNS.index("province__region"))
    return parts[0].union(*parts[1:], regions, all=True)


def _region_rows(units, width, at_region):
    """A row per region of the provinces, ``width`` columns wide: the id of its first unit among ``units`` (a
    queryset of case studies) or None, then NULL but for the region at ``at_region``. Each region (a province of
    each) asks for its first unit: a subquery run once per region that stops there (joining every unit to the
    provinces read them all, 1 ms at 200 units)."""
    blank = Value(None, output_field=CharField())  # NULL, whatever the column's type
    padded = ["unit" if i == 0 else "region" if i == at_region else blank for i in range(width)]
    first_in = units.filter(province__region=OuterRef("region")).values("pk")[:1]
    one_per_region = Province.objects.order_by().values("region").annotate(one=Min("pk")).values("one")
    present = Province.objects.filter(pk__in=one_per_region).order_by().annotate(unit=Subquery(first_in))
    return present.values_list(*padded)


def chooser_catalogue(locale, slugs, region=None):
    """``(cat, regions)`` for a page with a unit chooser (issue 22: as many units read at 200 as at 3): ``cat`` as
    ``catalogue`` but with only the units of ``slugs`` (those asked for; an unknown one is left out), of ``region``
    (a region's value, or None) and the first ``UNIT_OPTIONS_MAX`` + 1 in tree order, so every unit while there are
    no more; ``regions``: the regions with a published unit. One query for the units, compiled once per number of
    slugs (``home.compiled_sql``)."""
    translated = locale.language_code != settings.LANGUAGE_CODE
    found = compiled_sql.rows(
        ("impact-chooser-units", translated),
        lambda *ids: _chooser_unit_rows(*ids, translated),
        locale.pk,
        sorted(hidden_page_ids()),
        sorted(slugs),
        region,
    )
    at_region = UNIT_COLUMNS.index("province__region")
    units, regions = {}, set()
    for row in sorted(found, key=lambda row: row[4] or ""):  # tree order (a region's row has no path)
        if row[1] is None:  # a region, with its first unit or None
            if row[0] is not None:
                regions.add(row[at_region])
        elif row[1] not in units:  # a unit may be in more than one part
            units[row[1]] = _unit_info_of_row(row, translated)
    return Catalogue(units, indicators_in(locale), locale.language_code), regions


def group_unit(group_id, name, province_code, language):
    """The "unit" of a network group's figure row: ``group-<id>``, its name and province (named in ``language``)."""
    from network.models import Registration

    return UnitInfo(f"group-{group_id}", name, Registration.province_label(province_code, language), None)


INDICATOR_COLUMNS = (
    "code",
    "pk",
    "locale_id",
    "name",
    "definition",
    "how_measured",
    "unit",
    "direction",
    "weight_code",
    "show_on_home",
    "sort_order",
    "theme",
)


def _indicator_rows(locale_id):
    """The indicators of the locale ``locale_id`` and of the default language (Thai)."""
    in_locales = Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
    return Indicator.objects.filter(in_locales).order_by().values_list(*INDICATOR_COLUMNS)


def indicators_in(locale):
    """``{code: IndicatorInfo}`` in catalogue order, named in ``locale`` where translated, else Thai (one query)."""
    chosen, ids = {}, {}
    for row in compiled_sql.rows("impact-indicators", _indicator_rows, locale.pk):
        ids.setdefault(row[0], []).append(row[1])
        if row[0] not in chosen or row[2] == locale.pk:
            chosen[row[0]] = row
    unit_labels = dict(UnitOfMeasure.choices)
    indicators = {}
    for code, row in sorted(chosen.items(), key=lambda item: (item[1][10], item[0])):
        name, definition, how_measured, unit, direction, weight_code, on_home, order, theme = row[3:]
        label = str(unit_labels.get(unit, unit))  # as ``get_unit_display()``
        indicators[code] = IndicatorInfo(
            code,
            name,
            definition,
            how_measured,
            unit,
            label,
            direction,
            weight_code,
            on_home,
            order,
            theme,
            tuple(sorted(ids[code])),
        )
    return indicators


# What every figure row is read with: its unit's slug, its indicator's code and its own values.
FIGURE_VALUES = ("page__slug", "indicator__code", "period_start", "period_end", "value", "baseline", "status", "source")
ROW_COLUMNS = (
    *FIGURE_VALUES,
    "group_id",
    "group__name",
    "group__province_code",
)


def _figures_of(page_ids, indicator_ids, hidden):
    """The published figures (none of the pages ``hidden``), only of the pages ``page_ids`` and the indicators
    ``indicator_ids`` where each is not None."""
    queryset = ImpactFigure.objects.published_without(hidden).order_by()
    if page_ids is not None:
        queryset = queryset.filter(page_id__in=page_ids)
    if indicator_ids is not None:
        queryset = queryset.filter(indicator_id__in=indicator_ids)
    return queryset


def _figure_rows_of(page_ids, indicator_ids, hidden):
    return _figures_of(page_ids, indicator_ids, hidden).values_list(*ROW_COLUMNS)


def _selection(cat, filters):
    """``(page_ids, indicator_ids)`` of ``filters`` (None: any), or None when none of the units or indicators asked
    for is in the catalogue."""
    page_ids = indicator_ids = None
    if filters is not None and filters.units:
        page_ids = sorted(cat.units[slug].page_id for slug in filters.units if slug in cat.units)
        if not page_ids:
            return None
    if filters is not None and filters.indicators:
        indicator_ids = sorted(
            pk for code in filters.indicators if code in cat.indicators for pk in cat.indicators[code].ids
        )
        if not indicator_ids:
            return None
    return page_ids, indicator_ids


def _in_period(queryset, filters):
    if filters is not None and filters.start:
        queryset = queryset.filter(period_start__gte=filters.start)
    if filters is not None and filters.end:
        queryset = queryset.filter(period_end__lte=filters.end)
    return queryset


def _figure_row(cat, values):
    """The ``FigureRow`` of a tuple of ``ROW_COLUMNS``, or None when its unit or indicator is not in ``cat``."""
    slug, code, start, end, value, baseline, status, source, group_id, group, province_code = values[:11]
    if code not in cat.indicators or (group_id is None and slug not in cat.units):
        return None
    unit = cat.units[slug] if group_id is None else group_unit(group_id, group, province_code, cat.language)
    return FigureRow(unit, cat.indicators[code], start, end, value, baseline, status, source, group or "")


def _row_order(row):
    return (row.group, row.unit.path, row.indicator.sort_order, row.indicator.code, row.period_start, row.period_end)


def figure_rows(cat, filters=None):
    """The published figures matching ``filters``, as ``FigureRow`` in the catalogue's language (one query; its SQL
    compiled once when the filters name no dates: ``home.compiled_sql``); the network groups' after the pilots'
    (only without a unit filter), marked by their ``group``."""
    selection = _selection(cat, filters)
    hidden = sorted(hidden_page_ids())  # as ``ImpactFigure.objects.published()``
    if selection is None:
        found = []
    elif filters is not None and (filters.start or filters.end):
        found = _in_period(_figure_rows_of(*selection, hidden), filters)
    else:
        found = compiled_sql.rows("impact-figure-rows", _figure_rows_of, *selection, hidden)
    rows = [row for row in (_figure_row(cat, values) for values in found) if row is not None]
    rows.sort(key=_row_order)
    return rows


FIGURE_COLUMNS = (
    *FIGURE_VALUES,
    "page__unit_name",
    "page__title",
    "page__path",
    "page__province__name",
    "page__province__region",
    "page__province__latitude",
    "page__province__longitude",
    "page__is_pilot",
)


def _indicator_figure_rows(locale_id, indicator_ids, hidden, translated):
    """The published figures of the indicators ``indicator_ids`` with their unit's names, province and map
    position, and where ``translated`` the names in the locale ``locale_id`` (correlated subqueries)."""
    queryset = ImpactFigure.objects.published_without(hidden).of_pilots().filter(indicator_id__in=indicator_ids)
    return _with_local_names(queryset.order_by(), FIGURE_COLUMNS, locale_id, translated)


def _with_local_names(queryset, columns, locale_id, translated, unit="page__", after=()):
    """``queryset.values_list(*columns)``, and where ``translated`` its unit's names and province's name in the
    locale ``locale_id`` after them (correlated subqueries; NULL names where the unit's page in that locale is an
    alias, not a translation), then the columns ``after``. ``unit``: the path from a row to its unit (none for a
    queryset of units)."""
    if not translated:
        return queryset.values_list(*columns, *after)
    # Unordered: one row at most (a page's and a province's translation key is unique in a locale), no sort for it.
    local_page = CaseStudyPage.objects.filter(
        locale_id=locale_id, translation_key=OuterRef(f"{unit}translation_key"), alias_of__isnull=True, live=True
    ).order_by()
    local_province = Province.objects.filter(
        locale_id=locale_id, translation_key=OuterRef(f"{unit}province__translation_key")
    ).order_by()
    return queryset.values_list(
        *columns,
        Subquery(local_page.values("unit_name")[:1]),
        Subquery(local_page.values("title")[:1]),
        Subquery(local_province.values("name")[:1]),
        *after,
    )


EXPORT_FETCH_ROWS = 2000


def streamed_figure_rows(cat, filters=None):
    """``(count, rows)``: how many rows ``figure_rows`` has, and those rows in the same order. The pilots' rows
    (nearly all of them) come as a generator read from the database ``EXPORT_FETCH_ROWS`` at a time (a server-side
    cursor on PostgreSQL), never held whole, their count a window over the same query; the network groups' few
    rows follow, read first. Two queries."""
    selection = _selection(cat, filters)
    if selection is None:
        return 0, iter(())
    figures = _in_period(_figures_of(*selection, sorted(hidden_page_ids())), filters)
    groups = [row for row in (_figure_row(cat, v) for v in figures.of_groups().values_list(*ROW_COLUMNS)) if row]
    groups.sort(key=_row_order)
    codes = list(cat.indicators)  # catalogue order: sort order, then code
    rank = Case(*(When(indicator__code=code, then=Value(i)) for i, code in enumerate(codes)), default=Value(-1))
    pilots = (
        figures.of_pilots()
        .filter(page__slug__in=list(cat.units), indicator__code__in=codes)
        .annotate(total=Window(Count("pk")), indicator_rank=rank)
        .order_by("page__path", "indicator_rank", "period_start", "period_end")
        .values_list(*ROW_COLUMNS, "total")
        .iterator(EXPORT_FETCH_ROWS)
    )
    first = next(pilots, None)
    if first is None:
        return len(groups), iter(groups)

    def rows():
        for values in itertools.chain([first], pilots):
            yield _figure_row(cat, values)
        yield from groups

    return first[-1] + len(groups), rows()


def _unit_info(slug, values, local):
    """The ``UnitInfo`` of a figure row's unit columns (``FIGURE_COLUMNS[8:]``) and, where translated, its names in
    the locale (``_with_local_names``)."""
    name, title, path, province, region, latitude, longitude, is_pilot = values
    if local is not None:
        local_name, local_title, local_province = local
        if local_title:
            name, title = local_name, local_title
        province = local_province or province
    return UnitInfo(
        slug, name or title, province or "", None, title, region or "", latitude, longitude, path, None, is_pilot
    )


def indicator_figures(locale, indicators, codes):
    """The published figures of the indicators ``codes`` as ``FigureRow``, with each unit's names in ``locale``
    (else Thai), its province and map position: one query, however many units (the names come from correlated
    subqueries on the unit's translation and its province's), its SQL compiled once (``home.compiled_sql``)."""
    translated = locale.language_code != settings.LANGUAGE_CODE
    indicator_ids = sorted(pk for code in codes if code in indicators for pk in indicators[code].ids)
    hidden = sorted(hidden_page_ids())  # as ``ImpactFigure.objects.published()``
    found = compiled_sql.rows(
        ("impact-indicator-figures", translated),
        lambda *ids: _indicator_figure_rows(*ids, translated),
        locale.pk,
        indicator_ids,
        hidden,
    )
    units, rows = {}, []
    for values in found:
        slug, code = values[0], values[1]
        if code not in indicators:
            continue
        unit = units.get(slug)
        if unit is None:
            unit = units[slug] = _unit_info(slug, values[8:16], values[16:19] if translated else None)
        rows.append(FigureRow(unit, indicators[code], *values[2:8]))
    rows.sort(key=lambda r: (r.unit.path, r.indicator.sort_order, r.indicator.code, r.period_start, r.period_end))
    return units, rows


# The indicator page reads only what it shows (issue 22): its periods with the figures of each summed by the database
# (``indicator_period_sums``), each unit's latest figure (``indicator_latest``: one row per unit, for the chart's
# order, the map and the table's list), and every figure of the few units it draws or lists (``unit_figures``), never
# every unit's every figure. The downloads still read them all (``indicator_figures``).


@dataclass
class UnitLatest:
    """A unit's latest figure of an indicator: its period, value and status, and the weight indicator's value of the
    same unit and period (accepted and positive, else None)."""

    unit: UnitInfo
    period: tuple
    value: Decimal
    status: str
    weight: Decimal | None = None


def _weight_of(weight_ids):
    """The same unit's accepted, positive figure of the weight indicator (its ids ``weight_ids``) in the same period:
    a subquery on the unique key (unit, indicator, period)."""
    weight = ImpactFigure.objects.filter(
        page_id=OuterRef("page_id"),
        indicator_id__in=weight_ids,
        period_start=OuterRef("period_start"),
        period_end=OuterRef("period_end"),
        review=FigureReview.ACCEPTED,
        value__gt=0,
    )
    return Subquery(weight.order_by().values("value")[:1])


def _period_sum_rows(indicator_ids, weight_ids, hidden, page_ids):
    """The published figures of the indicator ``indicator_ids`` of the pages ``page_ids`` per period (read through
    the figures' unique key on their page): how many, their total, their weights' count and sums (where the
    indicator has a weight) and how many of each status."""
    figures = ImpactFigure.objects.published_without(hidden).of_pilots()
    figures = figures.filter(page_id__in=page_ids, indicator_id__in=indicator_ids)
    sums = {"figures": Count("pk"), "total": Sum("value")}
    if weight_ids:
        figures = figures.annotate(weight=_weight_of(weight_ids))
        product = ExpressionWrapper(
            F("value") * F("weight"), output_field=DecimalField(max_digits=30, decimal_places=6)
        )
        sums.update(weighted=Count("weight"), products=Sum(product), weights=Sum("weight"))
    sums.update({status: Count("pk", filter=Q(status=status)) for status in STATUSES})
    columns = ("period_start", "period_end", *sums)
    return figures.order_by().values("period_start", "period_end").annotate(**sums).values_list(*columns)


def indicator_period_sums(info, indicators, page_ids=None):
    """``(periods, sums)``: every period of ``info``'s indicator with a published figure of any unit (sorted), and
    ``{period: (PeriodSum, statuses)}`` of the figures of the pages ``page_ids`` (all where None) in the periods they
    have figures in, their statuses least trusted first. One query, as many rows as periods however many units: the
    periods (and every unit's sums) from the maintained summary (``SUMMARY``), the chosen units' sums from their own
    figures (``_period_sum_rows``, its SQL compiled once, ``home.compiled_sql``)."""
    weight = indicators.get(info.weight_code) if info.weight_code else None
    weight_ids = list(weight.ids) if weight else []
    if page_ids is None:  # every unit: from the maintained summary, as the overview reads it
        return _summary_indicator_sums(info)
    hidden = sorted(hidden_page_ids())  # as ``ImpactFigure.objects.published()``
    shape = ("impact-indicator-period-sums", bool(weight_ids))
    chosen = sorted(page_ids)
    if weight_ids:
        sums_sql, sums_params = compiled_sql.sql(shape, _period_sum_rows, list(info.ids), weight_ids, hidden, chosen)
    else:
        build = lambda i, h, p: _period_sum_rows(i, [], h, p)  # noqa: E731
        sums_sql, sums_params = compiled_sql.sql(shape, build, list(info.ids), hidden, chosen)
    periods, result = [], {}
    for row in _summary_rows(SUMMARY_CHOSEN_SUMS, info, sums_params, chosen=sums_sql):
        start, end, _start, _end, figures, total = row[:6]
        period = (_day(start), _day(end))
        periods.append(period)
        if figures:
            weights = row[6:9] if weight_ids else (0, None, None)
            result[period] = _indicator_period_sum(info, period, figures, total, *weights, row[-len(STATUSES) :])
    return sorted(periods), result


def _indicator_period_sum(info, period, figures, total, weighted, products, weights, counts):
    """``(PeriodSum, statuses)`` of one period of ``info``'s indicator: the figures' count and total, their weights'
    count and sums (none where no figure has a weight) and how many there are of each of ``STATUSES``."""
    if not weighted:  # as SQL sums no weight: none
        weighted, products, weights = 0, None, None
    statuses = tuple(status for status, count in zip(STATUSES, counts, strict=True) if count)
    status = statuses[0] if statuses else "reported"
    total, products, weights = _number(total, 2), _number(products, 4), _number(weights, 2)
    return PeriodSum(info.code, period, figures, total, weighted, products, weights, status), statuses


LATEST_COLUMNS = ("page_id", "period_start", "period_end", "value", "status", "page__slug", *FIGURE_COLUMNS[8:])


def _accepted_in(indicator_ids, start=None, end=None):
    """The accepted figures of the learning units of the indicator ``indicator_ids``, within ``start``-``end`` where
    given (``figure_unit_latest`` holds them)."""
    accepted = ImpactFigure.objects.of_pilots().filter(indicator_id__in=indicator_ids, review=FigureReview.ACCEPTED)
    if start is not None:
        accepted = accepted.filter(period_start__gte=start)
    if end is not None:
        accepted = accepted.filter(period_end__lte=end)
    return accepted


def _units_with_figures(indicator_ids, hidden, start=None, end=None):
    """The learning units with a published figure of the indicator ``indicator_ids`` (within ``start``-``end`` where
    given), from the units' side (the published figures' rule for their page, ``public_source``): each unit's
    figures are looked up in ``figure_unit_latest`` alone (joining 2,400 figures to their pages read 1,400 blocks)."""
    figures = _accepted_in(indicator_ids, start, end).filter(page_id=OuterRef("pk"))
    return CaseStudyPage.objects.filter(public_source(hidden), Exists(figures)).order_by()


def _latest_figures(accepted, hidden, weight_ids):
    """``(figures, columns)``: the published figures among ``accepted`` that are each unit's latest (by period end,
    then start), with their weight (``_weight_of``) where ``weight_ids``, and the columns ``LATEST_COLUMNS`` (and
    "weight") to read of them."""
    # Each unit's latest accepted figure first, from the figures alone (``figure_unit_latest``: an index-only scan in
    # the window's order, no sort), then the pages the public may see among those: a page is public or not whatever
    # its figure, so this is each public unit's latest published figure (issue 22: 200 rows joined, not 2,400).
    figures = ImpactFigure.objects.published_without(hidden).filter(pk__in=_each_units_latest(accepted).values("pk"))
    return _with_weight(figures, weight_ids)


def _each_units_latest(accepted, per_indicator=False):
    """Each unit's latest figure among ``accepted`` (by period end, then start); of each indicator row where
    ``per_indicator``."""
    order = [F("period_end").desc(), F("period_start").desc()]
    by = [F("indicator_id"), F("page_id")] if per_indicator else [F("page_id")]
    return accepted.annotate(rank=Window(RowNumber(), partition_by=by, order_by=order)).filter(rank=1)


def _with_weight(figures, weight_ids):
    """``(figures, columns)``: ``figures`` with their weight (``_weight_of``) where ``weight_ids``, and the columns
    ``LATEST_COLUMNS`` (and "weight") to read of them."""
    if not weight_ids:
        return figures, list(LATEST_COLUMNS)
    return figures.annotate(weight=_weight_of(weight_ids)), [*LATEST_COLUMNS, "weight"]


def _latest_rows(locale_id, indicator_ids, weight_ids, hidden, slugs, region, translated, start=None, end=None):
    """Each unit's latest published figure of the indicator ``indicator_ids`` (by period end, then start; within
    ``start``-``end`` where given) with its unit's names, province and map position as ``_indicator_figure_rows``
    reads them, and its weight (``_weight_of``) where the indicator has one.

    With ``slugs`` (a list), only the units of those slugs, those of ``region`` (a region's value, or None) and the
    first ``UNIT_OPTIONS_MAX`` + 1 in tree order (every unit while there are no more), followed by a row per region
    of the provinces: ``(unit, None, ..., region, ...)`` (the id of its first such unit, else None; the region in
    the units' region column, every other column NULL)."""
    accepted = _accepted_in(indicator_ids, start, end)
    if slugs is not None:
        first = _units_with_figures(indicator_ids, hidden, start, end).order_by("path")[: UNIT_OPTIONS_MAX + 1]
        # One list of page ids (those asked for, the first, the region's), each looked up in ``figure_unit_latest``
        # (an ``OR`` of lists read every figure of the indicator to test each). The first are wrapped in a subquery:
        # SQLite allows no LIMIT in a part of a UNION.
        first_ids = CaseStudyPage.objects.filter(pk__in=first.values("pk")).order_by().values("pk")
        shown = Page.objects.filter(slug__in=slugs).order_by().values("pk").union(first_ids, all=True)
        if region is not None:
            in_region = CaseStudyPage.objects.filter(province__region=region).order_by().values("pk")
            shown = shown.union(in_region, all=True)
        accepted = accepted.filter(page_id__in=shown)
    figures, columns = _latest_figures(accepted, hidden, weight_ids)
    rows = _with_local_names(figures.order_by(), columns, locale_id, translated)
    if slugs is None:
        return rows
    # In the same query, so that a page with units chosen makes no more queries than without (issue 18).
    width = len(columns) + (3 if translated else 0)
    units = _units_with_figures(indicator_ids, hidden, start, end)
    return rows.union(_region_rows(units, width, LATEST_COLUMNS.index("page__province__region")), all=True)


# The rows of ``_chart_rows``: each unit's latest accepted figure of the indicator (``l``: ``figure_unit_latest``
# alone, its value and status included), the public units' place in the tree and region (``u``: ``public_source``),
# the windows over those narrow rows in one pass (``r``), then the columns shown (``k``: names, map position, weight)
# read only for the rows kept, by the figures' unique key (issue 22: the windows ran over every unit's figure fetched
# again by its id and joined to its names, the largest part of what an indicator's page grew by at 200 units).
CHART_ROWS = """WITH e (page_id, period_start, period_end, value, status) AS ({latest}),
l AS (SELECT page_id, period_start, period_end, value, status FROM (SELECT e.*,
        ROW_NUMBER() OVER (PARTITION BY page_id ORDER BY period_end DESC, period_start DESC) AS n FROM e) AS o
    WHERE n = 1),
u (pk, path, region) AS ({units}),
r AS (SELECT l.page_id, l.period_start, l.period_end,
        SUM(CASE WHEN {since} THEN 1 ELSE 0 END) OVER () AS shown,
        ROW_NUMBER() OVER (ORDER BY CASE WHEN {since} THEN COALESCE(l.value, 0) END DESC NULLS LAST, u.path) AS place,
        ROW_NUMBER() OVER (ORDER BY u.path) AS tree,
        ROW_NUMBER() OVER (PARTITION BY u.region ORDER BY u.path) AS in_region
    FROM l JOIN u ON u.pk = l.page_id)
SELECT k.*, r.shown FROM r JOIN ({kept}) AS k
    ON k.page_id = r.page_id AND k.period_start = r.period_start AND k.period_end = r.period_end
WHERE r.place <= %s OR r.tree <= %s OR r.in_region = 1"""
# A unit whose latest figure is from the first period shown (``since``) on; one before it ranks after every such one
# (at most a few more rows, left out by the page).
CHART_SINCE = "(l.period_start > %s OR (l.period_start = %s AND l.period_end >= %s))"


def _chart_latest(indicator_ids):
    # Each unit's latest figure of each of the indicator's rows (``e``; ``l`` then keeps each unit's latest of those):
    # read in the order of ``figure_unit_latest``, with no sort of every figure where the indicator has rows in two
    # languages (an English page: a sort of 2,400 figures was a third of the query at 200 units).
    return _each_units_latest(_accepted_in(indicator_ids), per_indicator=True).values_list(*LATEST_COLUMNS[:5])


def _chart_units(hidden):
    return CaseStudyPage.objects.filter(public_source(hidden)).order_by().values_list("pk", "path", "province__region")


def _chart_kept(locale_id, indicator_ids, weight_ids, translated):
    figures, columns = _with_weight(_accepted_in(indicator_ids).order_by(), weight_ids)
    return _with_local_names(figures, columns, locale_id, translated)


def _chart_rows(locale_id, indicator_ids, weight_ids, hidden, since, translated):
    """The rows of ``_latest_rows`` (each unit's latest published figure) of only the units an indicator's chart of
    every unit and its chooser need, with the number of units whose latest figure is in a period from ``since``
    (``(start, end)``: the first period shown) on in a last column: those among them with the ``MAX_LINES`` highest
    values (a missing value as 0, equal values in tree order: as the chart picks them), the first ``UNIT_OPTIONS_MAX`` + 1 in
    tree order (every unit while there are no more) and the first of each region (the regions the chooser offers).
    One query (``CHART_ROWS``), its parts compiled once (``home.compiled_sql``)."""
    latest, latest_params = compiled_sql.sql("impact-chart-latest", _chart_latest, indicator_ids)
    units, units_params = compiled_sql.sql("impact-chart-units", _chart_units, hidden)
    kept, kept_params, convert = compiled_sql.sql_and_converter(
        ("impact-chart-kept", translated, bool(weight_ids)),
        lambda *ids: _chart_kept(*ids, translated),
        locale_id,
        indicator_ids,
        weight_ids,
    )
    sql = CHART_ROWS.format(latest=latest, units=units, since=CHART_SINCE, kept=kept)
    start, end = since
    params = [*latest_params, *units_params, *[start, start, end] * 2, *kept_params, MAX_LINES, UNIT_OPTIONS_MAX + 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return convert(cursor.fetchall())


def _latest(locale, indicators, info, start, end, slugs, region, since=None):
    """``([UnitLatest] in tree order, {region with units} or None)``, as ``_latest_rows`` reads them."""
    translated = locale.language_code != settings.LANGUAGE_CODE
    weight = indicators.get(info.weight_code) if info.weight_code else None
    weight_ids = list(weight.ids) if weight else []
    hidden = sorted(hidden_page_ids())
    if since is not None:
        found = _chart_rows(locale.pk, list(info.ids), weight_ids, hidden, since, translated)
    elif start is None and end is None:  # compiled once (``home.compiled_sql``)
        shape = ("impact-indicator-latest", translated, bool(weight_ids))
        ids = [locale.pk, list(info.ids), weight_ids, hidden, slugs, region]
        found = compiled_sql.rows(shape, lambda *ids: _latest_rows(*ids, translated), *ids)
    else:
        found = _latest_rows(locale.pk, list(info.ids), weight_ids, hidden, slugs, region, translated, start, end)
    latest, regions, shown = [], None if slugs is None else set(), None
    at_region = LATEST_COLUMNS.index("page__province__region")
    for values in found:
        page_id, start_day, end_day, value, status, slug = values[:6]
        if slug is None:  # a region, with its first unit or None
            if page_id is not None:
                regions.add(values[at_region])
            continue
        if since is not None:  # with how many units have a latest figure from ``since`` on
            shown = values[-1]
            if values[at_region]:
                regions.add(values[at_region])
        weight_value = values[14] if weight_ids else None  # before the local names
        local = values[15:18] if weight_ids else values[14:17]
        unit = _unit_info(slug, values[6:14], local if translated else None)
        unit.page_id = page_id
        latest.append(UnitLatest(unit, (_day(start_day), _day(end_day)), value, status, weight_value))
    latest.sort(key=lambda item: item.unit.path)
    if since is not None:
        return latest, regions, shown or 0
    return latest, regions


def indicator_latest(locale, indicators, info, start=None, end=None):
    """``[UnitLatest]`` of ``info``'s indicator: each unit's latest published figure (within ``start``-``end``
    where given), in tree order, named in ``locale`` (else Thai): one query, one row per unit (compiled once without
    dates, ``home.compiled_sql``)."""
    return _latest(locale, indicators, info, start, end, None, None)[0]


def indicator_latest_chosen(locale, indicators, info, start, end, slugs, region=None):
    """``(latest, regions)`` of a page with the units ``slugs`` chosen (issue 22: as many rows at 200 units as at 3):
    ``latest`` as ``indicator_latest`` but only of those units, of the units of ``region`` (where not None) and of
    the first ``UNIT_OPTIONS_MAX`` + 1 (so every unit while there are no more: what a unit chooser lists), and
    ``regions``: the regions with a unit with a figure. One query."""
    return _latest(locale, indicators, info, start, end, sorted(slugs), region)


def indicator_latest_top(locale, indicators, info, since):
    """``(latest, regions, shown)`` of a page whose chart shows the units with the highest latest values (issue 22:
    not every unit's row read): ``latest`` as ``indicator_latest`` but only of the units ``_chart_rows`` picks (those
    with the ``MAX_LINES`` highest values from ``since``, the first period shown as ``(start, end)``, on, equal
    values in tree order; the first ``UNIT_OPTIONS_MAX`` + 1, so every unit while there are no more; the first of each region),
    ``regions`` the regions with a unit with a figure, ``shown`` the number of units with a latest figure from
    ``since`` on. One query."""
    return _latest(locale, indicators, info, None, None, [], None, since)


def _unit_figure_rows(page_ids, indicator_ids, hidden):
    figures = ImpactFigure.objects.published_without(hidden).of_pilots()
    figures = figures.filter(page_id__in=page_ids, indicator_id__in=indicator_ids).order_by()
    return figures.values_list("page_id", "period_start", "period_end", "value", "status")


def unit_figures(info, page_ids):
    """``{page id: {period: (value, status)}}``: every published figure of ``info``'s indicator of the pages
    ``page_ids`` (the few units a page draws or lists): one query, its SQL compiled once per number of pages."""
    found = {}
    if not page_ids:
        return found
    hidden = sorted(hidden_page_ids())
    rows = compiled_sql.rows("impact-unit-figures", _unit_figure_rows, sorted(page_ids), list(info.ids), hidden)
    for page_id, start, end, value, status in rows:
        found.setdefault(page_id, {})[(_day(start), _day(end))] = (value, status)
    return found


RECORD_COLUMNS = ("page__slug", "indicator__code", "period_start", "period_end", "value", "status")


def _record_rows(hidden):
    return ImpactFigure.objects.published_without(hidden).of_pilots().order_by().values_list(*RECORD_COLUMNS)


def overview_records(units=()):
    """Every published figure as an aggregation ``Record`` (only of ``units`` when given): one query."""
    if units:
        return [
            Record(*row)
            for row in ImpactFigure.objects.published()
            .of_pilots()
            .filter(page__slug__in=units)
            .values_list(*RECORD_COLUMNS)
        ]
    hidden = sorted(hidden_page_ids())  # as ``published()``; the SQL compiled once (``home.compiled_sql``)
    return [Record(*row) for row in compiled_sql.rows("impact-records", _record_rows, hidden)]


# The published learning units' figures with what the overview's sums need of each (``_overview_figures``), and
# those figures summed per indicator and period, each joined to its weight (its indicator's ``weight_code``: the
# same unit's figure of the same period, accepted and positive). The weight is looked up in the figures table by
# its unique key (unit, indicator, period), not by joining ``f`` to itself: a self-join of the figures has no
# index, and where the tables' statistics are missing (a fresh database, a bulk import before autovacuum's
# analyse) PostgreSQL planned it as a nested loop over every pair of figures, minutes at 30,000 figures. The same
# unit's figure passes the unit's half of the public rule with ``f``; its own half (accepted) is checked here.
PERIOD_SUMS = """WITH f (page_id, code, weight_code, locale_id, period_start, period_end, value, status) AS ({figures})
SELECT f.code, f.period_start, f.period_end, COUNT(*), SUM(f.value), COUNT(w.value), SUM(f.value * w.value),
    SUM(w.value), MIN(CASE f.status WHEN %s THEN 0 WHEN %s THEN 1 WHEN %s THEN 2 ELSE 3 END)
FROM f LEFT JOIN {indicators} AS wi ON wi.{code} = f.weight_code AND wi.{locale} = f.locale_id
    LEFT JOIN {figures_table} AS w ON w.{page} = f.page_id AND w.{indicator} = wi.{pk}
        AND w.{start} = f.period_start AND w.{end} = f.period_end AND w.{review} = %s AND w.{value} > 0
GROUP BY f.code, f.period_start, f.period_end"""


def _sums_sql(template, figures, **more):
    """``template`` (``PERIOD_SUMS`` or one over ``SUMMARY``) over the figures' SQL, the tables
    and columns named from the models' own metadata (``more``: its other slots)."""
    quote = connection.ops.quote_name
    figure, indicator, sums = ImpactFigure._meta, Indicator._meta, FigureSum._meta

    def column(meta, name):
        return quote(meta.get_field(name).column)

    indicator_columns = ("unit", "weight_code", "code", "sort_order", "name", "definition", "translation_key", "locale")
    return template.format(
        figures=figures,
        indicators=quote(indicator.db_table),
        pk=quote(indicator.pk.column),
        **{name: column(indicator, name) for name in (*indicator_columns, "show_on_home")},
        sums=quote(sums.db_table),
        **{f"s_{name}": column(sums, name) for name in ("indicator", "period_start", "period_end", *SUM_FIELDS)},
        status=column(figure, "status"),
        figures_table=quote(figure.db_table),
        page=column(figure, "page"),
        indicator=column(figure, "indicator"),
        start=column(figure, "period_start"),
        end=column(figure, "period_end"),
        review=column(figure, "review"),
        value=column(figure, "value"),
        **more,
    )


def _overview_figures(hidden, slugs=(), start=None, end=None):
    """``published_without(hidden).of_pilots()`` (of the units ``slugs`` and within ``start``-``end`` where given)
    as the columns of ``f`` in ``PERIOD_SUMS``."""
    figures = ImpactFigure.objects.published_without(hidden).of_pilots().order_by()
    if slugs:
        figures = figures.filter(page__slug__in=slugs)
    if start is not None:
        figures = figures.filter(period_start__gte=start)
    if end is not None:
        figures = figures.filter(period_end__lte=end)
    columns = ("page_id", "indicator__code", "indicator__weight_code", "indicator__locale_id", "period_start")
    return figures.values_list(*columns, "period_end", "value", "status")


def _day(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value  # SQLite: text


def _number(value, places):
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places))  # SQLite sums: floats, as Django converts them


def _period_sum(row):
    code, start, end, figures, total, weighted, products, weights, weakest = row
    status = STATUSES[weakest] if weakest < len(STATUSES) else STATUSES[1]
    if not weighted:  # as SQL sums no weight: none (the summary's differences give 0)
        products = weights = None
    total, products, weights = _number(total, 2), _number(products, 4), _number(weights, 2)
    return PeriodSum(code, (_day(start), _day(end)), figures, total, weighted, products, weights, status)


# The published learning units' sums per indicator and period from ``FigureSum`` (every accepted figure of every
# unit's Thai source page, kept up to date by each write: ``impact.figure_sums``) less the same sums over the figures
# of the units the public may not see (``x``: unpublished or restricted; normally none, read through the figures'
# index on their page), so that a change of who may see a unit never rewrites the summary. ``t``: one row
# per indicator and period with figures left, ``{where}`` narrowing the summary's rows (a period, the headline
# indicators).
SUMMARY = """WITH x (page_id, indicator_id, weight_code, locale_id, period_start, period_end, value, status) AS ({figures}),
xs AS (SELECT x.indicator_id, x.period_start, x.period_end, COUNT(*) AS figures, SUM(x.value) AS total,
        COUNT(w.{value}) AS weighted, SUM(x.value * w.{value}) AS products, SUM(w.{value}) AS weights,
        SUM(CASE WHEN x.status = %s THEN 1 ELSE 0 END) AS illustrative,
        SUM(CASE WHEN x.status = %s THEN 1 ELSE 0 END) AS reported,
        SUM(CASE WHEN x.status = %s THEN 1 ELSE 0 END) AS verified,
        SUM(CASE WHEN x.status IN (%s, %s, %s) THEN 0 ELSE 1 END) AS other
    FROM x LEFT JOIN {indicators} AS wi ON wi.{code} = x.weight_code AND wi.{locale} = x.locale_id
        LEFT JOIN {figures_table} AS w ON w.{page} = x.page_id AND w.{indicator} = wi.{pk}
            AND w.{start} = x.period_start AND w.{end} = x.period_end AND w.{review} = %s AND w.{value} > 0
    GROUP BY x.indicator_id, x.period_start, x.period_end),
t AS (SELECT s.{s_indicator} AS indicator_id, i.{code} AS code, s.{s_period_start} AS period_start,
        s.{s_period_end} AS period_end, s.{s_figures} - COALESCE(xs.figures, 0) AS figures,
        s.{s_total} - COALESCE(xs.total, 0) AS total, s.{s_weighted} - COALESCE(xs.weighted, 0) AS weighted,
        s.{s_products} - COALESCE(xs.products, 0) AS products, s.{s_weights} - COALESCE(xs.weights, 0) AS weights,
        s.{s_illustrative} - COALESCE(xs.illustrative, 0) AS illustrative,
        s.{s_reported} - COALESCE(xs.reported, 0) AS reported,
        s.{s_verified} - COALESCE(xs.verified, 0) AS verified, s.{s_other} - COALESCE(xs.other, 0) AS other
    FROM {sums} AS s JOIN {indicators} AS i ON i.{pk} = s.{s_indicator}
        LEFT JOIN xs ON xs.indicator_id = s.{s_indicator} AND xs.period_start = s.{s_period_start}
            AND xs.period_end = s.{s_period_end}
    WHERE s.{s_figures} > 0{where})"""
WEAKEST = (
    "CASE WHEN {0}illustrative{1} > 0 THEN 0 WHEN {0}reported{1} > 0 THEN 1 WHEN {0}verified{1} > 0 THEN 2 ELSE 3 END"
)
# The overview's ``PeriodSum`` rows from the summary: figures of indicators sharing a code summed together, as
# ``PERIOD_SUMS`` does.
SUMMARY_PERIOD_SUMS = f"""{SUMMARY}
SELECT code, period_start, period_end, SUM(figures), SUM(total), SUM(weighted), SUM(products), SUM(weights),
    {WEAKEST.format("SUM(", ")")}
FROM t GROUP BY code, period_start, period_end HAVING SUM(figures) > 0"""  # noqa: S608 - constants


def _excluded_figures(hidden):
    """The accepted figures of the learning units (Thai source pages: ``FigureSum``) the public may not see (not
    live, or one of ``hidden``: ``home.visibility``), the complement of ``published_without(hidden).of_pilots()``
    among the summed figures, as the columns of ``x`` in ``SUMMARY``. The pages are found first (normally none),
    then their figures by the index on the figures' page."""
    excluded = Q(live=False) | Q(pk__in=hidden) if hidden else Q(live=False)
    sources = CaseStudyPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
    pages = sources.filter(excluded).order_by().values("pk")
    figures = ImpactFigure.objects.filter(page_id__in=pages, review=FigureReview.ACCEPTED).order_by()
    columns = ("page_id", "indicator_id", "indicator__weight_code", "indicator__locale_id", "period_start")
    return figures.values_list(*columns, "period_end", "value", "status")


def _summary_params(hidden, name="impact-excluded-figures"):
    figures, params = compiled_sql.sql(name, _excluded_figures, hidden)
    return figures, [*params, *STATUSES, *STATUSES, FigureReview.ACCEPTED]


def _summary_sums(start=None, end=None):
    """``overview_sums()`` of every unit, from the summary (``SUMMARY_PERIOD_SUMS``)."""
    figures, params = _summary_params(sorted(hidden_page_ids()))
    where = ""
    if start:
        where += " AND s.{s_period_start} >= %s"
        params.append(start)
    if end:
        where += " AND s.{s_period_end} <= %s"
        params.append(end)
    sql = _sums_sql(SUMMARY_PERIOD_SUMS.replace("{where}", where), figures)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [_period_sum(row) for row in cursor.fetchall()]


# One indicator's ``t`` rows of ``SUMMARY`` summed per period (its Thai and English versions together), with a count
# per status: ``indicator_period_sums`` for every unit.
SUMMARY_INDICATOR_SUMS = f"""{SUMMARY}
SELECT period_start, period_end, SUM(figures), SUM(total), SUM(weighted), SUM(products), SUM(weights),
    SUM(illustrative), SUM(reported), SUM(verified)
FROM t GROUP BY period_start, period_end HAVING SUM(figures) > 0"""  # noqa: S608 - constants


# The periods of one indicator with a published figure of any unit (``t`` as in ``SUMMARY_INDICATOR_SUMS``), each with
# the sums of the chosen units' figures (``{chosen}``: ``_period_sum_rows``; NULL where they have none):
# ``indicator_period_sums`` of some units.
SUMMARY_CHOSEN_SUMS = f"""{SUMMARY}
SELECT p.period_start, p.period_end, c.*
FROM (SELECT period_start, period_end FROM t GROUP BY period_start, period_end HAVING SUM(figures) > 0) AS p
    LEFT JOIN ({{chosen}}) AS c ON c.period_start = p.period_start AND c.period_end = p.period_end"""  # noqa: S608


def _summary_rows(template, info, more_params=(), **more):
    """The rows of ``template`` (over ``SUMMARY``, its ``{where}`` narrowed to ``info``'s indicator; ``more`` filling
    its other slots, ``more_params`` their parameters): one query, as many rows as the indicator has periods."""
    figures, params = _summary_params(sorted(hidden_page_ids()))
    ids = sorted(info.ids)
    where = " AND s.{s_indicator} IN (%s)" % ", ".join(["%s"] * len(ids))  # noqa: UP031 - placeholders only
    sql = _sums_sql(template.replace("{where}", where), figures, **more)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *ids, *more_params])
        return cursor.fetchall()


def _summary_indicator_sums(info):
    """``indicator_period_sums(info, ...)`` of every unit, from the summary less the units the public may not see:
    one query, as many rows as the indicator has periods (an indicator without a weight sums none: its count of
    weights is 0)."""
    periods, result = [], {}
    for start, end, count, total, weighted, products, weights, *counts in _summary_rows(SUMMARY_INDICATOR_SUMS, info):
        period = (_day(start), _day(end))
        periods.append(period)
        result[period] = _indicator_period_sum(info, period, count, total, weighted, products, weights, counts)
    return sorted(periods), result


def overview_sums(slugs=(), start=None, end=None):
    """The published learning units' figures (never a network group's) as ``aggregation.PeriodSum``, one per
    indicator and period: the totals, counts and weighted sums the overview's cards need, summed by the database
    (one query reading as many rows as there are indicators and periods, however many units there are); of the
    units ``slugs`` and within ``start``-``end`` where given."""
    if not slugs:  # every unit: from the summary
        return _summary_sums(start, end)
    hidden = sorted(hidden_page_ids())  # as ``published()``
    figures, params = _overview_figures(hidden, sorted(slugs), start, end).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_sums_sql(PERIOD_SUMS, figures), [*params, *STATUSES, FigureReview.ACCEPTED])
        return [_period_sum(row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class HeadlineSum:
    """One headline indicator's figures of one of its latest periods summed (``sum``, an ``aggregation.PeriodSum``)
    with what the home page shows of the indicator: its rule, order, name and definition in a locale (None where
    it has no version there)."""

    sum: PeriodSum
    rule: IndicatorRule
    sort_order: int
    name: str
    definition: str
    local_name: str | None
    local_definition: str | None


# The home page's headline figures from the summary: the headline indicators' rows (``t``) whose period ends on the
# indicator's latest end with figures, each with its indicator's rule, order and name and the name and definition of
# its version in a locale.
SUMMARY_HEADLINE_SUMS = f"""{SUMMARY.replace("{where}", " AND i.{show_on_home} = %s")},
latest AS (SELECT indicator_id, MAX(period_end) AS period_end FROM t WHERE figures > 0 GROUP BY indicator_id)
SELECT t.code, t.period_start, t.period_end, t.figures, t.total, t.weighted, t.products, t.weights,
    {WEAKEST.format("t.", "")}, i.{{unit}}, i.{{weight_code}}, i.{{sort_order}}, i.{{name}}, i.{{definition}},
    li.{{name}}, li.{{definition}}
FROM t JOIN latest ON latest.indicator_id = t.indicator_id AND latest.period_end = t.period_end
    JOIN {{indicators}} AS i ON i.{{pk}} = t.indicator_id
    LEFT JOIN {{indicators}} AS li ON li.{{translation_key}} = i.{{translation_key}} AND li.{{locale}} = %s"""  # noqa: S608 - constants


def headline_sums(locale_id, hidden):
    """The headline indicators' figures (of the pages the public may see: none of ``hidden``) summed per indicator
    and period, only for the periods ending on a headline indicator's latest end (each indicator's latest period is
    among them), as ``HeadlineSum`` named in the locale ``locale_id``: one query over the maintained summary
    (``SUMMARY_HEADLINE_SUMS``), as many rows as there are headline indicators and periods, whatever the units."""
    figures, params = _summary_params(hidden)
    with connection.cursor() as cursor:
        cursor.execute(_sums_sql(SUMMARY_HEADLINE_SUMS, figures), [*params, True, locale_id])
        found = cursor.fetchall()
    return [HeadlineSum(_period_sum(row[:9]), IndicatorRule(row[9], row[10]), *row[11:]) for row in found]


def units_with_figures(slugs):
    """Which of the unit slugs ``slugs`` have a published figure (one query, as many rows as ``slugs`` at most)."""
    figures = ImpactFigure.objects.published().of_pilots().filter(page__slug__in=sorted(slugs))
    return set(figures.order_by().values_list("page__slug", flat=True).distinct())
