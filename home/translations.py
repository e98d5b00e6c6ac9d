"""Which language versions of a page can be shown, so switchers and hreflang never point to the wrong language.

``page.localized`` silently falls back to the source page, and an English alias made by locale
synchronisation shows Thai content under /en/. Here a version counts only if it is live and a real
translation (not an alias); otherwise it is reported as missing, and templates say so plainly.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url

from wagtail.models import Page

from . import compiled_sql
from .query_parameters import read_address
from .request_site import page_url


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str | None  # absolute URL of the live translation; None when it does not exist yet
    is_current: bool

    @property
    def available(self) -> bool:
        return self.url is not None


def _live_translations(page_id):
    """The language and ``url_path`` of each live translation of page ``page_id`` that is not an alias."""
    group = Page.objects.filter(pk=page_id).values("translation_key")
    return (
        Page.objects.filter(translation_key__in=group, alias_of__isnull=True)
        .live()
        .order_by()
        .values_list("locale__language_code", "url_path")
    )


def page_language_versions(page, request, current_code):
    """One ``LanguageVersion`` per site language for a Wagtail page (one query for the addresses only, none for
    the home page: its translations are the site root's, read already for the request in ``home.request_site``)."""
    roots = getattr(request, "_odf_request_site", None)
    roots = roots.roots if roots is not None else ()
    if roots and roots[0].translation_key == page.translation_key:
        found = [(p.locale.language_code, p.url_path) for p in roots if p.live and p.alias_of_id is None]
    else:
        found = compiled_sql.rows("language-versions", _live_translations, page.pk)
    # Every page class here keeps Wagtail's get_url_parts, so its URL follows from its url_path alone.
    translations = dict(found) if keeps_wagtail_urls(page) else None
    versions = []
    for code, name in settings.LANGUAGES:
        if translations is None:  # a class with its own URLs: ask each translation
            url = _absolute_url_of_translation(page, request, code)
        else:
            url_path = translations.get(code)
            url = _absolute(request, page_url(request, url_path)) if url_path is not None else None
        versions.append(LanguageVersion(code, name, url, code == current_code))
    return versions


def _absolute_url_of_translation(page, request, code):
    found = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True, locale__language_code=code)
        .live()
        .specific()
        .first()
    )
    return absolute_page_url(found, request) if found is not None else None


def keeps_wagtail_urls(page):
    """Does ``page``'s class leave Wagtail's ``get_url_parts`` alone (its URL follows from its ``url_path``)?"""
    model = page.specific_class or type(page)
    return model.get_url_parts is Page.get_url_parts


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def relative_page_url(page, request):
    """``page.get_url(request)``, from the request's root paths when the page's class keeps Wagtail's URLs."""
    if request is not None and keeps_wagtail_urls(page):
        return page_url(request, page.url_path)
    return page.get_url(request)


def absolute_page_url(page, request):
    """The page's URL on the host the reader used (Wagtail's ``get_full_url`` uses the Site's hostname)."""
    return _absolute(request, relative_page_url(page, request))


def view_language_versions(request, current_code):
    """Language versions of a non-page view under ``i18n_patterns`` (search, planner ...)."""
    path = read_address(request)  # only the parameters the view reads: junk in the query is never echoed
    return [
        LanguageVersion(code, name, request.build_absolute_uri(translate_url(path, code)), code == current_code)
        for code, name in settings.LANGUAGES
    ]


def is_untranslated_alias(page) -> bool:
    """True when the page is a synchronised alias that still shows the source language's content."""
    return bool(getattr(page, "alias_of_id", None))
