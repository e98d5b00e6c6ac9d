"""The dashboard page's views: charts and tables, CSV and JSON downloads, all with the same filters.

A bad filter value (unknown unit or indicator, a date that is not a date) is answered with 400 and a
message, never a 500.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page

from home import page_cache, spreadsheet
from home.localisation import current_language
from home.query_parameters import reads_query
from home.visibility import public_pages

from .aggregation import aggregate
from .charts import bar_chart
from .filters import FILTER_PARAMETERS, FilterError, parse_filters, quarter_of
from .formatting import format_axis, format_period, format_value
from .models import FigureStatus
from .queries import EXPORT_COLUMNS, catalogue, csv_cells, figure_rows, figures_payload

# CSV downloads of more rows than this are streamed (``home.spreadsheet.csv_streaming_response``); smaller ones are
# built whole, so the page and download caches can keep them.
STREAM_ROWS = 5000


@dataclass
class TableRow:
    period_label: str
    cells: list
    total: object
    total_label: str
    status: str
    method: str

    @property
    def is_illustrative(self):
        return self.status == "illustrative"

    @property
    def status_label(self):
        return FigureStatus(self.status).label


@dataclass
class Cell:
    label: str
    status: str


def read_filters(page, request):
    """The catalogue in the page's language and the parsed filters; raises ``FilterError``."""
    cat = catalogue(page.locale)
    return cat, parse_filters(request.GET, set(cat.units), set(cat.indicators))


def indicator_charts(cat, rows, language, max_periods=None):
    """One chart and table per indicator: the total (or average) per period, and each unit's value."""
    series = aggregate([r.record() for r in rows], cat.rules)
    by_key = {(r.unit.slug, r.indicator.code, r.period_start, r.period_end): r for r in rows}
    charts = []
    for code, info in cat.indicators.items():
        aggregates = series.get(code)
        if not aggregates:
            continue
        if max_periods:
            aggregates = aggregates[-max_periods:]
        units = [u for u in cat.units.values() if any(u.slug in a.units for a in aggregates)]
        table = []
        for agg in aggregates:
            cells = []
            for unit in units:
                row = by_key.get((unit.slug, code, *agg.period))
                cells.append(Cell(format_value(row.value, info.unit, language), row.status) if row else Cell("–", ""))
            table.append(
                TableRow(
                    format_period(*agg.period, language),
                    cells,
                    agg.value,
                    format_value(agg.value, info.unit, language),
                    agg.status,
                    agg.method,
                )
            )
        chart = bar_chart(
            [(t.period_label, t.total, t.total_label, t.is_illustrative) for t in table],
            lambda n, unit=info.unit: format_axis(n, unit, language),
        )
        charts.append(
            {
                "indicator": info,
                "chart": chart,
                "units": units,
                "table": table,
                "is_share": info.rule.is_share,
                "any_illustrative": any(t.is_illustrative for t in table),
                "first_period": table[0].period_label,
                "last_period": table[-1].period_label,
            }
        )
    return charts


def dashboard_response(page, request):
    """The dashboard: filters, one chart + table per indicator, download links keeping the filters."""
    language = current_language()
    if not request.GET and page_cache.content_fragment_is_cached(request):  # the charts are cached: render the rest
        return TemplateResponse(request, page.get_template(request), Page.get_context(page, request))
    context = page.get_context(request)
    status = 200
    try:
        cat, filters = read_filters(page, request)
    except FilterError:
        cat, filters = catalogue(page.locale), None
        context["filter_error"] = True
        status = 400
    charts = []
    if filters is not None:
        rows = figure_rows(cat, filters)
        limit = None if (filters.start or filters.end) else page.max_periods
        charts = indicator_charts(cat, rows, language, limit)
    periods = sorted({(r.period_start, r.period_end) for r in figure_rows(cat)}) if cat.units else []
    quarters = list(dict.fromkeys(quarter_of(start) for start, _end in periods))
    # The downloads take the same filters, and only those (never parameters the page does not read).
    query = urlencode([(n, v) for n in FILTER_PARAMETERS for v in request.GET.getlist(n)]) if filters else ""
    context.update(
        {
            "catalogue": cat,
            "filters": filters,
            "charts": charts,
            "quarters": [(q, q.replace("-Q", " Q")) for q in quarters],
            "selected": {
                "units": filters.units if filters else (),
                "indicators": filters.indicators if filters else (),
                "from": request.GET.get("from", "") if filters else "",
                "to": request.GET.get("to", "") if filters else "",
            },
            "query": query,
            "any_illustrative": any(c["any_illustrative"] for c in charts),
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _rows_or_error(page, request):
    try:
        cat, filters = read_filters(page, request)
    except FilterError as error:
        return None, HttpResponse(
            _("Bad filter value: %(value)s") % {"value": error}, status=400, content_type="text/plain; charset=utf-8"
        )
    return [r.export() for r in figure_rows(cat, filters)], None


def figures_csv(page, request):
    """``figures.csv``: every figure matching the filters, labels in the page's language."""
    rows, error = _rows_or_error(page, request)
    if error:
        return error
    filename = f"impact-figures-{page.locale.language_code}.csv"
    if len(rows) > STREAM_ROWS:  # programme scale: sent as it is written, never built whole (and not cached)
        return spreadsheet.csv_streaming_response(filename, EXPORT_COLUMNS, (csv_cells(row) for row in rows))
    return spreadsheet.csv_response(filename, EXPORT_COLUMNS, [csv_cells(row) for row in rows])


def figures_json(page, request):
    """``figures.json``: the same rows as CSV, with the schema version and the language."""
    rows, error = _rows_or_error(page, request)
    if error:
        return error
    return JsonResponse(figures_payload(page.locale.language_code, rows), json_dumps_params={"ensure_ascii": False})


@reads_query(*FILTER_PARAMETERS)
def figures_download(request, path, fmt):
    """``<dashboard url>figures.csv`` / ``figures.json`` in the active language (404 for any other path)."""
    from wagtail.models import Locale

    from .models import ImpactDashboardPage

    # Keyed by the filters only, in a fixed order: parameters the export does not read make no new entry.
    query = urlencode([(n, v) for n in FILTER_PARAMETERS for v in request.GET.getlist(n)])
    key = page_cache.key("figures", request.path, query)
    cached = cache.get(key)
    if cached is not None:  # the export is kept until the next publish or figure save (home/page_cache.py)
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response
    locale = Locale.get_active()
    for page in public_pages(ImpactDashboardPage.objects.filter(locale=locale)):
        if page.get_url(request) == f"/{locale.language_code}/{path}":
            response = figures_csv(page, request) if fmt == "csv" else figures_json(page, request)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (response.content, list(response.items())), settings.FRAGMENT_CACHE_SECONDS)
            return response
    raise Http404
