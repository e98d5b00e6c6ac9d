"""Sitemap entries for every public page (``home.visibility``) in every language, with hreflang alternates.

Wagtail's own sitemap lists only the default site tree and carries no alternates; this groups the
translations of each page by ``translation_key`` so each URL names all of its language versions.

Public views that are not pages (the network's list and join form) are added by their apps: a function
registered with ``@hooks.register(SITEMAP_VIEWS_HOOK)`` returns URL names of views inside ``i18n_patterns``
that take no arguments; each is listed in every language with the same alternates. Private views (a group's
report link, withdrawal) are never registered.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from wagtail import hooks
from wagtail.models import Page

from .translations import absolute_page_url
from .visibility import public_pages

SITEMAP_VIEWS_HOOK = "odf_sitemap_views"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: object
    alternates: tuple  # (language code, url) pairs, including x-default


def sitemap_entries(request):
    pages = (
        public_pages(Page.objects.filter(depth__gt=1, alias_of__isnull=True)).select_related("locale").order_by("path")
    )
    groups = defaultdict(dict)
    order = []
    for page in pages:
        url = absolute_page_url(page, request)
        if not url:
            continue
        if page.translation_key not in groups:
            order.append(page.translation_key)
        groups[page.translation_key][page.locale.language_code] = (url, page.last_published_at)

    entries = []
    for key in order:
        versions = groups[key]
        alternates = [(code, versions[code][0]) for code, _ in settings.LANGUAGES if code in versions]
        default = versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()))
        alternates.append(("x-default", default[0]))
        for code, _ in settings.LANGUAGES:
            if code in versions:
                url, lastmod = versions[code]
                entries.append(SitemapEntry(url, lastmod, tuple(alternates)))
    return entries + view_entries(request)


def view_entries(request):
    """The entries of the non-page views the apps register (``SITEMAP_VIEWS_HOOK``), in every language."""
    entries = []
    for hook in hooks.get_hooks(SITEMAP_VIEWS_HOOK):
        for name in hook():
            versions = []
            for code, _name in settings.LANGUAGES:
                with override(code):
                    versions.append((code, request.build_absolute_uri(reverse(name))))
            default = dict(versions)[settings.LANGUAGE_CODE]
            alternates = (*versions, ("x-default", default))
            entries.extend(SitemapEntry(url, None, alternates) for _code, url in versions)
    return entries
