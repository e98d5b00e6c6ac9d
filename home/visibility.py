"""What the public may see: the one rule behind every listing, card, feed, map, search, sitemap, export and download.

A page is **public** when it is live and no view restriction (password, login or groups) covers it, in any
language: not on the page, not on an ancestor, and not on any page of its translation group (the pages that
share its ``translation_key``, and the page it is an alias of or that is an alias of it). So the English
translation of a password-protected Thai case study is private too, even before ``home.privacy_mirror`` has
copied the restriction onto it.

Cost: one small query for the restricted paths (as Wagtail's own ``.public()``), then a condition with a
subquery inside the caller's query; nothing per page. With no restriction anywhere the caller's query is
only filtered on ``live``.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


def restricted_q():
    """Pages covered by a restriction on themselves or an ancestor (``None`` when nothing is restricted)."""
    paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
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
    return (
        covered
        | Q(translation_key__in=restricted.values("translation_key"))
        | Q(alias_of__in=restricted.values("pk"))
        | Q(pk__in=restricted.filter(alias_of__isnull=False).values("alias_of"))
    )


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
