"""Issue 22: the news list's unit filter stays bounded at programme scale. With more linked units than
``news.context.UNIT_OPTIONS_MAX`` the reader chooses a region first, and the filter then lists that region's units;
links by unit (``?unit=<slug>``) keep working and bring their region with them."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies import factories as unit_factories
from casestudies.models import CaseStudyPage
from news import context, factories
from news.factories import news_item

pytestmark = pytest.mark.django_db

ARTICLE = "eef-scg-occupation-fund-2023"


@pytest.fixture
def many_units(monkeypatch):
    """The demo's three linked units count as many."""
    monkeypatch.setattr(context, "UNIT_OPTIONS_MAX", 2)


def part(body, start, end="</select>"):
    return body.split(start)[1].split(end)[0] if start in body else ""


def filter_form(body):
    return part(body, '<form class="news-filters"', "</form>")


@pytest.mark.parametrize(("language", "label"), [("th", "ภาคตะวันออกเฉียงเหนือ"), ("en", "Northeast")])
def test_with_many_units_the_reader_chooses_a_region_first(client, many_units, language, label):
    body = client.get(f"/{language}/news/").content.decode()
    regions = part(body, 'id="news-filter-region"')
    assert [value.split('"')[0] for value in regions.split('<option value="')[2:]] == ["north", "northeast", "west"]
    assert f">{label}</option>" in regions
    assert 'id="news-filter-unit"' not in body
    assert 'aria-describedby="news-filter-region-hint"' in body and 'id="news-filter-region-hint"' in body

    body = client.get(f"/{language}/news/?region=northeast").content.decode()
    units = part(body, 'id="news-filter-unit"')
    assert [value.split('"')[0] for value in units.split('<option value="')[2:]] == ["ban-pho-thong"]
    assert '<option value="northeast" selected>' in body
    assert ARTICLE in body


def test_a_unit_chosen_by_its_address_brings_its_region(client, many_units):
    index = factories.thai_index()
    news_item(index, "other", datetime.date(2024, 5, 1))
    for language in ("th", "en"):
        body = client.get(f"/{language}/news/?unit=ban-pho-thong").content.decode()
        assert ARTICLE in body and "/news/other/" not in body
        assert '<option value="northeast" selected>' in body
        assert '<option value="ban-pho-thong" selected>' in body
        assert 'class="news-notice"' not in body
    # A unit of another region, left chosen when the reader changed region, is dropped without a notice.
    body = client.get("/th/news/?region=north&unit=ban-pho-thong").content.decode()
    assert '<option value="north" selected>' in body and 'class="news-notice"' not in body
    assert 'value="ban-pho-thong"' not in body
    # Unknown values are ignored with a notice, as before.
    for query in ("unit=nope", "region=nowhere", "region=north&unit=nope"):
        body = client.get(f"/th/news/?{query}").content.decode()
        assert 'class="news-notice"' in body and ARTICLE in body


def test_filter_markup_and_queries_do_not_grow_with_the_units_linked(client, caches_off, django_assert_max_num_queries):
    """The unfiltered list's form is the same however many units the news links, and so is its query count."""
    index = factories.thai_index()
    demo_units = list(CaseStudyPage.objects.filter(locale=index.locale))
    item = news_item(index, "linked", datetime.date(2024, 5, 1))
    item.related_case_studies.set(demo_units)
    item.save_revision().publish()
    client.get("/th/news/")
    few_form = filter_form(client.get("/th/news/").content.decode())
    with CaptureQueriesContext(connection) as few:
        client.get("/th/news/")

    # Beyond UNIT_OPTIONS_MAX (all in the West, a region already listed).
    slugs = [f"scale-{number:03}" for number in range(context.UNIT_OPTIONS_MAX + 30)]
    units = unit_factories.case_studies_in_bulk(unit_factories.thai_index(), slugs, provinces=("kanchanaburi",))
    item.related_case_studies.set(demo_units + units)
    item.save_revision().publish()
    with django_assert_max_num_queries(len(few)):
        body = client.get("/th/news/").content.decode()
    assert 'id="news-filter-unit"' not in body
    assert len(filter_form(body)) <= len(few_form) + 200  # the unit list (≈ 600 bytes) gives way to the regions
    assert len(filter_form(body).split("<option")) <= 1 + 7 + 1 + 6 + 1  # years, "all", regions: fixed

    # The region's list names its units (not the others), and a unit chosen by its address is found among them.
    west = client.get("/th/news/?region=west").content.decode()
    assert 'value="scale-000"' in west and 'value="ban-pho-thong"' not in west
    body = client.get("/th/news/?unit=scale-007").content.decode()
    assert '<option value="scale-007" selected>' in body and '<option value="west" selected>' in body
