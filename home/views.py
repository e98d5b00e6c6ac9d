"""Site-wide views that are not Wagtail pages: the language redirect, health check, sitemap, robots, search."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from . import thai_text
from .numbers import THAI_DIGITS
from .query_parameters import reads_query
from .search import describe, kinds_of, search_matches
from .sitemap import SECTION_NAMES, sitemap_entries, sitemap_sections

RESULTS_PER_PAGE = 10
# Shown on the empty search page as starting points, in the reader's language.
SEARCH_EXAMPLES = {"th": ["กองทุน", "อาชีพ", "เยาวชน"], "en": ["fund", "occupation", "youth"]}


@require_GET
def root_redirect(request):
    """``/`` goes to ``/th/`` or ``/en/`` by the browser's language (or its language cookie), Thai by default."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


def _check_cache():
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001
        return False


@require_GET
def healthz(request):
    """200 when the database answers (the cache is reported, not required), 503 otherwise."""
    database = _check_database()
    cache_ok = _check_cache()
    status = 200 if database else 503
    response = JsonResponse(
        {"status": "ok" if database else "unavailable", "database": database, "cache": cache_ok},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


def cached_sitemap(request, name, render_text):
    """The sitemap ``name`` for this host, kept until the next publish (``home.page_cache``): ``render_text()`` runs
    only when it is not kept (every time with the caches off)."""
    from . import page_cache

    key = page_cache.key("sitemap", request.scheme, request.get_host(), name)
    text = cache.get(key)
    if text is None:
        text = render_text()
        cache.set(key, text, settings.FRAGMENT_CACHE_SECONDS)
    return HttpResponse(text, content_type="application/xml; charset=utf-8")


@require_GET
def sitemap(request):
    """``/sitemap.xml``: the sitemap index, one sitemap per section of the site with its latest publish."""

    def render_index():
        sections = [
            (request.build_absolute_uri(reverse("sitemap_section", args=[name])), lastmod)
            for name, lastmod in sitemap_sections()
        ]
        return render_to_string("sitemap_index.xml", {"sections": sections}, request)

    return cached_sitemap(request, "index", render_index)


@require_GET
def sitemap_section(request, section):
    """``/sitemap-<section>.xml``: the public pages of one section in every language, with hreflang alternates."""
    if section not in SECTION_NAMES:
        raise Http404

    def render_section():
        return render_to_string("sitemap.xml", {"entries": sitemap_entries(request, section)}, request)

    return cached_sitemap(request, section, render_section)


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def cached_search(query, language):
    """``(hits, total)`` of ``search_matches``, kept in the cache until the next publish (home/page_cache.py)."""
    from . import page_cache

    # Named for what is kept (``search.Hit`` tuples): a value kept by a release whose ``Hit`` had another shape would
    # not unpickle, so a new shape gets a new name and the old entries are never read (they expire).
    key = page_cache.key("search-hits", language, query)
    found = cache.get(key)
    if found is None:
        found = search_matches(query, language)
        cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return found


def results_page_number(text, page_count):
    """The result page asked for by ``?page=`` (Thai digits too), or 1 for anything else: not a number, or no such
    page."""
    text = (text or "").strip().translate(THAI_DIGITS)
    number = int(text) if text.isascii() and text.isdecimal() else 1
    return number if 1 <= number <= page_count else 1


@require_GET
@reads_query("q", "kind", "page")
def search(request):
    """Thai-aware search within the reader's language, filtered by page kind and paginated; writes nothing. Says how
    many pages match in all, also when more match than are listed (``search.MAX_RESULTS``)."""
    query = thai_text.normalise_query(request.GET.get("q", ""))
    terms = thai_text.query_terms(query)
    pages, total = cached_search(query, translation.get_language()) if terms else ([], 0)
    kinds = kinds_of(pages)
    kind = request.GET.get("kind", "")
    if kind not in {k.key for k in kinds}:
        kind = ""
    shown = [hit for hit in pages if hit.kind == kind] if kind else pages
    paginator = Paginator(shown, RESULTS_PER_PAGE)
    results_page = paginator.page(results_page_number(request.GET.get("page"), paginator.num_pages))
    response = render(
        request,
        "home/search.html",
        {
            "query": query,
            "examples": SEARCH_EXAMPLES.get(translation.get_language(), []),
            "searched": bool(terms),
            "total": total,
            "listed": len(pages),
            "kinds": kinds,
            "kind": kind,
            "results_page": results_page,
            "results": describe([hit.page() for hit in results_page.object_list], terms, request),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def service_worker(request):
    """/sw.js at the site root, so it may control every page; its text changes when the offline kit is republished."""
    from .offline import service_worker_config, service_worker_config_json

    response = render(
        request,
        "offline/sw.js",
        {"config_json": service_worker_config_json(service_worker_config())},
        content_type="application/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline_page(request):
    """The page the service worker shows, in Thai and English, when a page is not available offline."""
    from .offline import kit_prefixes

    prefixes = kit_prefixes()
    response = render(
        request,
        "offline/offline.html",
        {"kit_th": (prefixes.get("th") or [None])[0], "kit_en": (prefixes.get("en") or [None])[0]},
    )
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def web_manifest(request):
    """The web app manifest in the reader's language."""
    from django.templatetags.static import static
    from django.utils.translation import gettext as _

    from .localisation import current_language

    language = current_language()
    manifest = {
        "name": _("Occupational Development Fund model"),
        "short_name": _("Fund model"),
        "description": _("Occupations and community funds as tools for learning: case studies, toolkit, results."),
        "lang": language,
        "dir": "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf6",
        "theme_color": "#0b5c3b",
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json; charset=utf-8"
    return response
