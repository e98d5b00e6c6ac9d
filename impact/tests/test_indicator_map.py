"""Issue 22, must-have 6: the indicator page's map draws one mark per province (``impact.explorer.unit_map`` on
``home.thai_map.group_marks``) with the number of its units, their total or average, and its pilots, however many
units there are; no two marks overlap. Plain function tests, then the page."""

import math
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest

from django.core.cache import cache
from django.utils import translation

from casestudies.models import CaseStudyPage, Province
from home.demo_data import pilots
from impact.explorer import MAP_MAX_RADIUS, UnitRow, unit_map
from impact.queries import IndicatorInfo, UnitInfo

# Bangkok and its neighbours are a few kilometres apart; Lampang is far from them.
PROVINCES = {
    "Bangkok": (13.75, 100.5),
    "Nonthaburi": (13.86, 100.51),
    "Pathum Thani": (14.02, 100.53),
    "Samut Prakan": (13.6, 100.6),
    "Lampang": (18.29, 99.49),
}


def info(unit="people", weight=""):
    return IndicatorInfo("x", "X", "", "", unit, unit, "higher", weight, False, 0)


def row(number, province, value, pilot=False, weight=None, status="reported"):
    latitude, longitude = PROVINCES.get(province) or (6 + int(province.split()[-1]), 101)
    unit = UnitInfo(
        f"unit-{number}", f"Unit {number}", province, None, "", "central", latitude, longitude, is_pilot=pilot
    )
    return UnitRow(unit, [], Decimal(value), str(value), status, latest_weight=weight)


def view(rows, indicator=None):
    return SimpleNamespace(rows=rows, info=indicator or info())


def overlapping(marks):
    return [
        (first.province, second.province)
        for i, first in enumerate(marks)
        for second in marks[i + 1 :]
        if math.dist((first.x, first.y), (second.x, second.y)) < first.radius + second.radius
    ]


def test_units_in_one_province_share_one_mark_with_their_number_and_total():
    with translation.override("en"):
        drawn = unit_map(view([row(1, "Lampang", 10), row(2, "Lampang", 20, pilot=True), row(3, "Lampang", 5)]), "en")
    (mark,) = drawn["marks"]
    assert mark.count == 3 and mark.value == 35 and mark.pilots == 1
    assert [r.unit.slug for r in mark.rows] == ["unit-1", "unit-2", "unit-3"]
    assert mark.text == "Lampang: 3 units, total 35 people (including 1 pilot unit)"


def test_units_in_different_provinces_have_separate_marks():
    with translation.override("en"):
        drawn = unit_map(view([row(1, "Lampang", 10), row(2, "Bangkok", 20), row(3, "Lampang", 5)]), "en")
    marks = {mark.province: mark for mark in drawn["marks"]}
    assert set(marks) == {"Lampang", "Bangkok"}
    assert (marks["Lampang"].count, marks["Bangkok"].count) == (2, 1)
    assert marks["Bangkok"].text == "Unit 2 (Bangkok): 20 people"
    assert len({mark.anchor for mark in drawn["marks"]}) == 2


def test_shares_are_averaged_weighted_as_the_table_total():
    rows = [row(1, "Lampang", 50, weight=30), row(2, "Lampang", 80, weight=10)]
    with translation.override("en"):
        (weighted,) = unit_map(view(rows, info("percent", "members_total")), "en")["marks"]
        (plain,) = unit_map(view(rows, info("percent")), "en")["marks"]
    assert weighted.value == Decimal("57.5") and "average" in weighted.text
    assert plain.value == 65


def test_at_200_units_one_mark_per_province_and_none_overlaps():
    """Two hundred units, forty in each of five provinces, four of them within 30 km: five marks, their circles (and
    the numbers written in them) apart, each no larger than the map's largest radius."""
    provinces = list(PROVINCES)
    rows = [row(n, provinces[n % 5], 10 + n, pilot=n < 3) for n in range(200)]
    with translation.override("en"):
        marks = unit_map(view(rows), "en")["marks"]
    assert len(marks) == 5
    assert sorted(mark.count for mark in marks) == [40] * 5
    assert not overlapping(marks)
    assert max(mark.radius for mark in marks) <= MAP_MAX_RADIUS
    assert sum(mark.pilots for mark in marks) == 3


def test_the_list_under_a_map_of_many_provinces_is_folded():
    few = [row(n, list(PROVINCES)[n % 5], 10) for n in range(10)]
    many = [row(n, f"Province {n % 13}", 10) for n in range(26)]
    with translation.override("en"):
        assert not unit_map(view(few), "en")["folded"]
        drawn = unit_map(view(many), "en")
    assert len(drawn["marks"]) == 13 and drawn["folded"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_page_draws_one_linked_mark_per_province_with_its_count(client, lang):
    """The demo's three pilots are in three provinces: three marks. Moved into one province, they share one mark
    with "3" written in it, linked to the province's entry in the list, which names each pilot as one."""
    url = f"/{lang}/impact/members_total/?tab=map"
    body = client.get(url).content.decode()
    assert body.count('<a class="im-map__link"') == 3 and 'class="im-map__count"' not in body
    province = Province.objects.get(slug="lampang", locale__language_code="th")
    CaseStudyPage.objects.filter(slug__in=[p["slug"] for p in pilots()]).update(province=province)
    cache.clear()  # an update saves no page: nothing is purged
    body = client.get(url).content.decode()
    assert body.count('<a class="im-map__link"') == 1
    (count,) = re.findall(r'<text class="im-map__count"[^>]*>(\d+)</text>', body)
    assert count == "3"
    (anchor,) = re.findall(r'<a class="im-map__link" href="#([\w-]+)" aria-label="([^"]+)"', body)
    assert f'<li id="{anchor[0]}">' in body
    assert ("3 units" in anchor[1] and "including 3 pilot units" in anchor[1]) or "3 หน่วย" in anchor[1]
    assert body.count('class="im-pilot"') == 3
