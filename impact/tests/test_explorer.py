"""The impact explorer: the overview of cards, each indicator's tabs (chart, table, map, sources) in both languages,
the state in the address, bad values, and the per-indicator CSV, metadata and SVG."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest

from home.demo_data import pilots
from impact.explorer import read_time
from impact.filters import FilterError
from impact.models import ImpactFigure
from impact.queries import EXPORT_COLUMNS

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def text(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("lang", "theme", "year"), [("th", "สมาชิกและการมีส่วนร่วม", "2567"), ("en", "Members and inclusion", "2024")]
)
def test_overview_has_a_card_per_indicator_grouped_by_theme(client, lang, theme, year):
    response = client.get(f"/{lang}/impact/")
    assert response.status_code == 200
    body = text(response)
    assert body.count('class="im-card"') == 14
    assert body.count('<section class="im-theme"') == 4
    assert theme in body
    assert f'href="/{lang}/impact/members_total/"' in body
    assert body.count('class="im-spark') == 13  # the annual SROI ratio has one period: no sparkline
    assert f"Oct–Dec {year}" in body or f"ต.ค.–ธ.ค. {year}" in body
    assert "▲" in body  # change since the first quarter of the year


def test_overview_filters_units_and_old_addresses_move(client):
    slug = pilots()[0]["slug"]
    assert client.get(f"/th/impact/?unit={slug}").status_code == 200
    assert client.get("/th/impact/?unit=nowhere").status_code == 400
    assert client.get("/th/impact/?time=2024Q9").status_code == 400
    moved = client.get(f"/th/impact/?indicator=share_youth&unit={slug}&from=2024-Q2&to=2024-Q3")
    assert moved.status_code == 301
    assert moved["Location"] == f"/th/impact/share_youth/?unit={slug}&time=2024Q2..2024Q3"
    assert client.get(moved["Location"]).status_code == 200
    assert client.get("/th/impact/?indicator=nope").status_code == 400


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("tab", ["chart", "table", "map", "sources"])
def test_each_tab_in_both_languages(client, lang, tab):
    response = client.get(f"/{lang}/impact/share_youth/?tab={tab}")
    assert response.status_code == 200
    body = text(response)
    assert 'aria-current="page"' in body
    for other in ("chart", "table", "map", "sources"):
        expected = f"/{lang}/impact/share_youth/" + ("" if other == "chart" else f"?tab={other}")
        assert f'href="{expected}"' in body
    assert f"/{lang}/impact/share_youth.csv" in body
    assert f"/{lang}/impact/share_youth.metadata.json" in body
    assert f"/{lang}/impact/share_youth.svg" in body
    year = "2567" if lang == "th" else "2024"
    if tab == "chart":
        assert body.count('class="im-line"') >= 3
        assert "<title" in body and "<desc" in body
        assert year in body
    if tab == "table":
        assert body.count('scope="row"') == 3 + 1  # three units and the average
        assert year in body
    if tab == "map":
        assert body.count('class="im-map__mark') >= 3
    if tab == "sources":
        assert "<dl" in body and ("Definition" in body or "นิยาม" in body)


def test_chart_has_at_most_ten_lines_and_marks_each_status(client):
    ImpactFigure.objects.filter(indicator__code="members_total", page__slug=pilots()[0]["slug"]).update(
        status="verified"
    )
    body = text(client.get("/en/impact/members_total/"))
    assert "im-pt--verified" in body and "h8v8h-8z" in body  # verified: a square
    assert "im-pt--illustrative" in body  # illustrative: hollow
    table = text(client.get("/en/impact/members_total/?tab=table"))
    assert "im-badge--verified" in table and '<span class="im-badge">Illustrative</span>' in table


def test_state_in_the_address_filters_units_and_time(client):
    first, second = pilots()[0]["slug"], pilots()[1]["slug"]
    body = text(client.get(f"/en/impact/share_youth/?tab=table&unit={first}~{second}&time=2024Q2..2024Q3"))
    assert body.count('scope="row"') == 2 + 1
    assert "Apr–Jun 2024" in body and "Jan–Mar 2024" not in body
    assert f"share_youth.csv?unit={first}~{second}&amp;time=2024Q2..2024Q3" in body
    # the form's repeated unit=a&unit=b is read the same way
    again = text(client.get(f"/en/impact/share_youth/?tab=table&unit={first}&unit={second}&time=2024Q2..2024Q3"))
    assert again.count('scope="row"') == 2 + 1


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("tab=nope", 200),
        ("unit=<script>", 400),
        ("unit=not-a-unit", 200),
        ("time=2024Q1..2023Q4", 400),
        ("time=yesterday", 400),
        ("time=%00", 400),
        ("unit=" + "~".join(f"u{n}" for n in range(80)), 400),
    ],
)
def test_bad_values_are_400_or_the_default(client, query, status):
    response = client.get(f"/th/impact/share_youth/?{query}")
    assert response.status_code == status
    assert "<script>" not in text(response)


def test_unknown_indicator_is_404(client):
    assert client.get("/th/impact/no_such_thing/").status_code == 404
    assert client.get("/th/impact/no_such_thing.csv").status_code == 404


def test_svg_download_is_a_valid_accessible_svg(client):
    response = client.get("/th/impact/share_youth.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text.startswith("สัดส่วนสมาชิกเยาวชน")
    assert "2567" in root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.endswith("%")]
    assert ticks and all(int(t.rstrip("%")) % 5 == 0 for t in ticks)  # nice ticks


def test_csv_and_metadata_follow_the_same_filters(client):
    first = pilots()[0]["slug"]
    rows = list(csv.DictReader(io.StringIO(client.get("/en/impact/members_total.csv").content.decode()[1:])))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert {r["indicator_code"] for r in rows} == {"members_total"} and len(rows) == 12
    filtered = list(
        csv.DictReader(
            io.StringIO(client.get(f"/en/impact/members_total.csv?unit={first}&time=2024Q3..").content.decode()[1:])
        )
    )
    assert {(r["unit_slug"], r["period_start"]) for r in filtered} == {(first, "2024-07-01"), (first, "2024-10-01")}
    assert {r["status"] for r in filtered} == {"illustrative"}
    meta = json.loads(client.get(f"/th/impact/members_total.metadata.json?unit={first}").content)
    assert meta["indicator"]["code"] == "members_total" and meta["indicator"]["combined_as"] == "sum"
    assert meta["filters"]["unit"] == [first]
    assert [u["slug"] for u in meta["units"]] == [first]
    assert meta["statuses"]["illustrative"] == 4
    assert meta["data"]["csv"].endswith(f"/th/impact/members_total.csv?unit={first}")
    assert client.get("/th/impact/members_total.csv?time=bad").status_code == 400


def test_read_time():
    assert read_time("2024Q1..2025Q4")[2] == "2024Q1..2025Q4"
    assert read_time("2024-Q2")[2] == "2024Q2..2024Q2"
    assert read_time("..2024Q2")[0] is None
    for bad in ("..", "2024Q5", "2025Q1..2024Q1", "x"):
        with pytest.raises(FilterError):
            read_time(bad)


@pytest.mark.parametrize("code", ["members_total", "share_youth"])
@pytest.mark.parametrize(
    "state",
    [
        {},
        {"units": ("ban-pho-thong", "chae-son-friends-with-disabilities")},
        {"time": "2024Q2..2024Q3"},
        {"units": ("ban-pho-thong",), "time": "2024Q4", "tab": "table"},
    ],
)
def test_the_page_reads_only_what_it_shows_and_shows_what_every_figure_gives(code, state):
    """Issue 22: the indicator page's view from each unit's latest figure, the sums per period and the figures of the
    units it draws or lists (``indicator_page_view``) is the view of every figure (``indicator_view``, the
    downloads'): the same units, latest values, totals, statuses and chart; a table page's cells read on demand."""
    from casestudies.models import Region
    from impact.explorer import State, fill_cells, indicator_page_view, indicator_view, shown_periods
    from impact.queries import (
        LocaleRef,
        indicator_figures,
        indicator_latest,
        indicator_period_sums,
        indicators_in,
        unit_figures,
    )

    locale = LocaleRef(ImpactFigure.objects.first().indicator.locale_id, "th")
    indicators = indicators_in(locale)
    info = indicators[code]
    start, end, time_text = read_time(state.get("time"))
    units_state = State(state.get("tab", "chart"), state.get("units", ()), start, end, time_text)
    regions = dict(Region.choices)
    units, rows = indicator_figures(locale, indicators, {code, info.weight_code} - {""})
    full = indicator_view(units, info, rows, units_state, "th", 8, regions)

    latest = indicator_latest(locale, indicators, info)
    by_slug = {item.unit.slug: item.unit for item in latest}
    chosen = [by_slug[s].page_id for s in units_state.units] if units_state.units else None
    periods, sums = indicator_period_sums(info, indicators, chosen)
    if time_text:
        shown = shown_periods(periods, units_state, 8)
        latest = indicator_latest(locale, indicators, info, shown[0][0], shown[-1][1])
    read = []

    def figures_of(page_ids):
        read.append(len(page_ids))
        return unit_figures(info, page_ids)

    view = indicator_page_view(info, periods, sums, latest, figures_of, units_state, "th", 8, regions)
    assert view.periods == full.periods and view.total_cells == full.total_cells
    assert [(r.unit.slug, r.latest, r.latest_status, r.latest_weight) for r in view.rows] == [
        (r.unit.slug, r.latest, r.latest_status, r.latest_weight) for r in full.rows
    ]
    assert view.statuses == full.statuses and view.more_units == full.more_units
    if units_state.tab == "chart":
        assert [(line.label, line.path) for line in view.chart.lines] == [
            (line.label, line.path) for line in full.chart.lines
        ]
        assert read == [len(view.chart_units)]
    else:
        assert view.chart is None and read == []  # no chart on the table tab: no unit's figures read for it
    fill_cells(view, view.rows)
    assert [r.cells for r in view.rows] == [r.cells for r in full.rows]


@pytest.mark.parametrize("time", [None, ("2024-04-01", "2024-09-30")])
def test_with_few_units_the_chosen_read_holds_every_unit_and_its_regions(time):
    """Issue 22: a page with units chosen reads only those, those of a region and the first ``UNIT_OPTIONS_MAX`` + 1:
    with few units, every unit, as ``indicator_latest`` reads them, and the regions they are in."""
    from impact.queries import LocaleRef, indicator_latest, indicator_latest_chosen, indicators_in

    start, end = (datetime.date.fromisoformat(day) for day in time) if time else (None, None)
    locale = LocaleRef(ImpactFigure.objects.first().indicator.locale_id, "th")
    indicators = indicators_in(locale)
    info = indicators["members_total"]
    every = indicator_latest(locale, indicators, info, start, end)
    assert 1 < len(every) <= 12
    for asked in (["ban-pho-thong"], ["no-such-unit"], ["ban-pho-thong", "chae-son-friends-with-disabilities"]):
        latest, regions = indicator_latest_chosen(locale, indicators, info, start, end, asked)
        assert latest == every, asked
        assert regions == {item.unit.region for item in every}


def test_an_english_alias_of_a_unit_is_named_as_its_thai_source():
    """The English catalogue names a unit as its English translation does, and as its Thai source where the English
    page is an alias (wagtail-localize's untranslated copy), whatever the alias holds."""
    from casestudies.models import CaseStudyPage
    from impact.queries import LocaleRef, catalogue

    thai = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    english = CaseStudyPage.objects.get(translation_key=thai.translation_key, locale__language_code="en")
    assert english.alias_of_id is None and english.title != thai.title
    locale = LocaleRef(english.locale_id, "en")
    unit = catalogue(locale).units["ban-pho-thong"]
    assert (unit.name, unit.short_name) == (english.unit_name or english.title, english.title)
    CaseStudyPage.objects.filter(pk=english.pk).update(alias_of=thai, title="Stale", unit_name="Stale")
    unit = catalogue(locale).units["ban-pho-thong"]
    assert (unit.name, unit.short_name) == (thai.unit_name or thai.title, thai.title)
