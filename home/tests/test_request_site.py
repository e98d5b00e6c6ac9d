"""``home.request_site`` and ``home.page_routing``: the request's site, root paths, page URLs and routes read in a
few queries give exactly Wagtail's own answers."""

import pytest

from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from home import page_routing, request_site
from home.factories import DRAFT, standard_page

pytestmark = pytest.mark.django_db


def _request(host="testserver", path="/th/"):
    return RequestFactory().get(path, HTTP_HOST=host)


@pytest.fixture
def sites(thai_home):
    """The demo site plus two more: another default-less host, and a second port of the same host."""
    Site.objects.create(hostname="other.example", port=80, root_page=thai_home, site_name="Other")
    Site.objects.create(hostname="other.example", port=8080, root_page=thai_home, site_name="Other 8080")
    return list(Site.objects.order_by().all())


@pytest.mark.parametrize(
    ("hostname", "port"),
    [("testserver", 80), ("other.example", 80), ("other.example", 8080), ("other.example", 9), ("unknown", 80)],
)
def test_site_for_host_is_wagtails_choice(sites, hostname, port):
    try:
        expected = get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        expected = None
    found = request_site.site_for_host(sites, hostname, port)
    assert (found.pk if found else None) == expected


def test_site_root_paths_are_wagtails(sites):
    request = _request()
    request_site.prime(request)
    assert request._wagtail_cached_site_root_paths == Site.get_site_root_paths()


def test_prime_reads_two_queries_and_remembers_them(django_assert_num_queries):
    request = _request()
    with django_assert_num_queries(2):
        found = request_site.prime(request)
        assert request_site.prime(request) is found
    assert request._wagtail_site == Site.objects.get(is_default_site=True)


@pytest.mark.parametrize("language", ["th", "en"])
def test_page_url_is_wagtails_for_every_page(language):
    request = _request(path=f"/{language}/")
    with translation.override(language):
        for page in Page.objects.filter(depth__gte=2):
            assert request_site.page_url(request, page.url_path) == page.get_url(request), page.url_path


def test_page_url_of_an_address_wagtail_cannot_serve_is_none(thai_home):
    request = _request()
    page = Page(url_path=f"{thai_home.url_path}with.dot/")
    assert page.get_url(request) is None
    assert request_site.page_url(request, page.url_path) is None
    assert request_site.page_url(request, "/elsewhere/") is None


def _wagtail_route(path, language):
    request = _request(path=f"/{language}/{path}")
    with translation.override(language):
        try:
            site = Site.find_for_request(request)
            return site.root_page.localized.specific.route(request, [c for c in path.split("/") if c])
        except Http404:
            return None


def _our_route(path, language):
    request = _request(path=f"/{language}/{path}")
    with translation.override(language):
        return page_routing.route_for_request(request, path)


def _comparable(route):
    """A route's page and arguments (a routable page's view is a method bound to that page instance)."""
    args = tuple(getattr(arg, "__func__", arg) for arg in route.args)
    return route.page.pk, type(route.page), args, route.kwargs


def _same(ours, theirs):
    if theirs is None:
        return ours is None
    return ours is not None and _comparable(ours) == _comparable(theirs)


@pytest.mark.parametrize("language", ["th", "en"])
def test_routes_are_wagtails_for_every_page_and_some_that_are_not(thai_home, language):
    restricted = standard_page(thai_home, "Members only", "members-only")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    standard_page(thai_home, "Draft", "draft-page", state=DRAFT)
    root = thai_home.url_path
    paths = ["", "members-only/", "draft-page/", "no-such-page/", "about/no-such-child/"]
    for page in Page.objects.filter(depth__gte=3, locale__language_code="th"):
        paths.append(page.url_path[len(root) :])
    for path in paths:
        assert _same(_our_route(path, language), _wagtail_route(path, language)), path


def test_a_section_page_is_routed_from_the_menus_read(django_assert_num_queries):
    """/th/about/: the sites, their root pages, the restrictions, the home page's sections, the page itself."""
    request = _request(path="/th/about/")
    with translation.override("th"), django_assert_num_queries(5):
        found = page_routing.route_for_request(request, "about/")
    assert found.page.slug == "about"


def _below(section_slug, language="th"):
    return Page.objects.get(depth=3, slug=section_slug, locale__language_code=language)


@pytest.mark.parametrize("language", ["th", "en"])
def test_routes_below_sections_are_wagtails_with_their_own_routes_drafts_and_strays(thai_home, language):
    """Below a routable section (the toolkit, the news index): its own routes win, then its children by slug; a
    draft child, a child of another type than the one allowed, a draft section and paths too deep are routed as
    Wagtail routes them."""
    toolkit, news = _below("toolkit"), _below("news")
    step = toolkit.get_children().live().first()
    draft_step = toolkit.get_children().live().last()
    draft_step.specific.unpublish()
    stray = news.add_child(instance=Page(title="Stray", slug="stray-plain-page", live=True))
    paths = [
        "toolkit/",
        "toolkit/download/1/",
        "toolkit/download/x/",
        f"toolkit/{step.slug}/",
        f"toolkit/{step.slug}/extra/",
        f"toolkit/{draft_step.slug}/",
        "toolkit/no-such-step/",
        "news/",
        "news/feed/",
        "news/feed/atom/",
        "news/feed/extra/",
        f"news/{stray.slug}/",
        "news/no-such-item/",
        "news/no-such-item/extra/",
    ]
    for path in paths:
        assert _same(_our_route(path, language), _wagtail_route(path, language)), path
    news.specific.unpublish()
    for path in paths:
        assert _same(_our_route(path, language), _wagtail_route(path, language)), path


def test_a_page_below_a_section_is_one_query_more(django_assert_num_queries):
    """/th/toolkit/<step>/: the section from the menu's read, then the step itself, specific, in one query; the
    toolkit's own routes need no query at all beyond the toolkit page."""
    step = _below("toolkit").get_children().live().first()
    request = _request(path=f"/th/toolkit/{step.slug}/")
    with translation.override("th"), django_assert_num_queries(5):
        found = page_routing.route_for_request(request, f"toolkit/{step.slug}/")
    assert found.page.pk == step.pk and type(found.page).__name__ == "ToolkitStepPage"
    assert found.page.get_parent().pk == step.get_parent().pk
    request = _request(path="/th/toolkit/download/1/")
    with translation.override("th"), django_assert_num_queries(5):
        found = page_routing.route_for_request(request, "toolkit/download/1/")
    assert found.page.slug == "toolkit" and found.args[2] == {"resource_id": 1}
