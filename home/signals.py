"""Signal receivers of the home app, all connected by ``connect()`` from ``HomeConfig.ready``.

Each app wires its signals the same way: a ``signals.py`` whose ``connect()`` its ``AppConfig.ready`` calls, with
a ``dispatch_uid`` on every connection. The page cache, visibility and privacy-mirror modules keep their own
receivers beside the code they serve; their ``connect_signals()`` are called from here.
"""

from django.db import transaction


def home_page_saved(sender, instance, created, **kwargs):
    """A new home page in another language: let Translators work on its tree."""
    if created and not instance.locale.language_code == instance.locale.get_default().language_code:
        from .roles import grant_translator_permissions

        transaction.on_commit(grant_translator_permissions)


def connect():
    from django.db.models.signals import post_save

    from . import http_cache, locale_memo, page_cache, privacy_mirror, request_memo, visibility
    from .models import HomePage

    post_save.connect(home_page_saved, sender=HomePage, dispatch_uid="home_page_translator_permissions")
    request_memo.connect_signals()
    page_cache.connect_signals()
    http_cache.connect_signals()
    privacy_mirror.connect_signals()
    visibility.connect_signals()
    locale_memo.install()
