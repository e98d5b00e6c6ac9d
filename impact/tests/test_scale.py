"""Issue 19, must-have 7: the impact pages hold at programme scale. Generated data: 200 published units, each with
14 indicators over 12 quarters (33,600 figures), made once for this module and rolled back after it.

With every cache off, the overview stays within 120 KB gzipped and 12 queries, an indicator page draws at most 10
lines and groups its table by region, the exports stream, and the comparison still answers. The figures measured are printed in the test summary (``measured: ...``)."""

import datetime
import gzip
import json
import re
import time

import pytest

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from casestudies.factories import case_studies_in_bulk, thai_index
from casestudies.models import CaseStudyPage
from impact.explorer import TABLE_ROWS
from impact.factories import thai_indicators
from impact.models import FigureStatus, ImpactFigure, Indicator
from impact.queries import EXPORT_COLUMNS

UNITS, QUARTERS = 200, 12
OVERVIEW_MAX_GZIP = 120 * 1024
MAX_QUERIES = 12
MAX_CHART_LINES = 10
PROVINCES = ("kanchanaburi", "bueng-kan", "lampang")


def quarters(count, first_year=2022):
    """``count`` calendar quarters from Q1 of ``first_year``: ``[(start, end)]``."""
    result = []
    for index in range(count):
        year, quarter = first_year + index // 4, index % 4
        start = datetime.date(year, quarter * 3 + 1, 1)
        end = (datetime.date(year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1)) - datetime.timedelta(days=1)
        result.append((start, end))
    return result


def generate_programme():
    """Units up to ``UNITS`` published case studies, each with every Thai indicator over ``QUARTERS`` quarters."""
    index = thai_index()
    existing = CaseStudyPage.objects.live().filter(locale__language_code="th").count()
    slugs = [f"scale-unit-{number:03d}" for number in range(UNITS - existing)]
    units = case_studies_in_bulk(index, slugs, PROVINCES)
    indicators = thai_indicators()
    periods = quarters(QUARTERS)
    figures = []
    for number, unit in enumerate(units):
        for position, indicator in enumerate(indicators):
            for step, (start, end) in enumerate(periods):
                value = 50 if indicator.unit in ("percent", "percent_change") else 10 + number + step * (position + 1)
                figures.append(
                    ImpactFigure(
                        page_id=unit.pk,
                        indicator=indicator,
                        period_start=start,
                        period_end=end,
                        value=value,
                        status=FigureStatus.ILLUSTRATIVE,
                    )
                )
    ImpactFigure.objects.bulk_create(figures, batch_size=5000)
    return len(figures)


@pytest.fixture(scope="module")
def programme(django_db_setup, django_db_blocker):
    """The generated programme, in a transaction of its own that is rolled back when the module is done (each test
    runs in a savepoint inside it)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            began = time.perf_counter()
            count = generate_programme()
            yield {"figures": count, "seconds": time.perf_counter() - began}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def scale(programme, db):
    return programme


def cold_get(client, url):
    """The second request of ``url`` with every cache off (the first warms the process), and its query count.

    The first response is read to its end, as a server reads it: a streamed export left unread holds a server-side
    cursor, and when the garbage collector closed it in the middle of the next query on the same connection,
    psycopg waited on itself for ever."""
    warm = client.get(url)
    if warm.streaming:
        b"".join(warm.streaming_content)  # the test client's wrapper closes it then, keeping the test's connection
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_the_programme_is_at_scale(scale, record_property):
    published = CaseStudyPage.objects.live().filter(locale__language_code="th").count()
    assert published == UNITS
    assert ImpactFigure.objects.published().count() >= scale["figures"] >= (UNITS - 3) * 14 * QUARTERS
    record_property("measured", f"generated {scale['figures']} figures for {UNITS} units in {scale['seconds']:.1f} s")


@pytest.mark.parametrize("language", ["th", "en"])
def test_overview_within_120_kb_gzip(client, scale, caches_off, record_property, language):  # noqa: F811
    response, queries = cold_get(client, f"/{language}/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<li class="im-card"') == 14  # the overview's cards, one per indicator
    size = len(gzip.compress(response.content))
    record_property(
        "measured",
        f"/{language}/impact/ at {UNITS} units: {len(response.content) / 1024:.0f} KB, "
        f"{size / 1024:.1f} KB gzip, {queries} queries (every cache off)",
    )
    assert size <= OVERVIEW_MAX_GZIP


@pytest.mark.parametrize("language", ["th", "en"])
def test_overview_within_12_queries(client, scale, caches_off, language):  # noqa: F811
    _response, queries = cold_get(client, f"/{language}/impact/")
    assert queries <= MAX_QUERIES


def test_figures_csv_streams_every_row(client, scale, caches_off, record_property):  # noqa: F811
    response, queries = cold_get(client, "/th/impact/figures.csv")
    assert response.status_code == 200
    assert response.streaming, "figures.csv is built whole in memory"
    began = time.perf_counter()
    chunks = list(response.streaming_content)
    body = b"".join(chunks).decode("utf-8")
    seconds = time.perf_counter() - began
    lines = body.split("\r\n")
    assert lines[0] == "\ufeff" + ",".join(EXPORT_COLUMNS)
    assert len(lines) - 2 == ImpactFigure.objects.published().count()
    assert len(chunks) > 10
    record_property(
        "measured",
        f"figures.csv at {UNITS} units: {len(lines) - 2} rows, {len(body.encode()) / 1e6:.1f} MB in {len(chunks)} "
        f"chunks, {queries} queries, written in {seconds:.1f} s",
    )


def test_figures_json_streams_the_same_document(client, scale, caches_off):  # noqa: F811
    response, _queries = cold_get(client, "/en/impact/figures.json")
    assert response.status_code == 200
    assert response.streaming, "figures.json is encoded whole in memory"
    chunks = list(response.streaming_content)
    document = json.loads(b"".join(chunks).decode("utf-8"))
    assert len(chunks) > 100  # JSON_CHUNK_ROWS rows a chunk
    assert document["language"] == "en"
    assert document["count"] == len(document["figures"]) == ImpactFigure.objects.published().count()
    small = json.loads(client.get("/en/impact/figures.json?unit=scale-unit-000").content)  # encoded whole
    assert set(small) == set(document) and set(small["figures"][0]) == set(document["figures"][0])


def test_indicator_csv_streams(client, scale, caches_off):  # noqa: F811
    response, _queries = cold_get(client, "/en/impact/members_total.csv")
    assert response.status_code == 200
    assert response.streaming, "the indicator's CSV is built whole in memory"
    lines = b"".join(response.streaming_content).decode("utf-8").split("\r\n")
    pilots = ImpactFigure.objects.published().of_pilots()  # the indicator's CSV is the pilots' (groups: figures.csv)
    assert len(lines) - 2 == pilots.filter(indicator__code="members_total").count() > 2000


def test_small_exports_are_still_whole_and_cacheable(client, scale):
    response = client.get("/th/impact/figures.csv?unit=scale-unit-000")
    assert response.status_code == 200 and not response.streaming
    assert response.content.decode("utf-8").count("\r\n") == 1 + 14 * QUARTERS


@pytest.mark.parametrize("language", ["th", "en"])
def test_indicator_page_draws_at_most_10_lines_and_groups_its_table_by_region(
    client,
    scale,
    caches_off,  # noqa: F811
    record_property,
    language,
):
    response, queries = cold_get(client, f"/{language}/impact/members_total/")
    assert response.status_code == 200
    html = response.content.decode()
    lines = html.count('class="im-line"')  # one path per line (members are summed: no average line)
    assert lines == MAX_CHART_LINES  # the top ten of 200 units; the rest are in the table
    table, _queries = cold_get(client, f"/{language}/impact/members_total/?tab=table")
    body = table.content.decode()
    groups = re.findall(r'<tr class="im-group"><th scope="rowgroup"[^>]*>([^<]+)</th>', body)
    assert 1 <= len(groups) <= len(PROVINCES)  # one group per region of the page's units
    assert body.count('<tr><th scope="row">') == TABLE_ROWS  # a page of the table (issue 22); the rest are paged
    # Each region's first page is linked (the three regions of the units' provinces).
    assert len(re.findall(r'<a href="\?tab=table&amp;page=\d+">[^<]+</a>', body.split("im-table-pages")[1])) >= 3
    size = len(gzip.compress(response.content))
    record_property(
        "measured",
        f"/{language}/impact/members_total/ at {UNITS} units: {lines} lines in the chart, {size / 1024:.1f} KB gzip, "
        f"{queries} queries; its table: {len(groups)} region groups, {len(gzip.compress(table.content)) / 1024:.1f} KB gzip",
    )


def test_compare_answers_at_scale(client, scale, caches_off, record_property):  # noqa: F811
    slugs = [f"scale-unit-{n:03d}" for n in (0, 50, 100, 150, 196)]
    response, queries = cold_get(client, "/en/impact/compare/?unit=" + "~".join(slugs))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<input type="checkbox" name="unit"') == len(slugs)  # no region chosen: the chosen units only
    assert html.count('<section class="cmp-indicator"') == 14
    size = len(gzip.compress(response.content))
    record_property("measured", f"compare 5 of {UNITS} units: {size / 1024:.1f} KB gzip, {queries} queries")
    assert queries <= MAX_QUERIES


def test_figures_csv_gzipped_and_304_at_scale(client, scale, record_property):  # noqa: F811
    """Issue 22, must-have 3: the programme's figures.csv compressed for clients that accept gzip, and a repeat with
    its ETag answered 304 without reading a figure."""
    began = time.perf_counter()
    plain = client.get("/th/impact/figures.csv")
    plain_body = b"".join(plain.streaming_content)
    plain_seconds = time.perf_counter() - began
    packed = client.get("/th/impact/figures.csv", HTTP_ACCEPT_ENCODING="gzip")
    packed_body = b"".join(packed.streaming_content)
    assert packed["Content-Encoding"] == "gzip" and gzip.decompress(packed_body) == plain_body
    assert len(packed_body) < len(plain_body) / 5
    began = time.perf_counter()
    for _ in range(20):
        with CaptureQueriesContext(connection) as queries:
            again = client.get("/th/impact/figures.csv", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
        assert again.status_code == 304 and len(queries) == 0
    not_modified_ms = (time.perf_counter() - began) / 20 * 1000
    record_property(
        "measured",
        f"figures.csv at {UNITS} units: {len(plain_body) / 1e6:.1f} MB plain in {plain_seconds:.2f} s, "
        f"{len(packed_body) / 1e6:.2f} MB gzip; a repeat with its ETag: 304 in {not_modified_ms:.2f} ms, no query",
    )


def test_the_indicator_map_draws_one_mark_per_province(client, scale, caches_off):  # noqa: F811
    """Issue 22, must-have 6: 200 units in three provinces are three marks, each with its number of units."""
    response, _queries = cold_get(client, "/en/impact/members_total/?tab=map")
    html = response.content.decode()
    assert html.count('<a class="im-map__link"') == len(PROVINCES)
    counts = [int(n) for n in re.findall(r'<text class="im-map__count"[^>]*>(\d+)</text>', html)]
    assert len(counts) == len(PROVINCES) and sum(counts) == UNITS


def test_the_api_streams_every_figure_in_a_fixed_number_of_queries(client, scale, caches_off, record_property):  # noqa: F811
    """Issue 22, must-have 3: ``/api/v1/impact/figures/`` streams the programme's figures, read a batch at a time."""
    client.get("/api/v1/impact/figures/?lang=en&unit=scale-unit-000")
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/impact/figures/?lang=en")
        assert response.streaming, "the API builds its whole list in memory"
        content = b"".join(response.streaming_content)
    seconds = time.perf_counter() - began
    document = json.loads(content)
    assert document["count"] == len(document["figures"]) == ImpactFigure.objects.published().count()
    assert len(queries) <= MAX_QUERIES
    record_property(
        "measured",
        f"/api/v1/impact/figures/ at {UNITS} units: {len(content) / 1e6:.1f} MB in {seconds:.2f} s, "
        f"{len(queries)} queries",
    )


# Issue 22: at programme scale the unit choosers list one region's units (chosen first) and the units chosen, and the
# indicator's table is paged, so that a page showing a fixed amount stays the size it is at demo scale.
CHECKBOX = '<input type="checkbox" name="unit"'


def regions_of_units():
    """``{region: number of Thai units}`` of the generated programme."""
    regions = {}
    for region in (
        CaseStudyPage.objects.live().filter(locale__language_code="th").values_list("province__region", flat=True)
    ):
        regions[region] = regions.get(region, 0) + 1
    return regions


@pytest.mark.parametrize("language", ["th", "en"])
def test_indicator_chooser_lists_a_region_first(client, scale, caches_off, language):  # noqa: F811
    from casestudies.choosers import UNIT_OPTIONS_MAX

    url = f"/{language}/impact/members_total/"
    response, queries = cold_get(client, url)
    html = response.content.decode()
    assert html.count(CHECKBOX) == 0 <= UNIT_OPTIONS_MAX  # nothing chosen, no region: a region to choose
    assert html.count('<select id="im-region" name="region"') == 1
    assert html.count("<option value=") == len(regions_of_units()) + 1
    assert queries <= MAX_QUERIES

    one = client.get(url + "?unit=scale-unit-007").content.decode()
    assert one.count(CHECKBOX) == 1 and 'value="scale-unit-007" checked' in one

    region, count = max(regions_of_units().items(), key=lambda item: item[1])
    listed = client.get(f"{url}?region={region}&unit=scale-unit-007").content.decode()
    assert f'<option value="{region}" selected>' in listed
    in_region = CaseStudyPage.objects.filter(slug="scale-unit-007", province__region=region).exists()
    assert listed.count(CHECKBOX) == count + (0 if in_region else 1)  # the region's units and the chosen one
    assert 'value="scale-unit-007" checked' in listed


@pytest.mark.parametrize("region", ["nowhere", "north%00", "%E0%B8%AD", "south", "x" * 300])
def test_an_unknown_region_is_ignored(client, scale, region):
    """A region that is not one of the units' is ignored: the page answers as without it, never with an error."""
    for url in (
        f"/th/impact/members_total/?region={region}",
        f"/en/impact/members_total/?tab=table&region={region}&page=2",
        f"/th/impact/compare/?unit=scale-unit-000~scale-unit-001&region={region}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'name="region"' in response.content.decode()
        assert response.content.decode().count(CHECKBOX) == (2 if "compare" in url else 0)


def test_the_table_is_paged_by_region_and_links_the_csv(client, scale, caches_off):  # noqa: F811
    url = "/en/impact/members_total/?tab=table"
    pages = (UNITS + TABLE_ROWS - 1) // TABLE_ROWS
    seen = []
    for number in range(1, pages + 1):
        body = client.get(f"{url}&page={number}").content.decode()
        seen += re.findall(r'<tr><th scope="row">([^<]+)', body)
        assert f'<span aria-current="page">{number}</span>' in body
        assert 'href="/en/impact/members_total.csv" download' in body
    assert len(seen) == len(set(seen)) == UNITS  # every unit once, over the pages
    last = client.get(f"{url}&page=999").content.decode()  # out of range: the last page; not a number: the first
    assert f'<span aria-current="page">{pages}</span>' in last
    assert client.get(f"{url}&page=abc").content.decode().count('<span aria-current="page">1</span>') == 1


def test_compare_lists_a_region_and_the_ticked_units(client, scale, caches_off):  # noqa: F811
    region, count = max(regions_of_units().items(), key=lambda item: item[1])
    response, queries = cold_get(client, f"/en/impact/compare/?region={region}")
    html = response.content.decode()
    assert response.status_code == 200 and html.count(CHECKBOX) == count
    assert queries <= MAX_QUERIES
    empty = client.get("/th/impact/compare/").content.decode()
    assert empty.count(CHECKBOX) == 0 and '<select id="cmp-region" name="region"' in empty


# Issue 22: an indicator page at 200 units within 1.5 times its size at demo scale (24 KB then, in Thai), its chart a
# fixed number of elements per line, however many units and periods, in a bounded number of small queries.
INDICATOR_PAGE_MAX_BYTES = 36 * 1024


@pytest.mark.parametrize("language", ["th", "en"])
def test_indicator_page_stays_small_at_scale(client, scale, caches_off, record_property, language):  # noqa: F811
    response, queries = cold_get(client, f"/{language}/impact/members_total/")
    assert response.status_code == 200
    html = response.content.decode()
    chart = re.search(r'<svg[^>]*class="im-lines".*?</svg>', html, re.S).group(0)
    lines = chart.count('class="im-line"')
    assert lines == MAX_CHART_LINES
    assert "<circle" not in chart and "<rect" not in chart  # a line's marks: one path per status, not one per point
    # per line: its path, at most three paths of marks and its legend's; and one path per tick and the axes
    assert chart.count("<path") <= lines * 5 + 12
    assert chart.count("<title") == lines + 1  # each line named, and the chart
    assert len(response.content) <= INDICATOR_PAGE_MAX_BYTES
    assert queries <= MAX_QUERIES
    chosen, chosen_queries = cold_get(client, f"/{language}/impact/members_total/?unit=scale-unit-000~scale-unit-001")
    assert chosen.content.decode().count('class="im-line"') == 2 and chosen_queries <= MAX_QUERIES
    record_property(
        "measured",
        f"/{language}/impact/members_total/ at {UNITS} units: {len(response.content) / 1024:.1f} KB ({len(chart) / 1024:.1f} "
        f"KB of chart), {queries} queries; two units chosen: {len(chosen.content) / 1024:.1f} KB, {chosen_queries} queries",
    )


def test_a_page_with_units_chosen_reads_a_bounded_number_of_units(scale):  # noqa: F811
    """Issue 22: with units chosen among 200, the indicator page reads the latest figures of those, of the region the
    chooser lists and of the first ``UNIT_OPTIONS_MAX`` + 1 (so that it knows there are more), not of every unit;
    and every region with units."""
    from casestudies.choosers import UNIT_OPTIONS_MAX
    from impact.queries import LocaleRef, indicator_latest_chosen, indicators_in

    locale = LocaleRef(ImpactFigure.objects.first().indicator.locale_id, "th")
    indicators = indicators_in(locale)
    info = indicators["members_total"]
    region, count = max(regions_of_units().items(), key=lambda item: item[1])
    latest, regions = indicator_latest_chosen(locale, indicators, info, None, None, ["scale-unit-150"])
    slugs = {item.unit.slug for item in latest}
    assert "scale-unit-150" in slugs and len(slugs) == UNIT_OPTIONS_MAX + 2
    assert regions == set(regions_of_units())
    latest, _regions = indicator_latest_chosen(locale, indicators, info, None, None, ["scale-unit-150"], region)
    in_region = {item.unit.slug for item in latest if item.unit.region == region}
    assert len(in_region) == count and len(latest) <= count + UNIT_OPTIONS_MAX + 2


@pytest.mark.parametrize("query", ["unit=no-such-unit", "unit=scale-unit-007&time=not-a-time"])
def test_units_asked_for_but_not_chosen_show_every_unit(client, scale, caches_off, query):  # noqa: F811
    """Issue 22: a page that asked for units but chose none (unknown, or a bad time) draws every unit's chart, as
    the page without units does, not the chart of the few units read for a chooser."""
    chart = re.compile(r'<svg[^>]*class="im-lines".*?</svg>', re.S)
    every = chart.search(client.get("/th/impact/members_total/").content.decode()).group(0)
    asked = chart.search(client.get(f"/th/impact/members_total/?{query}").content.decode()).group(0)
    assert asked == every


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_comparison_reads_a_bounded_number_of_units(scale, language):  # noqa: F811
    """Issue 22: the comparison reads the units asked for, those of the region its chooser lists and the first
    ``UNIT_OPTIONS_MAX`` + 1 (so that it knows there are more), not every unit, each as the whole catalogue has it
    (its names in the language); and every region with units."""
    from casestudies.choosers import UNIT_OPTIONS_MAX
    from impact.queries import LocaleRef, catalogue, chooser_catalogue

    locale_id = CaseStudyPage.objects.filter(locale__language_code=language).first().locale_id
    locale = LocaleRef(locale_id, language)
    every = catalogue(locale).units
    cat, regions = chooser_catalogue(locale, ["scale-unit-150", "scale-unit-151", "no-such-unit"])
    assert set(cat.units) >= {"scale-unit-150", "scale-unit-151"} and "no-such-unit" not in cat.units
    assert len(cat.units) == UNIT_OPTIONS_MAX + 3
    assert regions == set(regions_of_units())
    assert all(unit == every[slug] for slug, unit in cat.units.items())
    assert list(cat.units) == [slug for slug in every if slug in cat.units]  # in tree order, as the catalogue
    region, count = max(regions_of_units().items(), key=lambda item: item[1])
    cat, _regions = chooser_catalogue(locale, ["scale-unit-150"], region)
    in_region = {slug for slug, unit in cat.units.items() if unit.region == region}
    assert len(in_region) == count and len(cat.units) <= count + UNIT_OPTIONS_MAX + 2


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_chart_of_every_unit_reads_the_units_it_draws(client, scale, caches_off, language):  # noqa: F811
    """Issue 22: an indicator's chart of every unit reads the units with the highest latest values in the periods
    shown (and those its chooser needs), not every unit's, and draws the same ten as from every unit's latest figure,
    with the same count of the units left out."""
    from django.utils.html import escape

    from impact.explorer import State, shown_periods
    from impact.models import ImpactDashboardPage
    from impact.queries import LocaleRef, indicator_latest, indicator_latest_top, indicator_period_sums, indicators_in

    locale = LocaleRef(ImpactFigure.objects.first().indicator.locale_id, "th")
    if language == "en":
        locale = LocaleRef(CaseStudyPage.objects.filter(locale__language_code="en").first().locale_id, "en")
    indicators = indicators_in(locale)
    info = indicators["members_total"]
    all_periods, _sums = indicator_period_sums(info, indicators)
    max_periods = ImpactDashboardPage.objects.filter(locale_id=locale.pk).first().max_periods
    periods = shown_periods(all_periods, State(), max_periods)
    every = indicator_latest(locale, indicators, info)
    in_window = [item for item in every if item.period in set(periods)]
    expected = sorted(in_window, key=lambda item: (-(item.value or 0), item.unit.path))[:MAX_CHART_LINES]
    latest, _regions, shown = indicator_latest_top(locale, indicators, info, periods[0])
    assert shown == len(in_window) and len(latest) < len(every)
    read = {item.unit.slug for item in latest}
    assert {item.unit.slug for item in expected} <= read
    html = client.get(f"/{language}/impact/members_total/").content.decode()
    chart = re.search(r'<svg[^>]*class="im-lines".*?</svg>', html, re.S).group(0)
    drawn = re.findall(r'<g stroke="[^"]+" fill="[^"]+"><title>([^<]+)</title>', chart)
    names = [item.unit.short_name or item.unit.name for item in expected]
    assert drawn[:MAX_CHART_LINES] == [escape(name) for name in names]
    assert str(len(in_window) - MAX_CHART_LINES) in html.split('class="im-chart"')[1].split("</figcaption>")[0]


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_chart_reads_the_units_of_its_rule_as_every_units_latest_says(scale, caches_off, language):  # noqa: F811
    """Issue 22: the rows an indicator's chart of every unit reads (``indicator_latest_top``, one query ranking each
    unit's latest figure) are those the rule names, worked out here from every unit's latest figure
    (``indicator_latest``): the units with the ``MAX_LINES`` highest values (equal ones in tree order), the first
    ``UNIT_OPTIONS_MAX`` + 1 in tree order and each region's first; each read as every unit's latest figure says
    (period, value, status, weight, names), with the regions and the count of units shown. A unit the public may
    not see is in none of it, even with the highest value."""
    from casestudies.choosers import UNIT_OPTIONS_MAX
    from casestudies.models import Province, Region
    from impact.charts import MAX_LINES
    from impact.explorer import State, shown_periods
    from impact.models import ImpactDashboardPage
    from impact.queries import LocaleRef, indicator_latest, indicator_latest_top, indicator_period_sums, indicators_in

    generated = CaseStudyPage.objects.filter(locale__language_code="th", slug__startswith="scale-unit-")
    hidden = generated.order_by("-slug").first()  # the highest values
    CaseStudyPage.objects.filter(pk=hidden.pk).update(live=False)
    # A unit far down the tree alone in a region of its own: read as its region's first, by no other rule.
    alone = generated.order_by("slug")[100]
    used = set(Province.objects.values_list("region", flat=True))
    region = next(value for value in Region.values if value not in used)
    province = Province.objects.create(
        name="ทดสอบ", slug="scale-test-province", region=region, latitude=7, longitude=100, locale_id=alone.locale_id
    )
    CaseStudyPage.objects.filter(pk=alone.pk).update(province=province)
    locale = LocaleRef(ImpactFigure.objects.first().indicator.locale_id, "th")
    if language == "en":
        locale = LocaleRef(CaseStudyPage.objects.filter(locale__language_code="en").first().locale_id, "en")
        # A unit's figure on the indicator's English row, a quarter after every other (figures are of the Thai row,
        # but both are read): that unit's latest, found per row and then of both.
        thai_row = ImpactFigure.objects.filter(page__in=generated, indicator__code="members_total").latest("period_end")
        start = thai_row.period_end + datetime.timedelta(days=1)
        ImpactFigure.objects.create(
            page_id=generated.order_by("slug")[5].pk,
            indicator=Indicator.objects.get(code="members_total", locale_id=locale.pk),
            period_start=start,
            period_end=(start + datetime.timedelta(days=95)).replace(day=1) - datetime.timedelta(days=1),
            value=1,
            status=FigureStatus.ILLUSTRATIVE,
        )
    indicators = indicators_in(locale)
    weighted = next(info for info in indicators.values() if info.weight_code)
    for info in (indicators["members_total"], weighted):
        all_periods, _sums = indicator_period_sums(info, indicators)
        max_periods = ImpactDashboardPage.objects.filter(locale_id=locale.pk).first().max_periods
        since = shown_periods(all_periods, State(), max_periods)[0]
        every = indicator_latest(locale, indicators, info)
        in_window = [item for item in every if item.period >= since]
        # The highest values, equal ones in tree order (``every`` is: a stable sort keeps it); a unit before
        # ``since`` ranks after every one from it on.
        window = {item.unit.slug for item in in_window}
        ranked = sorted(every, key=lambda item: (item.unit.slug not in window, -(item.value or 0)))
        expected = {item.unit.slug for item in ranked[:MAX_LINES]}
        expected |= {item.unit.slug for item in every[: UNIT_OPTIONS_MAX + 1]}
        firsts = {}
        for item in every:
            firsts.setdefault(item.unit.region, item.unit.slug)
        expected |= set(firsts.values())

        latest, regions, shown = indicator_latest_top(locale, indicators, info, since)

        assert hidden.slug not in {item.unit.slug for item in every}
        assert [item.unit.slug for item in latest] == [item.unit.slug for item in every if item.unit.slug in expected]
        by_slug = {item.unit.slug: item for item in every}
        assert all(item == by_slug[item.unit.slug] for item in latest)
        assert regions == set(firsts) and shown == len(in_window)
        assert alone.slug in {item.unit.slug for item in latest} and region in regions
        if language == "en" and info.code == "members_total":  # the figure on the English row is its unit's latest
            assert by_slug[generated.order_by("slug")[5].slug].period[0] == start
        assert len(latest) < len(every)
    assert any(item.weight is not None for item in latest)  # the weighted indicator's weights are read too
