"""Issue 10: query bounds per page type, no N+1 as content grows, fragment and anonymous page caches."""

import logging

import pytest

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from home.page_cache import GENERATION_KEY, bump_generation, generation, key

pytestmark = pytest.mark.django_db

THAI_QUERY = "/search/?q=%E0%B8%AD%E0%B8%B2%E0%B8%8A%E0%B8%B5%E0%B8%9E"


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


# The bound of every public page type with every cache off: tests/test_cold_queries.py.


@override_settings(FRAGMENT_CACHE_SECONDS=0)
def test_rendering_without_fragments_does_not_grow_with_30_case_studies_and_12_steps(client):
    """With the fragment cache off, every query count stays the same as content grows (no N+1)."""
    from casestudies.factories import case_study, thai_index
    from casestudies.models import CaseStudyPage
    from toolkit.factories import step_copy
    from toolkit.models import ToolkitStepPage

    paths = ["/th/", "/th/case-studies/", "/th/case-studies/ban-pho-thong/", "/th/toolkit/", "/th/impact/"]
    for path in paths:
        client.get(path)  # renditions are generated on the first view
    before = {path: count_queries(client, path) for path in paths}
    index = thai_index()
    image = CaseStudyPage.objects.get(slug="ban-pho-thong", locale=index.locale).hero_image
    for i in range(30):
        case_study(index, f"unit-{i:02d}", hero_image=image, hero_alt="ภาพ", groups=("youth",))
    step = ToolkitStepPage.objects.get(slug="understand-the-model", locale__language_code="th")
    for i in range(12 - ToolkitStepPage.objects.filter(locale__language_code="th").count()):
        step_copy(step, i)
    assert ToolkitStepPage.objects.filter(locale__language_code="th", live=True).count() == 12
    for path in paths:
        client.get(path)
    after = {path: count_queries(client, path) for path in paths}
    assert after == before


def test_publishing_purges_fragments_in_both_languages(client):
    client.get("/th/about/")
    client.get("/en/about/")
    about = Page.objects.get(slug="about", locale__language_code="th").specific
    about.title = "เกี่ยวกับเรา ฉบับใหม่"
    about.save_revision().publish()
    assert "เกี่ยวกับเรา ฉบับใหม่" in client.get("/th/about/").content.decode()


def test_saving_a_snippet_purges_the_footer(client):
    from home.models import Partner

    assert "Renamed partner" not in client.get("/th/").content.decode()
    partner = Partner.objects.filter(locale__language_code="th").first()
    partner.name = "Renamed partner"
    partner.save()
    assert "Renamed partner" in client.get("/th/").content.decode()


def test_a_download_count_does_not_purge(client):
    from toolkit.models import DownloadCount

    before = generation()
    DownloadCount.objects.record(DownloadCount.Item.ZIP, "th")
    assert generation() == before


def test_generation_survives_a_lost_key():
    from django.core.cache import cache

    first = generation()
    cache.delete(GENERATION_KEY)
    bump_generation()
    assert generation() != first


# --- the anonymous full-page cache -------------------------------------------------------------------


# The request's site and its root paths (home.request_site), read before any view runs.
QUERIES_OF_A_KEPT_DOWNLOAD = 2


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    return settings


def test_anonymous_pages_are_served_from_the_cache_without_queries(client, page_cache, django_assert_num_queries):
    for path in ("/th/", "/en/", f"/th{THAI_QUERY}"):
        first = client.get(path)
        assert first["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            second = client.get(path)
        assert second["X-Page-Cache"] == "hit"
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]


def test_downloads_are_left_to_their_view_and_its_cache(client, page_cache, django_assert_max_num_queries):
    """A download varies by ``Accept-Encoding`` and answers conditional requests itself (``home.downloads``): the
    page cache keeps no copy of it; the view's own cache does, until the next purge."""
    first = client.get("/th/impact/figures.csv")
    assert "X-Page-Cache" not in first
    with django_assert_max_num_queries(QUERIES_OF_A_KEPT_DOWNLOAD):
        second = client.get("/th/impact/figures.csv")
    assert "X-Page-Cache" not in second
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]


def test_cache_is_keyed_by_language_and_the_parameters_the_page_reads(client, page_cache):
    client.get("/th/case-studies/")
    assert client.get("/en/case-studies/")["X-Page-Cache"] == "miss"
    assert client.get("/th/case-studies/?group=youth")["X-Page-Cache"] == "miss"
    assert client.get("/th/case-studies/?group=youth")["X-Page-Cache"] == "hit"
    # Order and parameters the page does not read change nothing: the same entry answers.
    assert client.get("/th/case-studies/?utm_source=x&group=youth&q=1")["X-Page-Cache"] == "hit"
    both = client.get("/th/case-studies/?region=northeast&group=youth")
    assert both["X-Page-Cache"] == "miss"
    assert client.get("/th/case-studies/?group=youth&region=northeast&junk=1")["X-Page-Cache"] == "hit"


def _page_entries():
    """The page cache's entries in the local-memory cache of the test settings."""
    return sorted(key for key in cache._cache if ":odf:page:" in key)  # noqa: SLF001 - counting entries


@pytest.mark.parametrize("path", ["/th/", "/en/case-studies/", "/th/news/", "/th/toolkit/planner/", "/sitemap.xml"])
def test_a_thousand_junk_query_strings_make_no_entry_and_no_render(client, page_cache, path, django_assert_num_queries):
    """Parameters no page reads are left out of the key: a loop of junk URLs neither fills the cache nor keeps
    the site cold (each one is answered from the entry of the clean address, without a query)."""
    assert client.get(path)["X-Page-Cache"] == "miss"
    entries = _page_entries()
    with django_assert_num_queries(0):
        answers = {client.get(f"{path}?junk={n}&utm_source={n}&fbclid=x{n}")["X-Page-Cache"] for n in range(1000)}
    assert answers == {"hit"}
    assert _page_entries() == entries


def test_publishing_purges_every_page(client, page_cache):
    client.get("/th/about/")
    client.get("/en/")
    about = Page.objects.get(slug="about", locale__language_code="th").specific
    about.title = "หน้าเกี่ยวกับ ฉบับแก้ไข"
    about.save_revision().publish()
    response = client.get("/th/about/")
    assert response["X-Page-Cache"] == "miss" and "หน้าเกี่ยวกับ ฉบับแก้ไข" in response.content.decode()
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    about.unpublish()
    assert client.get("/th/about/").status_code == 404


def test_signed_in_users_never_get_or_fill_the_cache(client, admin_client, page_cache):
    admin_response = admin_client.get("/th/")
    assert "X-Page-Cache" not in admin_response
    assert "private" in admin_response["Cache-Control"]
    assert client.get("/th/")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in admin_client.get("/th/")
    assert client.get("/th/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("path", ["/admin/login/", "/sw.js", "/healthz", "/th/toolkit/toolkit.zip"])
def test_admin_service_worker_and_counted_downloads_are_never_cached(client, page_cache, path):
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


def test_off_when_page_cache_seconds_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/th/")
    assert "X-Page-Cache" not in client.get("/th/")


def test_pages_still_render_when_redis_is_down(client, caplog):
    """REDIS_URL pointing at a closed port: every cache call fails fast, is logged, and pages render."""
    redis_down = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    for outage_filter in logging.getLogger(settings.DJANGO_REDIS_LOGGER).filters:
        outage_filter.reset()  # report the next failure at once, whatever earlier tests did
    with (
        override_settings(CACHES=redis_down, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True, PAGE_CACHE_SECONDS=300),
        caplog.at_level(logging.WARNING),
    ):
        for path in ("/th/", "/en/case-studies/"):
            response = client.get(path)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response or response["X-Page-Cache"] == "miss"
    assert any("cache unavailable" in record.getMessage() for record in caplog.records)


def test_a_reader_with_a_session_or_a_message_gets_a_fresh_page(client, page_cache):
    client.get("/th/")
    assert client.get("/th/")["X-Page-Cache"] == "hit"
    for cookie in ("sessionid", "messages"):
        client.cookies.clear()
        client.cookies[cookie] = "x"
        assert "X-Page-Cache" not in client.get("/th/")


def test_a_page_never_echoes_parameters_it_does_not_read_so_none_reach_the_cache(client, page_cache):
    """A first visitor's junk must not travel to the next visitor in a cached page (the language switcher once
    kept the whole query string)."""
    first = client.get("/th/search/?q=%E0%B8%97%E0%B8%AD&junk=FIRSTVISITOR")
    assert first["X-Page-Cache"] == "miss" and "FIRSTVISITOR" not in first.content.decode()
    assert "/en/search/?q=%E0%B8%97%E0%B8%AD" in first.content.decode()  # the switcher keeps what search reads
    second = client.get("/th/search/?q=%E0%B8%97%E0%B8%AD")
    assert second["X-Page-Cache"] == "hit" and "FIRSTVISITOR" not in second.content.decode()


def test_every_generation_aware_key_goes_stale_at_the_next_purge():
    """``page_cache.key`` is the one way to build such a key: per namespace and parts, new after every purge."""
    first = key("search", "th", "อาชีพ")
    assert first == key("search", "th", "อาชีพ")
    assert first.startswith("odf:search:") and len(first) < 100
    assert first != key("search", "en", "อาชีพ") != key("figures", "th", "อาชีพ")
    assert key("search", "a", "b") != key("search", "a\x1fb")
    bump_generation()
    assert key("search", "th", "อาชีพ") != first


def test_template_tag_lookups_follow_a_publish(client):
    """The toolkit entry and the news feed links are cached under generation-aware keys: a publish shows at once."""
    from news.models import NewsIndexPage
    from news.templatetags.news_tags import news_index_path

    index = NewsIndexPage.objects.get(locale__language_code="en")
    before = news_index_path("en")
    assert before.endswith(f"/{index.slug}/")
    index.slug = "programme-news"
    index.save_revision().publish()
    assert news_index_path("en").endswith("/programme-news/")


# --- each process with its own cache (no Redis): the generation comes from the database --------------------


@pytest.fixture
def per_process(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHE_GENERATION = "database"
    return settings


def test_a_publish_in_another_process_is_seen_at_the_next_request(client, per_process):
    """This process has the page in its own cache; another process changes it and purges (its own cache, and a
    new generation row). Here nothing was told, yet the next request renders the new page."""
    from home.models import CacheGeneration

    about = Page.objects.get(slug="about", locale__language_code="th")
    client.get("/th/about/")
    assert client.get("/th/about/")["X-Page-Cache"] == "hit"
    Page.objects.filter(pk=about.pk).update(title="แก้ในกระบวนการอื่น")  # no signal reaches this process
    CacheGeneration.objects.create()  # the other process's purge
    response = client.get("/th/about/")
    assert response["X-Page-Cache"] == "miss" and "แก้ในกระบวนการอื่น" in response.content.decode()


def test_with_the_generation_in_a_per_process_cache_the_same_change_would_stay_hidden(client, page_cache):
    """The control for the test above: it fails for the reason the database generation exists."""
    from home.models import CacheGeneration

    about = Page.objects.get(slug="about", locale__language_code="th")
    client.get("/th/about/")
    Page.objects.filter(pk=about.pk).update(title="แก้ในกระบวนการอื่น")
    CacheGeneration.objects.create()
    assert client.get("/th/about/")["X-Page-Cache"] == "hit"


def test_a_cached_page_costs_one_query_for_the_generation(client, per_process, django_assert_num_queries):
    client.get("/th/")
    with django_assert_num_queries(1):
        assert client.get("/th/")["X-Page-Cache"] == "hit"


def test_a_purge_adds_a_row_and_saving_it_purges_nothing_more():
    from home.models import CacheGeneration

    with override_settings(CACHE_GENERATION="database"):
        before = CacheGeneration.objects.count()
        first = generation()
        bump_generation()
        assert generation() > first
        assert CacheGeneration.objects.count() == before + 1
