"""Which language versions of a page can be shown, so switchers and hreflang never point to the wrong language.

``page.localized`` silently falls back to the source page, and an English alias made by locale
synchronisation shows Thai content under /en/. Here a version counts only if it is live and a real
translation (not an alias); otherwise it is reported as missing, and templates say so plainly.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url

from wagtail.models import Page

from .query_parameters import read_address


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str | None  # absolute URL of the live translation; None when it does not exist yet
    is_current: bool

    @property
    def available(self) -> bool:
        return self.url is not None


def page_language_versions(page, request, current_code):
    """One ``LanguageVersion`` per site language for a Wagtail page (one query)."""
    translations = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .select_related("locale")
    }
    versions = []
    for code, name in settings.LANGUAGES:
        found = translations.get(code)
        url = absolute_page_url(found, request) if found is not None else None
        versions.append(LanguageVersion(code, name, url, code == current_code))
    return versions


def absolute_page_url(page, request):
    """The page's URL on the host the reader used (Wagtail's ``get_full_url`` uses the Site's hostname)."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


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
