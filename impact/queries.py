"""Reading figures for one language: units and indicators with their names, and figure rows ready to show.

A fixed number of queries however many units, indicators and periods there are: four for the catalogue
of units and indicators, one for the figures.
"""

import itertools
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Count, Value, When, Window

from casestudies.models import CaseStudyPage, Province
from home.visibility import public_pages

from .aggregation import IndicatorRule, Record
from .models import FigureStatus, ImpactFigure, Indicator

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

    @property
    def rule(self):
        return IndicatorRule(self.unit, self.weight_code)


@dataclass
class Catalogue:
    units: dict
    indicators: dict

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
        }


def catalogue(locale):
    """Published units (by slug) and indicators (by code) with names in ``locale``, falling back to Thai."""
    source_pages = list(
        public_pages(CaseStudyPage.objects.all())
        .filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
        .select_related("province")
        .defer_streamfields()
        .order_by("path")
    )
    local_pages = {
        p.translation_key: p
        for p in CaseStudyPage.objects.live()
        .filter(locale=locale, translation_key__in=[p.translation_key for p in source_pages])
        .defer_streamfields()
        .only("translation_key", "unit_name", "title", "alias_of_id")
    }
    provinces = {p.translation_key: p.name for p in Province.objects.filter(locale=locale)}
    units = {}
    for page in source_pages:
        local = local_pages.get(page.translation_key)
        translated = local is not None and not local.alias_of_id
        name = local.unit_name if translated else page.unit_name
        title = local.title if translated else page.title
        province = ""
        if page.province_id:
            province = provinces.get(page.province.translation_key, page.province.name)
        region, latitude, longitude = "", None, None
        if page.province_id:
            region, latitude, longitude = page.province.region, page.province.latitude, page.province.longitude
        units[page.slug] = UnitInfo(
            page.slug, name or title, province, page, title, region, latitude, longitude, page.path
        )

    return Catalogue(units, indicators_in(locale))


def indicators_in(locale):
    """``{code: IndicatorInfo}`` in catalogue order, named in ``locale`` where translated, else Thai (one query)."""
    rows = list(Indicator.objects.filter(locale__language_code__in={settings.LANGUAGE_CODE, locale.language_code}))
    chosen = {}
    for indicator in rows:
        if indicator.code not in chosen or indicator.locale_id == locale.pk:
            chosen[indicator.code] = indicator
    indicators = {}
    for code, ind in sorted(chosen.items(), key=lambda item: (item[1].sort_order, item[0])):
        indicators[code] = IndicatorInfo(
            code,
            ind.name,
            ind.definition,
            ind.how_measured,
            ind.unit,
            ind.get_unit_display(),
            ind.direction,
            ind.weight_code,
            ind.show_on_home,
            ind.sort_order,
            ind.theme,
        )
    return indicators


# What a ``FigureRow`` is made of, read from the figure, its unit and its indicator.
FIGURE_VALUES = ("page__slug", "indicator__code", "period_start", "period_end", "value", "baseline", "status", "source")


def _figures_matching(cat, filters):
    """The published figures of the catalogue's units matching ``filters``, as the value tuples rows are made of."""
    queryset = ImpactFigure.objects.published().filter(page__slug__in=list(cat.units)).values_list(*FIGURE_VALUES)
    if filters is not None:
        if filters.units:
            queryset = queryset.filter(page__slug__in=filters.units)
        if filters.indicators:
            queryset = queryset.filter(indicator__code__in=filters.indicators)
        if filters.start:
            queryset = queryset.filter(period_start__gte=filters.start)
        if filters.end:
            queryset = queryset.filter(period_end__lte=filters.end)
    return queryset


def figure_rows(cat, filters=None):
    """The published figures matching ``filters``, as ``FigureRow`` in the catalogue's language (one query)."""
    rows = []
    for slug, code, start, end, value, baseline, status, source in _figures_matching(cat, filters):
        if code not in cat.indicators:
            continue
        rows.append(FigureRow(cat.units[slug], cat.indicators[code], start, end, value, baseline, status, source))
    rows.sort(key=lambda r: (r.unit.path, r.indicator.sort_order, r.indicator.code, r.period_start, r.period_end))
    return rows


EXPORT_FETCH_ROWS = 2000


def streamed_figure_rows(cat, filters=None):
    """``(count, rows)``: how many rows ``figure_rows`` has, and those rows in the same order as a generator read
    from the database ``EXPORT_FETCH_ROWS`` at a time (a server-side cursor on PostgreSQL), never held whole. One
    query (the count is a window over it), started here."""
    codes = list(cat.indicators)  # catalogue order: sort order, then code
    rank = Case(*(When(indicator__code=code, then=Value(i)) for i, code in enumerate(codes)), default=Value(-1))
    queryset = (
        _figures_matching(cat, filters)
        .filter(indicator__code__in=codes)
        .annotate(total=Window(Count("pk")), indicator_rank=rank)
        .order_by("page__path", "indicator_rank", "period_start", "period_end")
        .values_list(*FIGURE_VALUES, "total")
    )
    found = queryset.iterator(EXPORT_FETCH_ROWS)
    first = next(found, None)
    if first is None:
        return 0, iter(())

    def rows():
        for slug, code, start, end, value, baseline, status, source, _total in itertools.chain([first], found):
            yield FigureRow(cat.units[slug], cat.indicators[code], start, end, value, baseline, status, source)

    return first[-1], rows()


def indicator_figures(locale, indicators, codes):
    """The published figures of the indicators ``codes`` as ``FigureRow``, with each unit's names in ``locale``
    (else Thai), its province and map position: one query, however many units (the names come from correlated
    subqueries on the unit's translation and its province's)."""
    from django.db.models import OuterRef, Subquery

    local_page = CaseStudyPage.objects.filter(
        locale_id=locale.pk, translation_key=OuterRef("page__translation_key"), alias_of__isnull=True, live=True
    )
    local_province = Province.objects.filter(
        locale_id=locale.pk, translation_key=OuterRef("page__province__translation_key")
    )
    queryset = ImpactFigure.objects.published().filter(indicator__code__in=codes)
    if locale.language_code != settings.LANGUAGE_CODE:
        queryset = queryset.annotate(
            local_name=Subquery(local_page.values("unit_name")[:1]),
            local_title=Subquery(local_page.values("title")[:1]),
            local_province=Subquery(local_province.values("name")[:1]),
        )
        extra = ("local_name", "local_title", "local_province")
    else:
        extra = ()
    units, rows = {}, []
    for values in queryset.values_list(
        "page__slug",
        "indicator__code",
        "period_start",
        "period_end",
        "value",
        "baseline",
        "status",
        "source",
        "page__unit_name",
        "page__title",
        "page__path",
        "page__province__name",
        "page__province__region",
        "page__province__latitude",
        "page__province__longitude",
        *extra,
    ):
        slug, code = values[0], values[1]
        if code not in indicators:
            continue
        unit = units.get(slug)
        if unit is None:
            name, title, path, province, region, latitude, longitude = values[8:15]
            if extra:
                local_name, local_title, local_province = values[15:18]
                if local_title:
                    name, title = local_name, local_title
                province = local_province or province
            unit = units[slug] = UnitInfo(
                slug, name or title, province or "", None, title, region or "", latitude, longitude, path
            )
        rows.append(FigureRow(unit, indicators[code], *values[2:8]))
    rows.sort(key=lambda r: (r.unit.path, r.indicator.sort_order, r.indicator.code, r.period_start, r.period_end))
    return units, rows


def overview_records(units=()):
    """Every published figure as an aggregation ``Record`` (only of ``units`` when given): one query."""
    queryset = ImpactFigure.objects.published()
    if units:
        queryset = queryset.filter(page__slug__in=units)
    return [
        Record(*row)
        for row in queryset.values_list(
            "page__slug", "indicator__code", "period_start", "period_end", "value", "status"
        )
    ]
