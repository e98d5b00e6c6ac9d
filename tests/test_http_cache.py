"""An HTTP cache in front (home/http_cache.py): which responses say a shared cache may keep them, and which URLs
each kind of change purges. The same rules through a real Varnish: tests/test_varnish.py."""

import pytest

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Page, PageViewRestriction

from casestudies.models import CaseStudyPage
from home.models import Partner
from impact.models import ImpactDashboardPage
from news.models import NewsPage

pytestmark = pytest.mark.django_db

SECONDS = 600


class RecordingBackend(BaseBackend):
    """A frontend-cache backend that keeps the URLs it is asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture(autouse=True)
def http_cache(settings):
    settings.HTTP_CACHE_SECONDS = SECONDS
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_http_cache.RecordingBackend"}}
    RecordingBackend.purged = []


def shared(response):
    control = response.get("Cache-Control", "")
    return "public" in control and f"s-maxage={SECONDS}" in control


def public_urls():
    case_study = CaseStudyPage.objects.live().filter(locale__language_code="th").first()
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    return [
        "/th/",
        "/en/",
        "/th/case-studies/",
        case_study.url,
        news.url,
        "/th/toolkit/",
        "/en/impact/",
        "/th/search/?q=กองทุน",
        "/th/news/feed/",
        "/th/toolkit/planner/",
        "/sitemap.xml",
    ]


def test_public_pages_say_a_shared_cache_may_keep_them_and_browsers_revalidate(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert shared(response), (url, response.get("Cache-Control"))
        assert "max-age=0" in response["Cache-Control"] or url.endswith("/feed/")


def test_nothing_is_marked_shareable_when_the_setting_is_off(client, settings):
    settings.HTTP_CACHE_SECONDS = 0
    assert "s-maxage" not in client.get("/th/").get("Cache-Control", "")


def test_signed_in_readers_get_private_uncacheable_pages(admin_client):
    response = admin_client.get("/th/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not shared(response)


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_reader_with_a_session_or_a_pending_message_is_not_given_a_shared_copy(client, cookie):
    client.cookies[cookie] = "something"
    assert not shared(client.get("/th/"))


def test_a_page_holding_a_csrf_token_is_never_shared(client, thai_home):
    """A password-protected page answers with its password form (a CSRF token inside): not for sharing."""
    page = thai_home.get_children().live().filter(show_in_menus=False).first() or thai_home.get_children().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    client.cookies["csrftoken"] = "a" * 32  # an existing token: no Set-Cookie, but the token is in the HTML
    response = client.get(page.url)
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert not shared(response)


def test_errors_and_counted_downloads_are_not_shared(client):
    assert not shared(client.get("/th/no-such-page/"))
    download = client.get("/th/toolkit/toolkit.zip")
    assert not shared(download)
    # Marked private by the view itself, so Varnish or a CDN never keeps it and every download is counted.
    assert "private" in download["Cache-Control"] and "public" not in download["Cache-Control"]


# Purging ------------------------------------------------------------------------------------------------------


def purged_paths():
    from urllib.parse import urlsplit

    return {urlsplit(url).path for url in RecordingBackend.purged}


def publish(page):
    page.specific.save_revision().publish()


def test_publishing_a_case_study_purges_it_its_translation_its_listings_and_the_pages_showing_it(
    django_capture_on_commit_callbacks,
):
    thai = CaseStudyPage.objects.live().filter(locale__language_code="th").first()
    english = CaseStudyPage.objects.get(translation_key=thai.translation_key, locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        publish(thai)
    paths = purged_paths()
    siblings = {page.url for page in thai.get_siblings().live()}
    dashboards = {page.url for page in ImpactDashboardPage.objects.live()}
    expected = {thai.url, english.url, "/th/", "/en/", "/th/case-studies/", "/en/case-studies/"}
    expected |= siblings | dashboards | {url + "figures.csv" for url in dashboards}
    assert expected <= paths
    assert "/" not in paths  # not the whole site
    assert "/th/toolkit/" not in paths and "/th/news/" not in paths


def test_publishing_a_news_item_purges_its_units_and_the_feeds(django_capture_on_commit_callbacks):
    news = NewsPage.objects.live().filter(locale__language_code="th").exclude(related_case_studies=None).first()
    with django_capture_on_commit_callbacks(execute=True):
        publish(news)
    paths = purged_paths()
    assert {news.url, "/th/news/", "/th/news/feed/", "/th/news/feed/atom/"} <= paths
    assert {unit.url for unit in news.related_case_studies.all()} <= paths
    assert "/" not in paths


def test_unpublishing_purges_like_publishing(django_capture_on_commit_callbacks):
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    url = news.url
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert {url, "/en/news/", "/en/news/feed/"} <= purged_paths()


def test_a_draft_saves_purges_nothing(django_capture_on_commit_callbacks):
    page = CaseStudyPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert RecordingBackend.purged == []


@pytest.mark.parametrize(
    "change",
    [
        "snippet",
        "menu page",
        "delete",
        "privacy",
    ],
)
def test_changes_shown_on_many_pages_purge_the_whole_site(change, thai_home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        if change == "snippet":
            partner = Partner.objects.first()
            partner.name += " "
            partner.save()
        elif change == "menu page":
            publish(thai_home.get_children().in_menu().first())
        elif change == "delete":
            NewsPage.objects.first().delete()
        else:
            PageViewRestriction.objects.create(page=CaseStudyPage.objects.first(), restriction_type="login")
    assert "/" in purged_paths()  # the site root: every address of the host


def test_nothing_is_sent_without_a_frontend_cache(settings, django_capture_on_commit_callbacks):
    del settings.WAGTAILFRONTENDCACHE
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(Page.objects.get(pk=CaseStudyPage.objects.first().pk))
    assert RecordingBackend.purged == [] and callbacks == []


# Figures: only the pages that show them ---------------------------------------------------------------------------


def figure_pages(thai_unit):
    """What shows a unit's figures: its case study in both languages, the impact pages and exports, the home pages."""
    units = {page.url for page in CaseStudyPage.objects.live().filter(translation_key=thai_unit.translation_key)}
    dashboards = {page.url for page in ImpactDashboardPage.objects.live()}
    exports = {url + name for url in dashboards for name in ("figures.csv", "figures.json", "datapackage.json")}
    return units | dashboards | exports | {url + "compare/" for url in dashboards} | {"/th/", "/en/"}


def test_editing_one_figure_in_the_admin_purges_its_unit_and_the_impact_pages_not_the_site(
    client, django_capture_on_commit_callbacks
):
    from home.factories import signed_in, user
    from impact.models import ImpactFigure

    figure = ImpactFigure.objects.select_related("page").filter(page__locale__language_code="th").first()
    others = CaseStudyPage.objects.live().exclude(translation_key=figure.page.translation_key)
    admin = signed_in(user("purger", superuser=True), client)
    data = {
        "page": figure.page_id,
        "indicator": figure.indicator_id,
        "period_start": figure.period_start.isoformat(),
        "period_end": figure.period_end.isoformat(),
        "value": str(figure.value + 1),
        "baseline": "" if figure.baseline is None else str(figure.baseline),
        "source": figure.source,
        "status": figure.status,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/snippets/impact/impactfigure/edit/{figure.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    paths = purged_paths()
    assert figure_pages(figure.page) <= paths
    indicator_code = figure.indicator.code
    assert any(path.endswith(f"/{indicator_code}/") for path in paths)  # the indicator pages
    assert "/" not in paths  # not the whole site
    assert not paths & {page.url for page in others}  # not the other units
    assert not {"/th/about/", "/th/toolkit/", "/th/news/", "/en/news/", "/th/case-studies/"} & paths


def test_an_import_of_many_rows_purges_once(monkeypatch, django_capture_on_commit_callbacks):
    import datetime
    from decimal import Decimal

    from wagtail.contrib.frontend_cache import utils

    from impact.models import Indicator
    from impact.services import save_figures

    calls = []
    monkeypatch.setattr(utils, "purge_urls_from_cache", lambda urls, **kwargs: calls.append(list(urls)))
    units = list(CaseStudyPage.objects.filter(locale__language_code="th", alias_of__isnull=True))[:2]
    codes = list(Indicator.objects.filter(locale__language_code="th").values_list("code", flat=True))
    rows = [
        {
            "unit_slug": unit.slug,
            "indicator_code": code,
            "period_start": datetime.date(2030, month, 1),
            "period_end": datetime.date(2030, month, 28),
            "value": Decimal(month),
            "baseline": None,
            "status": "reported",
            "source": "ledger",
        }
        for unit in units
        for code in codes
        for month in range(1, 13)
    ]
    assert len(rows) > 300
    with django_capture_on_commit_callbacks(execute=True):
        save_figures(rows)
    assert len(calls) == 1  # one purge for the whole file, not one per row
    from urllib.parse import urlsplit

    paths = {urlsplit(url).path for url in calls[0]}
    for unit in units:
        assert figure_pages(unit) <= paths
    assert "/" not in paths


def test_figures_saved_outside_the_admin_purge_their_unit_once_per_transaction(
    monkeypatch, django_capture_on_commit_callbacks
):
    """A loader or a shell writes figures with ``save()``/``delete()``: each transaction purges once, what shows
    them; a transaction that rolled back leaves nothing pending that would swallow the next change."""
    from urllib.parse import urlsplit

    from django.db import transaction

    from wagtail.contrib.frontend_cache import utils

    from impact.models import ImpactFigure

    calls = []
    monkeypatch.setattr(utils, "purge_urls_from_cache", lambda urls, **kwargs: calls.append(set(urls)))
    figures = list(ImpactFigure.objects.select_related("page").filter(page__locale__language_code="th")[:5])
    unit = figures[0].page

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for figure in figures:
                figure.value += 1
                figure.save()
            figures[-1].delete()
    assert len(calls) == 1
    assert figure_pages(unit) <= {urlsplit(url).path for url in calls[0]}

    calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            figures[0].save()
            raise RuntimeError("rolled back")
        figures[1].save()
    assert len(calls) == 1
