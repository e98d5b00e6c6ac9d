"""Thai-aware site search on Wagtail's database backend: what goes into the index, and how a query is run.

Why index-field preprocessing and not a custom search backend: Wagtail's database backend already
does everything else right on SQLite (FTS5) and PostgreSQL (tsvector) — index upkeep on publish,
unpublish and delete, ``update_index``, ranking, locale and live filters. Its only failure is that
it cannot see Thai words. Handing it a word-segmented copy of each text (``home.thai_text``) and a
segmented query fixes that with no backend code to maintain, and works the same on both databases.

- Index side: page models inherit ``SegmentedSearchMixin``; each of their ``index.SearchField``
  entries (title included) then indexes the segmented copy instead of the raw text.
- Query side: ``search_pages`` segments the query the same way (cached), searches the reader's
  locale only (live, public, real translations: no untranslated aliases), and ranks pages whose
  title matches above pages that match only in their body. It writes nothing to the database.
- Result snippets come from the text stored in the index (one query for a page of results, whatever
  the page types), turned back into readable text and highlighted.
"""

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.models import IndexEntry

from . import compiled_sql, thai_text
from .translations import relative_page_url
from .visibility import public_pages

MAX_RESULTS = 500
SNIPPET_LENGTH = 220
SNIPPET_LEAD = 60


def stream_text(block, value):
    """The searchable strings of a stream value, leaving out choice labels ("Section heading (H2)")."""
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in stream_text(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in stream_text(child, value.get(name))]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in stream_text(block.child_block, item)]
    return block.get_searchable_content(value)


class SegmentedSearchField(index.SearchField):
    """A ``SearchField`` that indexes the Thai-segmented copy of its value (same name, same boost)."""

    @classmethod
    def from_field(cls, field):
        return cls(field.field_name, boost=field.boost, **field.kwargs)

    def get_value(self, obj):
        try:
            model_field = self.get_field(obj.__class__)
        except Exception:  # noqa: BLE001 - a method or property, not a model field
            model_field = None
        if isinstance(model_field, StreamField):
            value = stream_text(model_field.stream_block, model_field.value_from_object(obj))
        else:
            value = super().get_value(obj)
        return thai_text.index_text(" ".join(_strings(value)))


def _strings(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return [str(value)]


class SegmentedSearchMixin:
    """Put first in a page model's bases to make its search fields Thai-aware.

    Every plain ``index.SearchField`` of the model (title, intro, body ...) is indexed as a segmented
    copy. To segment only some fields, list their names in ``segmented_search_fields``.
    """

    segmented_search_fields = None

    @classmethod
    def get_search_fields(cls):
        return segmented(super().get_search_fields(), cls.segmented_search_fields)


def segmented(fields, wanted=None):
    """``fields`` with each plain ``SearchField`` (also inside ``RelatedFields``) made a ``SegmentedSearchField``."""
    out = []
    for field in fields:
        if type(field) is index.SearchField and (wanted is None or field.field_name in wanted):
            field = SegmentedSearchField.from_field(field)
        elif isinstance(field, index.RelatedFields):
            field = index.RelatedFields(field.field_name, segmented(field.fields))
        out.append(field)
    return out


@dataclass
class Kind:
    key: str  # "app_label.model", the value of the ?kind= filter
    label: str
    count: int


@dataclass
class Result:
    page: Page
    url: str
    kind: str
    title_html: str
    snippet_html: str


def kind_of(app_label, model_name):
    """``("home.standardpage", "Standard page")``: a content type's ``?kind=`` value and label."""
    try:
        label = capfirst(apps.get_model(app_label, model_name)._meta.verbose_name)
    except LookupError:  # a page type no longer installed
        label = model_name
    return f"{app_label}.{model_name}", label


def page_kind(page):
    """``kind_of`` a page whose content type is loaded."""
    return kind_of(page.content_type.app_label, page.content_type.model)


def _aliases():
    """The ids of every alias page (an untranslated copy kept in step with its source by wagtail-localize)."""
    return Page.objects.filter(alias_of__isnull=False).order_by().values("pk")


def _matching(terms, language_code):
    """The search over public pages (``home.visibility``) in ``language_code``, real translations only (no
    untranslated aliases), before any slice."""
    # The public rule narrows the searched pages themselves (PostgreSQL reads each page row once and keeps the
    # matching ones; a subquery of public ids read every page twice more: issue 22). The search backend filters
    # only on indexed fields, and ``alias_of`` is not one: the aliases go in as a subquery of ids, its SQL compiled
    # once (``home.compiled_sql``).
    in_language = Page.objects.filter(locale__in=Locale.objects.filter(language_code=language_code))
    aliases, params = compiled_sql.sql("search-aliases", _aliases)
    pages = public_pages(in_language).exclude(pk__in=RawSQL(aliases, params))  # noqa: S611 - SQL of our own queryset
    return pages.search(" ".join(terms), operator="and")


def search_pages(query, language_code):
    """Public pages in ``language_code`` that match ``query``, title matches first: the best ``MAX_RESULTS``."""
    return [hit.page() for hit in search_matches(query, language_code)[0]]


# What a match carries (``Hit``): enough to rank it, count its kind and, for the page of results shown, to make the
# ``Page`` its result links to, without loading every matching page as a model (the cost of a common word at
# programme scale: issue 22).
HIT_FIELDS = ("id", "title", "slug", "url_path", "search_description", "locale_id", "path", "depth", "content_type_id")


def _hit_fields():
    """``HIT_FIELDS`` in the model's order, as ``Model.from_db`` reads values."""
    return [field.attname for field in Page._meta.concrete_fields if field.attname in HIT_FIELDS]


class Hit(NamedTuple):
    """A matching page: its id and title, its content type's natural key, and its ``_hit_fields()`` values (a tuple:
    made for every match, quicker than a class that sets its attributes one by one)."""

    pk: int
    title: str
    content_type_id: int
    app_label: str
    model: str
    values: tuple

    @property
    def kind(self):
        """The ``?kind=`` value of its page type (``kind_of``), made without a model or a query."""
        return f"{self.app_label}.{self.model}"

    @property
    def content_type(self):
        return ContentType(id=self.content_type_id, app_label=self.app_label, model=self.model)

    def page(self):
        """The ``Page`` with only ``HIT_FIELDS`` loaded and its content type set (no query)."""
        page = Page.from_db(router.db_for_read(Page), _hit_fields(), self.values)
        page.content_type = self.content_type
        return page


def search_matches(query, language_code):
    """``(hits, total)``: the best ``MAX_RESULTS`` matching pages as ``Hit``, title matches first, and how many
    pages match in all (counted only when there are more than are listed: one more query). Only the rows' few
    columns are read, no model is made (``Hit.page`` makes one for each result shown)."""
    terms = thai_text.query_terms(query)
    if not terms:
        return [], 0
    matching = _matching(terms, language_code)
    fields = _hit_fields()
    pk, title, content_type = (fields.index(name) for name in ("id", "title", "content_type_id"))
    rows = matching[:MAX_RESULTS].get_queryset().values_list(*fields, "content_type__app_label", "content_type__model")
    found = [Hit(row[pk], row[title], row[content_type], row[-2], row[-1], row[:-2]) for row in rows]
    total = len(found) if len(found) < MAX_RESULTS else matching.count()
    ranked = sorted(enumerate(found), key=lambda item: (-title_hits(item[1].title, terms), item[0]))
    return [hit for _position, hit in ranked], total


def title_hits(title, terms):
    """How many of the query terms occur in a title."""
    return sum(1 for term in terms if thai_text.match_spans(title, (term,)))


def kinds_of(hits):
    """The page kinds among ``hits`` (``Hit``) with their counts, most frequent first: a label looked up once per
    kind, not once per hit."""
    counts = Counter((hit.app_label, hit.model) for hit in hits)
    kinds = [Kind(*kind_of(app_label, model_name), count) for (app_label, model_name), count in counts.items()]
    return sorted(kinds, key=lambda kind: (-kind.count, str(kind.label)))


def indexed_bodies(pages):
    """The body text stored in the search index for each page, by page id (one query)."""
    if not pages:
        return {}
    column = "body_text" if connections[router.db_for_read(IndexEntry)].vendor == "postgresql" else "body"
    wanted = {(page.content_type_id, str(page.pk)) for page in pages}
    # By content type too, so that the (content type, object id) index finds the rows.
    rows = IndexEntry.objects.filter(
        content_type_id__in={key[0] for key in wanted}, object_id__in=[key[1] for key in wanted]
    ).values_list("content_type_id", "object_id", column)
    return {
        int(object_id): text or ""
        for content_type_id, object_id, text in rows
        if (content_type_id, object_id) in wanted
    }


def highlight(text, spans, start=0, end=None):
    """HTML of ``text[start:end]`` with each span wrapped in ``<mark>``; every piece of text is escaped."""
    end = len(text) if end is None else end
    out = []
    position = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return mark_safe("".join(out))  # noqa: S308 - built only from escaped text and our own <mark> tags


def snippet(stored, terms, fallback=""):
    """A short, highlighted passage of an indexed text around its first match (the start if none)."""
    text, breaks = thai_text.display_text_with_breaks(stored)
    if not text.strip():
        text, breaks = fallback, []
    spans = thai_text.match_spans(text, terms)
    first = spans[0][0] if spans else 0
    before = bisect_right(breaks, first - SNIPPET_LEAD)  # breaks are in order: the last one at or before
    start = breaks[before - 1] if before else 0
    if start and first - start > SNIPPET_LENGTH // 2:
        start = max(0, first - SNIPPET_LEAD)
    after = bisect_left(breaks, start + SNIPPET_LENGTH)  # ... and the first one at or after
    end = breaks[after] if after < len(breaks) else len(text)
    if end - start > SNIPPET_LENGTH * 1.5:
        end = start + SNIPPET_LENGTH
    html = highlight(text, spans, start, end).strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - html is escaped by highlight()


def describe(pages, terms, request):
    """Display data for one page of results: URL, kind, highlighted title and snippet (one query)."""
    bodies = indexed_bodies(pages)
    results = []
    for page in pages:
        _key, label = page_kind(page)
        results.append(
            Result(
                page=page,
                url=relative_page_url(page, request),
                kind=label,
                title_html=highlight(page.title, thai_text.match_spans(page.title, terms)),
                snippet_html=snippet(bodies.get(page.pk, ""), terms, fallback=page.search_description),
            )
        )
    return results
