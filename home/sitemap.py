"""Sitemap entries for every public page (``home.visibility``) in every language, with hreflang alternates, one
sitemap per section of the site under a sitemap index (``/sitemap.xml``).

Wagtail's own sitemap lists only the default site tree and carries no alternates; this groups the
translations of each page by ``translation_key`` so each URL names all of its language versions. A page's section
is its app (case studies, news, toolkit, impact; every other page is in "pages"): the language versions of a page
are always in the same one.

Public views that are not pages (the network's list and join form) are added by their apps, in the "pages"
section: a function registered with ``@hooks.register(SITEMAP_VIEWS_HOOK)`` returns URL names of views inside
``i18n_patterns`` that take no arguments; each is listed in every language with the same alternates. Private views
(a group's report link, withdrawal) are never registered.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
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


# Section name (in the sitemap's address, ``/sitemap-<name>.xml``) → the apps whose pages it lists, in index order.
SECTIONS = {
    "case-studies": ("casestudies",),
    "news": ("news",),
    "toolkit": ("toolkit",),
    "impact": ("impact",),
}
OTHER_PAGES = "pages"  # every page of any other app: the home pages, standard pages, ...
SECTION_NAMES = (*SECTIONS, OTHER_PAGES)


def section_of(app_label):
    return next((name for name, apps in SECTIONS.items() if app_label in apps), OTHER_PAGES)


def _listed_pages():
    return public_pages(Page.objects.filter(depth__gt=1, alias_of__isnull=True))


def _in_section(pages, section):
    grouped = [app for apps in SECTIONS.values() for app in apps]
    if section == OTHER_PAGES:
        return pages.exclude(content_type__app_label__in=grouped)
    return pages.filter(content_type__app_label__in=SECTIONS[section])


def sitemap_sections():
    """``[(section name, last published)]`` of the sections with public pages, in ``SECTION_NAMES`` order (one
    query)."""
    latest = {}
    found = _listed_pages().order_by().values_list("content_type__app_label").annotate(latest=Max("last_published_at"))
    for app_label, published in found:
        name = section_of(app_label)
        latest[name] = max((time for time in (latest.get(name), published) if time), default=None)
    return [(name, latest[name]) for name in SECTION_NAMES if name in latest]


def sitemap_entries(request, section=None):
    """The entries of one section's sitemap (``SECTION_NAMES``), or of every public page."""
    pages = _listed_pages()
    if section is not None:
        pages = _in_section(pages, section)
    pages = pages.select_related("locale").order_by("path")
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
    if section in (None, OTHER_PAGES):
        entries += view_entries(request)
    return entries


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
