"""Each language's ``Locale`` row read at most once per request.

Wagtail's ``Locale.get_active``/``get_default`` and the project's lookups all go through
``LocaleManager.get_for_language``; ``install()`` wraps it with a memo kept for the current request only
(cleared when a request starts and ends, and when a locale is saved or deleted), so a page that asks for the
active locale in its routing, menu, footer and content reads it once. Outside a request nothing is kept.
"""

import threading

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_request = threading.local()


def request_started(**kwargs):
    _request.active, _request.locales = True, {}


def request_finished(**kwargs):
    _request.active, _request.locales = False, {}


def forget_locales(**kwargs):
    _request.locales = {}


def remember(locale):
    """Keep ``locale`` (read with something else) for the rest of the request, as if looked up by its code."""
    if getattr(_request, "active", False):
        _request.locales[locale.language_code] = locale


def install():
    """Wrap ``LocaleManager.get_for_language`` with the per-request memo and connect its receivers (once)."""
    from django.core.signals import request_finished as finished
    from django.core.signals import request_started as started
    from django.db.models.signals import post_delete, post_save

    started.connect(request_started, dispatch_uid="locale_memo_request_started")
    finished.connect(request_finished, dispatch_uid="locale_memo_request_finished")
    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale, dispatch_uid=f"locale_memo_{id(signal)}")
    if getattr(LocaleManager.get_for_language, "memoised_per_request", False):
        return
    read = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        if not getattr(_request, "active", False):
            return read(self, language_code)
        locales = _request.locales
        if language_code not in locales:
            locales[language_code] = read(self, language_code)  # DoesNotExist is raised, never kept
        return locales[language_code]

    get_for_language.memoised_per_request = True
    get_for_language.__doc__ = read.__doc__
    LocaleManager.get_for_language = get_for_language
