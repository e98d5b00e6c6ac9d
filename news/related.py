"""The pages and snippets a news item links to, in the reader's language, with one query for each kind.

``home.localisation`` does the same in two queries (the linked objects, then their language versions); here the
linked objects and the versions of their translation groups come back together, each row marked whether the news
links it. The answers are the same: each linked object swapped for its version in the locale, in the linked
objects' order, and for pages only those the public may see (``home.visibility``).

A relation still held in memory (a preview of an unsaved revision) is not a query set: ``home.localisation``
answers for it as before.
"""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from home.localisation import in_locale, public_in_locale
from home.visibility import hidden_page_ids


def _with_links_marked(linked, rows):
    return rows.annotate(is_linked=ExpressionWrapper(Q(pk__in=linked.values("pk")), output_field=BooleanField()))


def snippets_in_locale(linked, locale):
    """``in_locale(linked, locale)`` for translatable snippets: the version in ``locale`` of each linked one."""
    if not isinstance(linked, QuerySet):
        return in_locale(linked, locale)
    locale_id = getattr(locale, "pk", locale)
    group = linked.model.objects.filter(
        Q(pk__in=linked.values("pk")) | Q(locale_id=locale_id, translation_key__in=linked.values("translation_key"))
    )
    rows = list(_with_links_marked(linked, group))  # in the model's own order, as ``linked``
    found = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    return _unique(found.get(row.translation_key, row) for row in rows if row.is_linked)


def pages_in_locale(linked, locale):
    """``public_in_locale(linked, locale)``: the public version in ``locale`` of each linked page (the page itself
    where there is none; left out where the public may see neither), in the linked pages' tree order, without their
    stream fields."""
    if not isinstance(linked, QuerySet):
        return public_in_locale(linked, locale)
    locale_id = getattr(locale, "pk", locale)
    group = linked.model.objects.filter(translation_key__in=linked.values("translation_key")).defer_streamfields()
    rows = list(_with_links_marked(linked, group).order_by("path"))
    hidden = hidden_page_ids()
    visible = [row for row in rows if row.live and row.pk not in hidden]
    found = {row.translation_key: row for row in visible if row.locale_id == locale_id and row.alias_of_id is None}
    visible_ids = {row.pk for row in visible}
    return _unique(
        found.get(row.translation_key, row)
        for row in rows
        if row.is_linked and (row.translation_key in found or row.pk in visible_ids)
    )


def _unique(objects):
    """``objects`` in order, each once (two linked versions of one group give the same version in the locale)."""
    seen, unique = set(), []
    for obj in objects:
        if obj.pk not in seen:
            seen.add(obj.pk)
            unique.append(obj)
    return unique
