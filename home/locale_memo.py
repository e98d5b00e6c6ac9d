"""Each language's ``Locale`` row read at most once per request.

Wagtail's ``Locale.get_active``/``get_default`` and the project's lookups all go through
``LocaleManager.get_for_language``; ``install()`` wraps it with a memo kept for the current request only
(``home.request_memo``; forgotten when a locale is saved or deleted), so a page that asks for the active locale
in its routing, menu, footer and content reads it once. Outside a request nothing is kept.
"""

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from . import request_memo

MEMO = "locales"


def forget_locales(**kwargs):
    request_memo.forget(MEMO)


def remember(locale):
    """Keep ``locale`` (read with something else) for the rest of the request, as if looked up by its code."""
    locales = request_memo.kept(MEMO)
    if locales is not None:
        locales[locale.language_code] = locale


def install():
    """Wrap ``LocaleManager.get_for_language`` with the per-request memo and connect its receivers (once)."""
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale, dispatch_uid=f"locale_memo_{id(signal)}")
    if getattr(LocaleManager.get_for_language, "memoised_per_request", False):
        return
    read = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        locales = request_memo.kept(MEMO)
        if locales is None:
            return read(self, language_code)
        if language_code not in locales:
            locales[language_code] = read(self, language_code)  # DoesNotExist is raised, never kept
        return locales[language_code]

    get_for_language.memoised_per_request = True
    get_for_language.__doc__ = read.__doc__
    LocaleManager.get_for_language = get_for_language
