"""Site-wide views that are not Wagtail pages: the language redirect, health check, sitemap, robots, search."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from . import thai_text
from .query_parameters import reads_query
from .search import describe, kinds_of, page_kind, search_pages
from .sitemap import sitemap_entries

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


@require_GET
def sitemap(request):
    return render(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def cached_search(query, language):
    """The matching pages, kept in the cache until the next publish (home/page_cache.py)."""
    from . import page_cache

    key = page_cache.key("search", language, query)
    pages = cache.get(key)
    if pages is None:
        pages = list(search_pages(query, language))
        cache.set(key, pages, settings.FRAGMENT_CACHE_SECONDS)
    return pages


@require_GET
@reads_query("q", "kind", "page")
def search(request):
    """Thai-aware search within the reader's language, filtered by page kind and paginated; writes nothing."""
    query = thai_text.normalise_query(request.GET.get("q", ""))
    terms = thai_text.query_terms(query)
    pages = cached_search(query, translation.get_language()) if terms else []
    kinds = kinds_of(pages)
    kind = request.GET.get("kind", "")
    if kind not in {k.key for k in kinds}:
        kind = ""
    shown = [p for p in pages if page_kind(p)[0] == kind] if kind else pages
    results_page = Paginator(shown, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    response = render(
        request,
        "home/search.html",
        {
            "query": query,
            "examples": SEARCH_EXAMPLES.get(translation.get_language(), []),
            "searched": bool(terms),
            "total": len(pages),
            "kinds": kinds,
            "kind": kind,
            "results_page": results_page,
            "results": describe(list(results_page.object_list), terms, request),
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
