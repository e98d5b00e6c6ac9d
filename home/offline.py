"""The offline toolkit: what the service worker keeps, and the cache version that changes on republishing.

The toolkit is every public ``toolkit.ToolkitPage`` and its public descendants (``home.visibility``). The version is a hash of the toolkit
pages' publication times and the site's core static files, so republishing a toolkit page (or deploying new
CSS) gives the service worker a new version and a fresh cache.
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
TOOLKIT_MODEL = "toolkit.ToolkitPage"
TOOLKIT_FILES = ("toolkit.pdf",)
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


def toolkit_roots():
    """Toolkit landing pages the public may see (``home.visibility``), in every language."""
    return list(public_pages(apps.get_model(TOOLKIT_MODEL).objects.all()).select_related("locale"))


def _relative_url(page, language_code):
    """``/<lang>/...`` for a page (its URL path below the language's home page)."""
    parts = page.url_path.strip("/").split("/")[1:]
    return "/" + "/".join([language_code, *parts]) + ("/" if parts else "")


def toolkit_pages():
    """``[(language code, page), ...]`` for every public toolkit page and its public descendants."""
    pages = []
    for root in toolkit_roots():
        code = root.locale.language_code
        pages.append((code, root))
        pages.extend((code, page) for page in public_pages(root.get_descendants()).order_by("path"))
    return pages


def toolkit_urls():
    """``{language code: [URL, ...]}``: the toolkit pages and the toolkit PDF of each language."""
    urls = {}
    roots = {root.pk for root in toolkit_roots()}
    for code, page in toolkit_pages():
        url = _relative_url(page, code)
        urls.setdefault(code, []).append(url)
        if page.pk in roots:
            urls[code].extend(url + name for name in TOOLKIT_FILES)
    return urls


def toolkit_prefixes():
    """``{language code: [URL prefix, ...]}`` under which pages belong to the toolkit."""
    prefixes = {}
    for root in toolkit_roots():
        code = root.locale.language_code
        prefixes.setdefault(code, []).append(_relative_url(root, code))
    return prefixes


def core_static_urls():
    return [static(path) for path in CORE_STATIC]


def cache_version(pages=None, static_urls=None):
    """A short hash that changes when a toolkit page is (re)published, moved or removed, or core files change."""
    pages = toolkit_pages() if pages is None else pages
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
    pages = toolkit_pages()
    return {
        "version": cache_version(pages),
        "offlineUrl": "/offline/",
        "core": core_static_urls(),
        "toolkit": toolkit_urls(),
        "toolkitPrefixes": toolkit_prefixes(),
        "neverCache": list(NEVER_CACHE_PREFIXES),
        "languages": [code for code, _name in settings.LANGUAGES],
    }


def service_worker_config_json(config):
    """``config`` as a JavaScript literal; <, > and & escaped so no text can end the script early."""
    text = json.dumps(config, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
