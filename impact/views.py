"""The impact pages' views: the overview of indicator cards, one page per indicator (chart, table, map and sources
tabs) with its CSV, metadata and SVG, and the figures CSV/JSON of every indicator, all with the same filters.

A bad filter value (unknown indicator, a unit slug that is not a slug, a time that is not quarters or dates) is
answered with 400 and a message, never a 500; an unknown tab shows the chart.
"""

import itertools
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from casestudies.choosers import unit_chooser
from casestudies.models import Region
from home import page_cache, spreadsheet
from home.downloads import public_download
from home.localisation import current_language
from home.query_parameters import parse_choice, reads_query, slugs_in

from .addresses import dashboard_at
from .aggregation import combine_sums
from .explorer import (
    DOWNLOAD_PARAMETERS,
    INDICATOR_PARAMETERS,
    MAX_UNITS,
    TABS,
    UNIT_SEPARATOR,
    State,
    in_time,
    indicator_page_view,
    indicator_view,
    overview_cards,
    read_state,
    read_tab,
    read_time,
    read_units,
    shown_periods,
    table_page,
    unit_map,
)
from .filters import FILTER_PARAMETERS, FilterError, parse_filters
from .models import FigureStatus
from .queries import (
    EXPORT_COLUMNS,
    LocaleRef,
    catalogue,
    csv_cells,
    figures_payload,
    indicator_figures,
    indicator_latest,
    indicator_latest_chosen,
    indicator_latest_top,
    indicator_period_sums,
    indicators_in,
    overview_sums,
    streamed_figure_rows,
    unit_figures,
    units_with_figures,
)

# CSV downloads of more rows than this are streamed (``home.spreadsheet.csv_streaming_response``); smaller ones are
# built whole, so the page and download caches can keep them.
STREAM_ROWS = 1000

TAB_LABELS = {
    "chart": gettext_lazy("Chart"),
    "table": gettext_lazy("Table"),
    "map": gettext_lazy("Map"),
    "sources": gettext_lazy("Sources"),
}


def read_filters(page, request):
    """The catalogue in the page's language and the parsed filters; raises ``FilterError``."""
    cat = catalogue(page.locale)
    return cat, parse_filters(request.GET, set(cat.units), set(cat.indicators))


def page_locale(page):
    """The page's locale as the queries need it (its id and language), without loading the ``Locale`` row: the
    page is served in the active language."""
    return LocaleRef(page.locale_id, current_language())


def _bad_request_text(error):
    return HttpResponse(
        _("Bad filter value: %(value)s") % {"value": error}, status=400, content_type="text/plain; charset=utf-8"
    )


def _legacy_target(page, request, indicators):
    """Where an old dashboard address (``?indicator=…&from=…&to=…``) now lives, or None; ``FilterError`` if bad."""
    codes = [c.strip() for c in request.GET.getlist("indicator") if c.strip()]
    start_text, end_text = (request.GET.get("from") or "").strip(), (request.GET.get("to") or "").strip()
    if not codes and not start_text and not end_text:
        return None
    for code in codes:
        if code not in indicators:
            raise FilterError(f"indicator={code}")
    time_text = f"{start_text}..{end_text}".replace("-Q", "Q") if (start_text or end_text) else ""
    read_time(time_text)  # FilterError when not quarters or dates
    query = [("unit", v) for v in request.GET.getlist("unit")] + ([("time", time_text)] if time_text else [])
    target = page.get_url(request) + (f"{codes[0]}/" if codes else "")
    return target + ("?" + urlencode(query) if query else "")


def _asked_units(query):
    """The unit slugs ``?unit=`` asks for (``slugs_in``), at most ``MAX_UNITS`` + 1 (more is an error of
    ``read_units`` anyway)."""
    return slugs_in(query.getlist("unit"), UNIT_SEPARATOR, MAX_UNITS + 1)


def _requested_units(query):
    """The unit slugs ``?unit=`` asks for that have published figures; none asked for, no query."""
    asked = _asked_units(query)
    return units_with_figures(asked) if asked else set()


def overview_response(page, request):
    """``/th/impact/``: one card per indicator grouped by theme; old ``?indicator=`` addresses move (301). The cards
    come from the figures summed per indicator and period by the database (``queries.overview_sums``), not from
    every figure: the page reads as many rows with 3 units as with 200."""
    language = current_language()
    indicators = indicators_in(page_locale(page))
    context = page.get_context(request)
    status = 200
    try:
        target = _legacy_target(page, request, indicators)
        units = read_units(request.GET, _requested_units(request.GET))
        start, end, time_text = read_time(request.GET.get("time"))
    except FilterError:
        context["filter_error"] = True
        target, units, start, end, time_text, status = None, (), None, None, "", 400
    if target:
        return HttpResponsePermanentRedirect(target)
    state = State("chart", units, start, end, time_text)
    groups = []
    if status == 200:
        series = combine_sums(overview_sums(units, start, end), {code: info.rule for code, info in indicators.items()})
        groups = overview_cards(indicators, series, language)
    context.update(
        {
            "groups": groups,
            "state": state,
            "query": state.query(),
            "any_illustrative": any(card.status == "illustrative" for _label, cards in groups for card in cards),
            "dashboard_url": page.get_url(request),  # once, not per card
            "query_suffix": f"?{state.query()}" if state.query() else "",
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _indicator_in(page, code):
    """``(locale, indicators, info)``: the page's language, its indicators and the one of ``code``; Http404 for an
    unknown code."""
    locale = page_locale(page)
    indicators = indicators_in(locale)
    info = indicators.get(code)
    if info is None:
        raise Http404
    return locale, indicators, info


def _indicator_data(page, request, code):
    """``(info, units, rows)`` of one indicator in the page's language; Http404 for an unknown code."""
    locale, indicators, info = _indicator_in(page, code)
    codes = {code, info.weight_code} - {""}
    units, rows = indicator_figures(locale, indicators, codes)
    return info, units, rows


def _state_or_error(request, units):
    try:
        return read_state(request.GET, units), None
    except FilterError as error:
        return State(), error


def _indicator_page_view(page, request, code, language):
    """``(view, units, regions, state, error)`` of the indicator page, reading only what it shows (issue 22): each
    unit's latest figure (with units chosen, only those of the units shown and of those the chooser may list;
    ``regions`` then holds the regions of every unit, else None), the figures summed per period by the database,
    and the figures of the units drawn (a table page's are read by ``explorer.table_page``). Http404 for an unknown
    code."""
    locale, indicators, info = _indicator_in(page, code)
    # Each unit's latest figure, within the time asked for where there is one (the periods shown are those within
    # it: ``shown_periods``), in one read: the units that can be chosen are those with a figure shown.
    try:
        start, end, _text = read_time(request.GET.get("time"))
    except FilterError:
        start = end = None  # reported by ``read_state`` below
    # Units chosen: only the latest figures of the units asked for and of those the chooser may list, and the
    # regions with units (issue 22: as many rows at 200 units as at 3).
    asked, regions, shown, sums = _asked_units(request.GET), None, None, None
    plain = _plain_chart(request.GET)
    if asked:
        region = parse_choice(request.GET.get("region"), Region.values)
        latest, regions = indicator_latest_chosen(locale, indicators, info, start, end, asked, region)
    elif plain:
        # The chart of the units with the highest latest values in the periods shown: those units' figures and the
        # chooser's (issue 22: as many rows read at 200 units as at 3), the periods shown read first.
        all_periods, sums = indicator_period_sums(info, indicators)
        periods = shown_periods(all_periods, State(), page.max_periods)
        if periods:
            latest, regions, shown = indicator_latest_top(locale, indicators, info, periods[0])
        else:
            latest = indicator_latest(locale, indicators, info)
    else:
        latest = indicator_latest(locale, indicators, info, start, end)
    units = {item.unit.slug: item.unit for item in latest}
    state, error = _state_or_error(request, units)
    if asked and not state.units:  # none chosen after all (unknown, too many, a bad time): every unit
        latest, regions = indicator_latest(locale, indicators, info, start, end), None
        units = {item.unit.slug: item.unit for item in latest}
        state, error = _state_or_error(request, units)
    if sums is None:
        chosen = [units[slug].page_id for slug in state.units] if state.units else None
        all_periods, sums = indicator_period_sums(info, indicators, chosen)
    view = indicator_page_view(
        info,
        all_periods,
        sums,
        latest,
        lambda page_ids: unit_figures(info, page_ids),
        state,
        language,
        page.max_periods,
        dict(Region.choices),
        shown,
    )
    return view, units, regions, state, error


def _plain_chart(query):
    """Whether ``query`` asks for an indicator's chart of every unit (no tab but the chart, no units, region or time
    chosen): the chart then draws the units with the highest latest values, and only those are read."""
    chosen = any((query.get(name) or "").strip() for name in ("unit", "region", "time"))
    return read_tab(query) == "chart" and not chosen


def indicator_response(page, request, code):
    """``/th/impact/<indicator>/``: chart, table, map and sources tabs, the state in the query string."""
    request.query_parameters = frozenset(INDICATOR_PARAMETERS)
    language = current_language()
    view, units, regions, state, error = _indicator_page_view(page, request, code, language)
    if state.tab == "map":
        view.map = unit_map(view, language)
    # With many units the chooser lists one region's units (``?region=``) and those chosen (issue 22).
    chooser = unit_chooser(
        sorted(units.values(), key=lambda u: u.path),
        lambda unit: unit.region,
        lambda unit: unit.slug,
        request.GET.get("region"),
        state.units,
        regions=regions,
    )
    context = Page.get_context(page, request)
    base = f"{page.get_url(request)}{code}"
    query = state.query(with_tab=False)
    suffix = f"?{query}" if query else ""
    region_query = urlencode({"region": chooser.region}) if chooser.region else ""

    def tab_url(tab):
        tab_query = "&".join(part for part in (state.query(tab), region_query) if part)
        return f"{base}/" + (f"?{tab_query}" if tab_query else "")

    if state.tab == "table":
        context["table"] = table_page(view, request.GET.get("page"))
        context["table_query"] = "&".join(part for part in (state.query(), region_query) if part)
    context.update(
        {
            "view": view,
            "info": view.info,
            "state": state,
            "filter_error": error is not None,
            "tabs": [(tab, TAB_LABELS[tab], tab_url(tab)) for tab in TABS],
            "downloads": {
                "csv": f"{base}.csv{suffix}",
                "metadata": f"{base}.metadata.json{suffix}",
                "svg": f"{base}.svg{suffix}",
            },
            "page_url": f"{base}/",
            "chooser": chooser,
            "unit_groups": chooser.groups,
            "status_labels": dict(FigureStatus.choices),
            "any_illustrative": view.any_status.get("illustrative"),
        }
    )
    if state.tab == "sources":
        context["last_changed"] = last_change()
    return TemplateResponse(request, "impact/indicator_page.html", context, status=400 if error else 200)


def _export_rows_or_error(page, request):
    """``(count, exported rows as a generator, None)`` or ``(0, (), a 400 response)`` for a bad filter. A HEAD request
    reads no figure: its answer has the headers of the download and no body."""
    try:
        cat, filters = read_filters(page, request)
    except FilterError as error:
        return 0, (), _bad_request_text(error)
    if request.method == "HEAD":
        return STREAM_ROWS + 1, iter(()), None
    count, rows = streamed_figure_rows(cat, filters)
    return count, (row.export() for row in rows), None


def figures_csv(page, request):
    """``figures.csv``: every figure matching the filters, labels in the page's language."""
    count, rows, error = _export_rows_or_error(page, request)
    if error:
        return error
    filename = f"impact-figures-{page.locale.language_code}.csv"
    if count > STREAM_ROWS:  # programme scale: sent as it is read and written, never held whole (and not cached)
        return spreadsheet.csv_streaming_response(filename, EXPORT_COLUMNS, (csv_cells(row) for row in rows))
    return spreadsheet.csv_response(filename, EXPORT_COLUMNS, [csv_cells(row) for row in rows])


def figures_json(page, request):
    """``figures.json``: the same rows as CSV, with the schema version and the language."""
    count, rows, error = _export_rows_or_error(page, request)
    if error:
        return error
    if count > STREAM_ROWS:  # programme scale: sent row by row as it is read, never held whole (and not cached)
        payload = figures_payload(page.locale.language_code, rows, count)
        return StreamingHttpResponse(json_chunks(payload), content_type="application/json")
    payload = figures_payload(page.locale.language_code, list(rows))
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


def _json_text(value):
    return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)


JSON_CHUNK_ROWS = 200  # rows encoded in one call: one ``dumps`` per row costs half as much again


def json_chunks(payload, dumps=_json_text, separator=", "):
    """``payload`` (its rows under ``"figures"``, the last key, any iterable) as JSON text, ``JSON_CHUNK_ROWS`` rows per
    chunk: the same document ``JsonResponse`` writes, without holding it whole. ``dumps`` writes one value and
    ``separator`` is the one it writes between items: the API passes REST framework's compact renderer and ``","``
    (``impact.api``)."""
    rows = iter(payload["figures"])
    head = {**{key: value for key, value in payload.items() if key != "figures"}, "figures": []}
    yield dumps(head)[:-2]  # up to and with the rows' opening bracket
    first = True
    while batch := list(itertools.islice(rows, JSON_CHUNK_ROWS)):
        yield ("" if first else separator) + dumps(batch)[1:-1]  # the rows without their list's brackets
        first = False
    yield "]}"


@reads_query(*FILTER_PARAMETERS)
@public_download
def figures_download(request, path, fmt):
    """``<dashboard url>figures.csv`` / ``figures.json`` in the active language (404 for any other path); gzip and
    304 answers from ``home.downloads``."""

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
    page = dashboard_at(request, path)
    if page is not None:
        response = figures_csv(page, request) if fmt == "csv" else figures_json(page, request)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, list(response.items())), settings.FRAGMENT_CACHE_SECONDS)
        return response
    raise Http404


def last_change():
    """When any figure was last created, changed, imported or deleted (its history), or None."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    from .models import ImpactFigure

    content_type = ContentType.objects.get_for_model(ImpactFigure)  # cached by Django after the first request
    return (
        ModelLogEntry.objects.filter(content_type=content_type)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )


def indicator_csv(page, request, code):
    info, units, rows = _indicator_data(page, request, code)
    state, error = _state_or_error(request, units)
    if error:
        return _bad_request_text(error)
    rows = [
        r
        for r in rows
        if r.indicator.code == code
        and (not state.units or r.unit.slug in state.units)
        and in_time((r.period_start, r.period_end), state.start, state.end)
    ]
    filename = f"{code}-{current_language()}.csv"
    if len(rows) > STREAM_ROWS:  # programme scale: sent as it is written, never built whole (and not cached)
        return spreadsheet.csv_streaming_response(filename, EXPORT_COLUMNS, (csv_cells(r.export()) for r in rows))
    return spreadsheet.csv_response(filename, EXPORT_COLUMNS, [csv_cells(r.export()) for r in rows])


def indicator_metadata(page, request, code):
    info, units, rows = _indicator_data(page, request, code)
    state, error = _state_or_error(request, units)
    if error:
        return _bad_request_text(error)
    language = current_language()
    view = indicator_view(units, info, rows, state, language, None, dict(Region.choices))
    query = state.query(with_tab=False)
    suffix = f"?{query}" if query else ""
    base = request.build_absolute_uri(f"{page.get_url(request)}{code}")
    payload = {
        "schema": "odf-impact-indicator-metadata/1",
        "language": language,
        "indicator": {
            "code": info.code,
            "name": info.name,
            "definition": info.definition,
            "how_measured": info.how_measured,
            "unit_of_measure": info.unit,
            "unit_label": str(info.unit_label),
            "direction": info.direction,
            "weighted_by": info.weight_code,
            "theme": info.theme,
            "combined_as": "average" if info.rule.is_share else "sum",
        },
        "filters": {"unit": list(state.units), "time": state.time_text},
        "periods": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in view.periods],
        "units": [{"slug": r.unit.slug, "name": r.unit.name, "province": r.unit.province} for r in view.rows],
        "statuses": {s: sum(1 for r in view.rows for c in r.cells if c and c[1] == s) for s in FigureStatus.values},
        "status_meanings": {value: str(label) for value, label in FigureStatus.choices},
        "data": {"csv": f"{base}.csv{suffix}", "chart_svg": f"{base}.svg{suffix}", "page": f"{base}/{suffix}"},
        "columns": EXPORT_COLUMNS,
        "licence_note": _("Figures marked illustrative are examples for demonstration, not measured results."),
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})


def indicator_svg(page, request, code):
    info, units, rows = _indicator_data(page, request, code)
    state, error = _state_or_error(request, units)
    if error:
        return _bad_request_text(error)
    view = indicator_view(units, info, rows, state, current_language(), page.max_periods, dict(Region.choices))
    if view.chart is None:
        raise Http404
    content = render_to_string(
        "impact/includes/line_chart.html", {"view": view, "info": info, "standalone": True}, request=request
    )
    response = HttpResponse(content, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{code}.svg"'
    return response


INDICATOR_DOWNLOADS = {"csv": indicator_csv, "metadata.json": indicator_metadata, "svg": indicator_svg}


@reads_query(*DOWNLOAD_PARAMETERS)
@public_download
def indicator_download(request, path, code, fmt):
    """``<dashboard url><indicator>.csv`` / ``.metadata.json`` / ``.svg`` in the active language, with the
    page's ``unit`` and ``time``."""
    page = dashboard_at(request, path)
    if page is None:
        raise Http404
    return INDICATOR_DOWNLOADS[fmt](page, request, code)
