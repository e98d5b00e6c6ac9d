"""The one per-request memo: values read once while serving a request and forgotten when it ends.

``kept(name)`` gives the current request's dict for ``name`` (a fresh empty one at the start of each request)
or None outside a request, when callers read afresh and keep nothing. ``forget(name)`` drops one entry (a save
that changes what it holds). The locales (``home.locale_memo``), the pages the public may not see
(``home.visibility``) and the cache generation (``home.page_cache``) are kept here; values that belong to one
request object (its site, root paths, route and the home page's sections) are kept on the request itself.
Nothing outlives a request: with every cache off, each request reads what it shows.
"""

import contextvars

_memo = contextvars.ContextVar("odf_request_memo", default=None)


def request_started(**kwargs):
    _memo.set({})


def request_finished(**kwargs):
    _memo.set(None)


def kept(name):
    """This request's dict for ``name`` (created on first use), or None outside a request."""
    memo = _memo.get()
    if memo is None:
        return None
    return memo.setdefault(name, {})


def forget(name):
    """Drop what this request keeps under ``name``."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(name, None)


def connect_signals():
    """Start and end the memo with each request (called from ``home.signals.connect``, before its users)."""
    from django.core.signals import request_finished as finished
    from django.core.signals import request_started as started

    started.connect(request_started, dispatch_uid="request_memo_started")
    finished.connect(request_finished, dispatch_uid="request_memo_finished")
