"""The request's Wagtail site, its root paths and the localised home page, read in two queries per request.

Without a cache Wagtail reads the site of a request (one query), the site root paths for page URLs (two more:
the sites, then their root pages' translations) and the active ``Locale`` and localised root page while routing
(two more). ``prime(request)`` reads the sites with their root pages, then every translation of those root pages
with their locales, and from those two answers sets what Wagtail keeps on the request (``_wagtail_site``,
``_wagtail_cached_site_root_paths``), hands the locales to ``home.locale_memo`` and keeps the localised root page
for ``home.page_routing``. Nothing outlives the request.

The site is chosen by Wagtail's own rule (``wagtail.models.sites.get_site_for_hostname``), here in Python over
the few ``Site`` rows, and the root paths are built and ordered exactly as ``Site.get_site_root_paths`` builds
them.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db.models import F
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.models.pages import WAGTAIL_APPEND_SLASH
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)

from . import compiled_sql, locale_memo

SERVED_PATH = re.compile(r"(?:[\w\-]+/)*" if WAGTAIL_APPEND_SLASH else r"[\w\-/]*")  # wagtail.urls.serve_pattern


@dataclass(frozen=True)
class RequestSite:
    site: Site | None  # Wagtail's site for the request (None: no site matches)
    roots: tuple  # the translations of the site's root page (``Page`` with its ``locale``), in tree order

    def localized_root(self):
        """``site.root_page.localized``: the root page's live translation in the active language, else itself."""
        if self.site is None:
            return None
        try:
            code = get_supported_content_language_variant(translation.get_language())
        except LookupError:
            code = None
        own = next((page for page in self.roots if page.pk == self.site.root_page_id), self.site.root_page)
        found = next((page for page in self.roots if page.locale.language_code == code), None)
        return found if found is not None and found.live else own


def _match(site, hostname, port):
    if site.hostname == hostname and site.port == port:
        return MATCH_HOSTNAME_PORT
    if site.hostname == hostname and site.is_default_site:
        return MATCH_HOSTNAME_DEFAULT
    return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME


def site_for_host(sites, hostname, port):
    """The site Wagtail's ``get_site_for_hostname`` finds among ``sites`` (None where it raises DoesNotExist)."""
    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site),
        key=lambda site: _match(site, hostname, port),
    )
    if not candidates:
        return None
    first = _match(candidates[0], hostname, port)
    if len(candidates) == 1 or first in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if first == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None


def site_root_paths(sites, translations):
    """``Site.get_site_root_paths()`` from the sites (with ``root_page``) and their root pages' translations."""
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    paths = []
    for site in ordered:
        if i18n:
            group = [page for page in translations if page.translation_key == site.root_page.translation_key]
            paths.extend(SiteRootPath(site.id, p.url_path, site.root_url, p.locale.language_code) for p in group)
        else:
            root = site.root_page
            language = next((p.locale.language_code for p in translations if p.pk == root.pk), None)
            paths.append(SiteRootPath(site.id, root.url_path, site.root_url, language))
    return paths


def _sites():
    # (The join as before: PostgreSQL then returns the sites in the order Wagtail's own read breaks ties in.)
    return Site.objects.order_by().annotate(root_key=F("root_page__translation_key"))


def _root_translations():
    keys = Site.objects.order_by().values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path")


def prime(request):
    """Read the sites and their root pages' translations (two queries) and keep what Wagtail needs on ``request``."""
    found = getattr(request, "_odf_request_site", None)
    if found is not None:
        return found
    # (No ordering, no join of whole root pages, SQL compiled once: a small part of Wagtail's own read of the sites.)
    sites = compiled_sql.objects("request-sites", _sites)
    translations = compiled_sql.objects("request-site-roots", _root_translations)
    by_pk = {page.pk: page for page in translations}
    for site in sites:
        site.root_page = by_pk[site.root_page_id]  # what Wagtail's select_related would have read
    hostname = split_domain_port(request._get_raw_host())[0]
    site = site_for_host(sites, hostname, request.get_port())
    roots = tuple(
        page for page in translations if site is not None and page.translation_key == site.root_page.translation_key
    )
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = site_root_paths(sites, translations)
    for page in translations:
        locale_memo.remember(page.locale)
    found = RequestSite(site, roots)
    request._odf_request_site = found
    return found


def _serve_prefix(request, language_code):
    """``reverse("wagtail_serve", args=("",))`` in ``language_code`` (the language prefix), once per request."""
    prefixes = request.__dict__.setdefault("_odf_serve_prefixes", {})
    if language_code not in prefixes:
        with translation.override(language_code):
            prefixes[language_code] = reverse("wagtail_serve", args=("",))
    return prefixes[language_code]


def page_url(request, url_path):
    """``page.get_url(request)`` of a page at ``url_path`` whose class keeps Wagtail's ``get_url_parts``, without
    a ``reverse()`` and a language switch per link: the root paths and language prefixes are read once per request.
    Same answer as Wagtail's, including None for an address Wagtail cannot serve."""
    prime(request)
    root_paths = request._wagtail_cached_site_root_paths
    possible = [root for root in root_paths if url_path.startswith(root.root_path)]
    if not possible:
        return None
    if len({root.site_id for root in possible}) > 1:  # a page in several sites: Wagtail's own choice
        return Page(url_path=url_path).get_url(request)
    site_id, root_path, root_url, language_code = possible[0]
    try:
        if get_supported_content_language_variant(translation.get_language()) == language_code:
            language_code = translation.get_language()
    except LookupError:
        pass
    rest = url_path[len(root_path) :]
    if not SERVED_PATH.fullmatch(rest):
        return None  # Wagtail's reverse() raises NoReverseMatch: not routable
    path = _serve_prefix(request, language_code) + quote(rest, safe=RFC3986_SUBDELIMS + "/~:@")
    if not WAGTAIL_APPEND_SLASH and path != "/":
        path = path.rstrip("/")
    site = request._wagtail_site
    if (site is not None and site.pk == site_id) or len({root.site_id for root in root_paths}) == 1:
        return path
    return root_url + path
