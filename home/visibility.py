"""What the public may see: the one rule behind every listing, card, feed, map, search, sitemap, export and download.

A page is **public** when it is live and no view restriction (password, login or groups) covers it, in any
language: not on the page, not on an ancestor, and not on any page of its translation group (the pages that
share its ``translation_key``, and the page it is an alias of or that is an alias of it). So the English
translation of a password-protected Thai case study is private too, even before ``home.privacy_mirror`` has
copied the restriction onto it.

Cost: two small queries, the restricted paths and then the ids of every page they hide (the restricted
pages, their descendants and their translation groups), read once per request and kept for that request
only (forgotten when a restriction changes, a page moves or a page is added). Each caller's own query then
just leaves those ids out; nothing per page. With no restriction anywhere, one query and only ``live``.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from . import compiled_sql, request_memo

MEMO = "hidden_page_ids"


def forget_hidden_pages(**kwargs):
    """A restriction was added, changed or removed, or a page moved or was added: work the hidden pages out again."""
    request_memo.forget(MEMO)


def _page_saved(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page):
        forget_hidden_pages()


def connect_signals():
    """Connect the per-request memo's receivers and let Wagtail's restriction check use the memo (called from
    ``home.signals.connect``)."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import post_page_move

    for signal in (post_save, post_delete):
        signal.connect(forget_hidden_pages, sender=PageViewRestriction, dispatch_uid=f"visibility_{id(signal)}")
    post_save.connect(_page_saved, dispatch_uid="visibility_page_added")
    post_page_move.connect(forget_hidden_pages, dispatch_uid="visibility_page_moved")
    _skip_restriction_queries_when_none_exist()


def _skip_restriction_queries_when_none_exist():
    """Wagtail checks each served page's restrictions with two queries (the ancestors, then their restrictions).
    When nothing is restricted anywhere (``hidden_page_ids()`` is empty exactly then: a restricted page always
    hides itself), the answer is known from this request's memo: no restriction, no query."""
    if getattr(Page.get_view_restrictions, "uses_visibility_memo", False):
        return
    read = Page.get_view_restrictions

    def get_view_restrictions(self):
        if not hidden_page_ids():
            none = PageViewRestriction.objects.none()
            none._result_cache = []  # known empty: iterating it (every page served) compiles no SQL
            return none
        return read(self)

    get_view_restrictions.uses_visibility_memo = True
    get_view_restrictions.__doc__ = read.__doc__
    Page.get_view_restrictions = get_view_restrictions


def _restricted_paths():
    return PageViewRestriction.objects.order_by().values_list("page__path")


def restricted_q():
    """Pages covered by a restriction on themselves or an ancestor (``None`` when nothing is restricted)."""
    paths = {path for (path,) in compiled_sql.rows("restricted-paths", _restricted_paths)}
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


def hidden_page_ids():
    """The ids of every page the public may not see because of a restriction (kept for the current request)."""
    memo = request_memo.kept(MEMO)
    ids = memo.get("ids") if memo is not None else None
    if ids is None:
        hidden = not_public_q()
        ids = frozenset() if hidden is None else frozenset(Page.objects.filter(hidden).values_list("pk", flat=True))
        if memo is not None:
            memo["ids"] = ids
    return ids


def public_pages(queryset, hidden=None):
    """``queryset`` (of pages, any page model) narrowed to the pages the public may see; ``hidden``: the ids
    ``hidden_page_ids()`` gives, when the caller has them (SQL compiled once with stand-ins, ``home.compiled_sql``)."""
    queryset = queryset.live()
    hidden = hidden_page_ids() if hidden is None else hidden
    return queryset.exclude(pk__in=hidden) if hidden else queryset


def public_page_ids(page_ids):
    """The ids among ``page_ids`` of pages the public may see."""
    page_ids = {pk for pk in page_ids if pk is not None}
    if not page_ids:
        return set()
    return set(public_pages(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))


def is_public(page):
    """May the public see ``page``? (False for ``None``.)"""
    if page is None or not page.live:
        return False
    return page.pk in public_page_ids([page.pk])
