"""What the public may see: the one rule behind every listing, card, feed, map, search, sitemap, export and download.

A page is **public** when it is live and no view restriction (password, login or groups) covers it, in any
language: not on the page, not on an ancestor, and not on any page of its translation group (the pages that
share its ``translation_key``, and the page it is an alias of or that is an alias of it). So the English
translation of a password-protected Thai case study is private too, even before ``home.privacy_mirror`` has
copied the restriction onto it.

Cost: one small query for the restricted paths (as Wagtail's own ``.public()``), then a condition with a
subquery inside the caller's query; nothing per page. With no restriction anywhere the caller's query is
only filtered on ``live``. While a request is served the restricted paths are read once and kept for that
request only (forgotten when a restriction or a page's place changes), so a page that asks several times,
menu, footer and listings, pays the query once.
"""

import threading

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

_request = threading.local()


def restricted_paths():
    """The paths of the pages that carry a restriction (read once per request)."""
    paths = getattr(_request, "paths", None)
    if paths is None:
        paths = frozenset(PageViewRestriction.objects.values_list("page__path", flat=True))
        if getattr(_request, "active", False):
            _request.paths = paths
    return paths


def request_started(**kwargs):
    _request.active, _request.paths = True, None


def request_finished(**kwargs):
    _request.active, _request.paths = False, None


def forget_restricted_paths(**kwargs):
    """A restriction was added, changed or removed, or a page moved: read the paths again."""
    _request.paths = None


def connect_signals():
    """Connect the per-request memo's receivers (called from ``HomeConfig.ready``)."""
    from django.core.signals import request_finished as finished
    from django.core.signals import request_started as started
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import post_page_move

    started.connect(request_started, dispatch_uid="visibility_request_started")
    finished.connect(request_finished, dispatch_uid="visibility_request_finished")
    for signal in (post_save, post_delete):
        signal.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid=f"visibility_{id(signal)}")
    post_page_move.connect(forget_restricted_paths, dispatch_uid="visibility_page_moved")


def restricted_q():
    """Pages covered by a restriction on themselves or an ancestor (``None`` when nothing is restricted)."""
    paths = restricted_paths()
    if not paths:
        return None
    q = Q()
    for path in sorted(paths):
        q |= Q(path__startswith=path)
    return q


def not_public_q():
    """Pages the public may not see because of a restriction in any language (``None`` when there is none)."""
    covered = restricted_q()
    if covered is None:
        return None
    restricted = Page.objects.filter(covered)
    # The groups of the restricted pages: their translation keys, and those of the pages they are aliases of ...
    grouped = Q(translation_key__in=restricted.values("translation_key")) | Q(
        translation_key__in=Page.objects.filter(pk__in=restricted.values("alias_of")).values("translation_key")
    )
    # ... and every alias of a page in those groups.
    return covered | grouped | Q(alias_of__in=Page.objects.filter(grouped).values("pk"))


def public_pages(queryset):
    """``queryset`` (of pages, any page model) narrowed to the pages the public may see."""
    queryset = queryset.live()
    hidden = not_public_q()
    return queryset if hidden is None else queryset.exclude(hidden)


def public_page_ids(page_ids):
    """The ids among ``page_ids`` of pages the public may see (one query when any restriction exists)."""
    page_ids = {pk for pk in page_ids if pk is not None}
    if not page_ids:
        return set()
    return set(public_pages(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))


def is_public(page):
    """May the public see ``page``? (False for ``None``.)"""
    if page is None or not page.live:
        return False
    return page.pk in public_page_ids([page.pk])
