"""Compare units: ``/th/impact/compare/?unit=a~b`` shows 2 to 5 units side by side on every indicator; any other
selection shows the form with a message, never an error page."""

import datetime
import re
from decimal import Decimal

import pytest

from django.urls import resolve

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.demo_data import pilot_slugs
from impact.compare import SelectionError, format_change, selected_units, spark_points, year_before
from impact.models import FigureStatus, ImpactFigure, Indicator

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = {"th": "ตัวเลขตัวอย่าง", "en": "Illustrative"}
HEADING = {"th": "เปรียบเทียบหน่วย", "en": "Compare units"}
COMPARE_QUERIES = 12


def slugs_of_pilots():
    return sorted(pilot_slugs().values())


def body(response):
    return response.content.decode()


def sections(html):
    return re.findall(r'<section class="cmp-indicator" aria-labelledby="cmp-h-(\w+)">', html)


def rows_of(html, code):
    """The row headers (unit names) of one indicator's table."""
    part = html.split(f'id="cmp-h-{code}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<th scope="row">([^<]+)</th>', part)


@pytest.mark.parametrize(("language", "year"), [("th", "2567"), ("en", "2024")])
def test_two_units_side_by_side_on_every_indicator(client, django_assert_max_num_queries, language, year):
    first, second = slugs_of_pilots()[:2]
    url = f"/{language}/impact/compare/?unit={first}~{second}"
    client.get(url)  # warm the process, as a running server is
    with django_assert_max_num_queries(COMPARE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    html = body(response)
    assert f'<html lang="{language}">' in html and HEADING[language] in html
    codes = sections(html)
    assert len(codes) == Indicator.objects.filter(locale__language_code=language).count() == 14
    units = {p.slug: p for p in CaseStudyPage.objects.filter(locale__language_code="th", slug__in=[first, second])}
    for code in codes:
        names = rows_of(html, code)
        assert len(names) == 2, (code, names)
    assert f"Oct–Dec {year}" in html or f"ต.ค.–ธ.ค. {year}" in html
    assert ILLUSTRATIVE[language] in html and 'class="im-notice"' in html
    assert html.count('<svg class="cmp-spark') >= len(codes)  # one indicator has a single period: no line
    # The boxes of the chosen units are ticked, the others not.
    for slug in units:
        assert re.search(rf'value="{slug}" checked', html)
    assert f'value="{slugs_of_pilots()[2]}">' in html


def test_checkboxes_and_the_short_link_give_the_same_comparison(client):
    first, second, third = slugs_of_pilots()[:3]
    linked = body(client.get(f"/en/impact/compare/?unit={first}~{second}~{third}"))
    ticked = body(client.get(f"/en/impact/compare/?unit={first}&unit={second}&unit={third}"))
    assert sections(linked) == sections(ticked)
    assert rows_of(linked, "members_total") == rows_of(ticked, "members_total")
    assert len(rows_of(linked, "members_total")) == 3
    assert f"?unit={first}~{second}~{third}" in ticked  # the link to share
    # Each indicator links to its own page with the same units.
    assert f'href="/en/impact/members_total/?unit={first}~{second}~{third}"' in ticked


def test_change_is_counted_from_the_same_period_a_year_before(client):
    first, second = slugs_of_pilots()[:2]
    unit = CaseStudyPage.objects.get(slug=first, locale__language_code="th")
    indicator = Indicator.objects.get(code="members_total", locale__language_code="th")
    latest = ImpactFigure.objects.filter(page=unit, indicator=indicator).order_by("-period_end").first()
    ImpactFigure.objects.create(
        page=unit,
        indicator=indicator,
        period_start=year_before(latest.period_start),
        period_end=year_before(latest.period_end),
        value=latest.value - 20,
        status=FigureStatus.ILLUSTRATIVE,
    )
    ImpactFigure.objects.filter(pk=latest.pk).update(status=FigureStatus.VERIFIED)
    html = body(client.get(f"/en/impact/compare/?unit={first}~{second}"))
    part = html.split('id="cmp-h-members_total"', 1)[1].split("</section>", 1)[0]
    assert "+20 people" in part
    assert part.count("im-badge--verified") == 1  # the latest figure's own status mark
    assert f"since Oct–Dec {latest.period_end.year - 1}" in part
    assert "since Jan–Mar" in part  # the other unit has no year-old figure: counted from its first period


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("unit={0}", "Choose at least 2 units to compare."),
        ("unit={0}~nowhere", "Some of the chosen units were not recognised."),
        ("unit=<script>", "Some of the chosen units were not recognised."),
        ("unit={0}~{1}~{2}~x4~x5~x6", "Choose at most 5 units to compare."),
    ],
)
def test_a_selection_that_cannot_be_shown_gives_the_form_and_a_message(client, query, message):
    index = thai_index()
    for slug in ("x4", "x5", "x6"):
        case_study(index, slug)
    slugs = slugs_of_pilots()[:3]
    response = client.get("/en/impact/compare/?" + query.format(*slugs))
    assert response.status_code == 400
    html = body(response)
    assert message in html and 'role="alert"' in html
    assert '<input type="checkbox" name="unit"' in html
    assert not sections(html)
    if "nowhere" in query:
        assert f'value="{slugs[0]}" checked' in html  # the known unit stays ticked


def test_no_selection_is_the_empty_form(client):
    response = client.get("/th/impact/compare/")
    assert response.status_code == 200
    html = body(response)
    assert 'role="alert"' not in html and not sections(html)
    assert html.count('<input type="checkbox" name="unit"') == len(slugs_of_pilots())


def test_compare_lives_beside_the_dashboard_only(client):
    assert client.get("/th/about/compare/").status_code == 404
    assert client.get(f"/th/impact/compare/?unit={slugs_of_pilots()[0]}").status_code == 400


def test_compare_declares_the_parameter_it_reads_and_is_linked_from_the_dashboard(client):
    assert resolve("/th/impact/compare/").func.query_parameters == ("unit", "region")
    html = body(client.get("/en/impact/"))
    assert 'href="/en/impact/compare/"' in html


def test_selected_units():
    known = {"a", "b", "c", "d", "e", "f"}
    assert selected_units(["a~b"], known) == ("a", "b")
    assert selected_units(["a", "b~a", " c "], known) == ("a", "b", "c")
    assert selected_units([], known) == ()
    assert selected_units(["~"], known) == ()
    for values, code in [(["a"], "too_few"), (["a~b~c~d~e~f"], "too_many"), (["a~zz"], "unknown")]:
        with pytest.raises(SelectionError) as raised:
            selected_units(values, known)
        assert raised.value.code == code


def test_change_and_spark_helpers():
    assert year_before(datetime.date(2024, 2, 29)) == datetime.date(2023, 2, 28)
    assert format_change(Decimal("12"), "people", "en") == "+12 people"
    assert format_change(Decimal("-1500"), "thb", "en") == "−THB 1,500"
    assert format_change(Decimal("3.5"), "percent", "en") == "+3.5 percentage points"
    assert format_change(Decimal("0"), "ratio", "en") == "±0.0"
    assert format_change(None, "people", "en") == "–"
    assert spark_points([Decimal(1)]) == ""
    points = [tuple(map(float, p.split(","))) for p in spark_points([Decimal(1), Decimal(3), Decimal(2)]).split()]
    assert [x for x, _y in points] == sorted(x for x, _y in points)
    assert points[1][1] < points[2][1] < points[0][1]  # higher values are higher up (smaller y)
