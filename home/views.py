"""Site-wide views that are not Wagtail pages: the language redirect, health check, sitemap, robots."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from .sitemap import sitemap_entries


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
