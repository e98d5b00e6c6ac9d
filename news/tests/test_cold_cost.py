"""Issue 18: with every cache off, the news pages' queries stay the same however many items, units, partners and
tags there are; and ``news.related`` answers as ``home.localisation`` does, in one query per kind."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

from casestudies.models import CaseStudyPage
from home.localisation import in_locale, public_in_locale
from home.models import Partner
from news import factories
from news.factories import news_item
from news.models import NewsIndexPage, NewsPage, NewsTag
from news.related import linked_ids, pages_in_locale, snippets_in_locale

pytestmark = pytest.mark.django_db

ARTICLE = "eef-scg-occupation-fund-2023"


@pytest.fixture
def article():
    return NewsPage.objects.get(locale__language_code="th", slug=ARTICLE)


def cold_queries(client, path):
    client.get(path)  # the first request of a process may fill per-process tables; count the next one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def illustrated_item(index, slug, day, article, units=(), partners=(), tags=()):
    """A news item with the demo article's hero image, linked to ``units``, ``partners`` and ``tags``."""
    item = news_item(index, slug, day, hero_image=article.hero_image, hero_alt="Illustration (test)")
    item.related_case_studies.set(units)
    item.partners.set(partners)
    item.tags.set(tags)
    item.save_revision().publish()
    return item


@pytest.mark.parametrize("path", ["/th/news/", "/th/news/?year=2567", "/th/news/?unit=ban-pho-thong"])
def test_index_queries_do_not_grow_with_the_number_of_cards(client, caches_off, django_assert_max_num_queries, path):
    index, article = factories.thai_index(), NewsPage.objects.get(locale__language_code="th", slug=ARTICLE)
    units = list(CaseStudyPage.objects.filter(locale=index.locale).order_by("path"))
    illustrated_item(index, "card-1", datetime.date(2024, 1, 1), article, units=units)
    few = cold_queries(client, path)
    for day in range(2, 14):  # more than a page of cards (10), each with its image's renditions and its units
        illustrated_item(index, f"card-{day}", datetime.date(2024, 1, day), article, units=units)
    with django_assert_max_num_queries(few):
        body = client.get(path).content.decode()
    assert body.count('class="news-card"') == 10
    assert body.count('class="news-card__image"') == 10


def test_item_queries_do_not_grow_with_its_units_partners_and_tags(client, caches_off, article):
    index = factories.thai_index()
    units = list(CaseStudyPage.objects.filter(locale=index.locale).order_by("path"))
    partners = list(Partner.objects.filter(locale=index.locale))
    tags = list(NewsTag.objects.filter(locale=index.locale))
    assert len(units) >= 3 and len(partners) >= 3 and len(tags) >= 3
    item = illustrated_item(index, "linked", datetime.date(2024, 3, 1), article, units[:1], partners[:1], tags[:1])
    few = cold_queries(client, item.url)
    item.related_case_studies.set(units)
    item.partners.set(partners)
    item.tags.set(tags)
    item.save_revision().publish()
    assert cold_queries(client, item.url) == few
    # The item's own work: its units, partners and tags (one query each) and its hero image with its renditions.
    assert cold_queries(client, item.url) - cold_queries(client, "/th/about/") <= 4 + 3  # + the deeper routing


@pytest.mark.parametrize("language", ["th", "en"])
def test_related_objects_match_home_localisation(article, language):
    locale = Locale.objects.get(language_code=language)
    assert snippets_in_locale(Partner, linked_ids(article, "partners"), locale) == in_locale(
        article.partners.all(), locale
    )
    assert snippets_in_locale(NewsTag, linked_ids(article, "tags"), locale) == in_locale(article.tags.all(), locale)
    expected = public_in_locale(article.related_case_studies.all(), locale)
    found = pages_in_locale(linked_ids(article, "related_case_studies"), locale)
    assert [page.pk for page in found] == [page.pk for page in expected]
    assert {page.locale_id for page in found} == {locale.pk}
    assert [page.title for page in found] == [page.title for page in expected]


def test_a_restricted_unit_is_left_out_in_both_languages(article):
    unit = article.related_case_studies.order_by("path").first()
    PageViewRestriction.objects.create(page=unit, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for language in ("th", "en"):
        locale = Locale.objects.get(language_code=language)
        found = pages_in_locale(linked_ids(article, "related_case_studies"), locale)
        assert unit.translation_key not in {page.translation_key for page in found}
        assert len(found) == len(public_in_locale(article.related_case_studies.all(), locale)) == 2


def test_links_held_in_memory_are_answered_too(article):
    """A preview shows the revision's links, not the saved ones."""
    english = Locale.objects.get(language_code="en")
    one = article.partners.order_by("pk").first()
    article.partners = [one]  # in memory only, as in a preview
    assert linked_ids(article, "partners") == [one.pk]
    [found] = snippets_in_locale(Partner, linked_ids(article, "partners"), english)
    assert found.translation_key == one.translation_key and found.locale_id == english.pk


def test_no_links_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert pages_in_locale([], 1) == [] and snippets_in_locale(Partner, [], 1) == []


@pytest.mark.heavy
def test_index_queries_are_the_same_for_5_and_30_cards_on_a_page(client, caches_off, monkeypatch):
    """Issue 22, must-have 6: a page of 30 cards, each with its own image, costs what a page of 5 does: the images
    and their card renditions are fetched for the whole page at once."""
    from wagtail.images import get_image_model

    monkeypatch.setattr(NewsIndexPage, "per_page", 30)
    index, article = factories.thai_index(), NewsPage.objects.get(locale__language_code="th", slug=ARTICLE)
    source = article.hero_image
    counts = {}
    for total in (5, 30):
        for number in range(len(NewsPage.objects.filter(slug__startswith="many-")), total):
            image = get_image_model().objects.create(
                title=f"Card {number}", file=source.file.name, width=source.width, height=source.height
            )
            item = news_item(index, f"many-{number}", datetime.date(2025, 1, 1), hero_image=image, hero_alt="Card")
            item.save_revision().publish()
        counts[total] = cold_queries(client, "/th/news/")
        body = client.get("/th/news/").content.decode()
        assert body.count('class="news-card__image"') == min(30, total + 1)  # and the demo's article
    assert counts[5] == counts[30]
