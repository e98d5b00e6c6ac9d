"""The offline kit: what the service worker keeps, and the cache version that changes on republishing.

A page type joins the kit by saying so: ``offline_kit = True`` on the model (the toolkit's overview page does),
with ``offline_files`` naming files served beside its pages (e.g. ``("toolkit.pdf",)``). The kit is every public
page of such a type with its public descendants (``home.visibility``). The version is a hash of the kit pages'
publication times and the site's core static files, so republishing a kit page (or deploying new CSS) gives the
service worker a new version and a fresh cache.
"""

import hashlib
import json

from django.apps import apps
from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from .visibility import public_pages

# Bump when /sw.js's own logic changes in a way old caches must not survive.
SERVICE_WORKER_REVISION = "1"
CORE_STATIC = (
    "css/site.css",
    "js/site.js",
    "img/icon-192.png",
    "fonts/sarabun-thai-400-normal.woff2",
    "fonts/sarabun-thai-700-normal.woff2",
    "fonts/sarabun-latin-400-normal.woff2",
    "fonts/sarabun-latin-700-normal.woff2",
)
# Never stored by the service worker, whatever the page says.
NEVER_CACHE_PREFIXES = ("/admin/", "/django-admin/", "/sw.js", "/healthz")


def kit_page_types():
    """The page models that declare ``offline_kit = True``."""
    return [model for model in apps.get_models() if getattr(model, "offline_kit", False)]


def kit_roots():
    """Public pages (``home.visibility``) of the kit's page types, in every language."""
    roots = []
    for model in kit_page_types():
        roots.extend(public_pages(model.objects.all()).select_related("locale").order_by("path"))
    return roots


def _relative_url(page, language_code):
    """``/<lang>/...`` for a page (its URL path below the language's home page)."""
    parts = page.url_path.strip("/").split("/")[1:]
    return "/" + "/".join([language_code, *parts]) + ("/" if parts else "")


def kit_pages():
    """``[(language code, page), ...]`` for every kit root page and its public descendants."""
    pages = []
    for root in kit_roots():
        code = root.locale.language_code
        pages.append((code, root))
        pages.extend((code, page) for page in public_pages(root.get_descendants()).order_by("path"))
    return pages


def kit_urls():
    """``{language code: [URL, ...]}``: the kit's pages, each root followed by its ``offline_files``."""
    urls = {}
    roots = {root.pk: root for root in kit_roots()}
    for code, page in kit_pages():
        url = _relative_url(page, code)
        urls.setdefault(code, []).append(url)
        if page.pk in roots:
            urls[code].extend(url + name for name in getattr(roots[page.pk], "offline_files", ()))
    return urls


def kit_prefixes():
    """``{language code: [URL prefix, ...]}`` under which pages belong to the kit."""
    prefixes = {}
    for root in kit_roots():
        code = root.locale.language_code
        prefixes.setdefault(code, []).append(_relative_url(root, code))
    return prefixes


def core_static_urls():
    return [static(path) for path in CORE_STATIC]


def cache_version(pages=None, static_urls=None):
    """A short hash that changes when a kit page is (re)published, moved or removed, or core files change."""
    pages = kit_pages() if pages is None else pages
    static_urls = core_static_urls() if static_urls is None else static_urls
    digest = hashlib.sha256(SERVICE_WORKER_REVISION.encode())
    for code, page in pages:
        stamp = page.last_published_at.isoformat() if page.last_published_at else ""
        digest.update(f"{code}|{page.pk}|{page.url_path}|{stamp}\n".encode())
    for url in static_urls:
        digest.update(url.encode())
    return digest.hexdigest()[:16]


def service_worker_config():
    """Everything /sw.js needs, as one JSON-able dict."""
    pages = kit_pages()
    return {
        "version": cache_version(pages),
        "offlineUrl": "/offline/",
        "core": core_static_urls(),
        "kit": kit_urls(),
        "kitPrefixes": kit_prefixes(),
        "neverCache": list(NEVER_CACHE_PREFIXES),
        "languages": [code for code, _name in settings.LANGUAGES],
    }


def service_worker_config_json(config):
    """``config`` as a JavaScript literal; <, > and & escaped so no text can end the script early."""
    text = json.dumps(config, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
