"""Translation state of one source object (page or snippet) in one target language: pure logic, no database.

A translation is *missing* (none, or only an alias of the source), *waiting for review* (its page is in a
workflow that a moderator has still to approve), *draft* (exists but not live),
*stale* (the source changed after its strings were last synced, or the strings were re-synced and the
translation not saved since) or *up to date*. ``home.translation_inventory`` gathers the timestamps
from the database; everything here works on plain values so it can be tested directly.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class State(StrEnum):
    """The states, in order of urgency (the order the status view sorts them in)."""

    MISSING = "missing"
    STALE = "stale"
    IN_REVIEW = "in_review"
    DRAFT = "draft"
    UP_TO_DATE = "up_to_date"

    @property
    def label(self):
        return STATE_LABELS[self]

    @property
    def rank(self):
        return list(State).index(self)


STATE_LABELS = {
    State.MISSING: _("Missing"),
    State.STALE: _("Out of date"),
    State.IN_REVIEW: _("Waiting for review"),
    State.DRAFT: _("Not yet published"),
    State.UP_TO_DATE: _("Up to date"),
}


def classify(
    *,
    translation_exists,
    translation_live=True,
    source_changed_at=None,
    synced_at=None,
    translated_at=None,
    translation_published_at=None,
    in_review=False,
):
    """The ``State`` of a translation from plain facts.

    ``source_changed_at``: when the source's content last changed (its last publication for pages).
    ``synced_at``: when wagtail-localize last extracted the source's strings (TranslationSource.last_updated_at).
    ``translated_at``: when the translation was last saved from those strings (latest TranslationLog).
    ``translation_published_at``: the translation's own last publication, used when it was never synced
    through wagtail-localize (a translation edited by hand).
    ``in_review``: the translation's page has a workflow in progress (submitted, not yet approved).
    """
    if not translation_exists:
        return State.MISSING
    if in_review:
        return State.IN_REVIEW
    if not translation_live:
        return State.DRAFT
    reference = synced_at or translation_published_at
    if source_changed_at and reference and source_changed_at > reference:
        return State.STALE
    if synced_at and translated_at and synced_at > translated_at:
        return State.STALE
    return State.UP_TO_DATE


@dataclass
class Row:
    """One line of the translation-status view: a source object and its translation's state."""

    kind: str
    kind_label: str
    title: str
    source_edit_url: str
    state: State
    translation_url: str
    language: str = ""
    source_live: bool = True
    source_changed_at: datetime | None = None
    synced_at: datetime | None = None
    translation_title: str = ""
    extra: dict = field(default_factory=dict)


def count_states(rows):
    """``{State: number of rows}`` for every state, zeros included, in order of urgency."""
    counts = dict.fromkeys(State, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


_EPOCH = datetime.min


def _naive(moment):
    return moment.replace(tzinfo=None) if moment else _EPOCH


SORT_KEYS = {
    "title": lambda row: (row.title.casefold(), row.kind),
    "kind": lambda row: (str(row.kind_label).casefold(), row.title.casefold()),
    "state": lambda row: (row.state.rank, row.title.casefold()),
    "changed": lambda row: (_naive(row.source_changed_at), row.title.casefold()),
    "synced": lambda row: (_naive(row.synced_at), row.title.casefold()),
}
DEFAULT_ORDERING = "state"


def normalise_ordering(ordering):
    """A valid ordering (``key`` or ``-key``); anything unknown falls back to the default."""
    if ordering and ordering.lstrip("-") in SORT_KEYS:
        return ordering
    return DEFAULT_ORDERING


def sort_rows(rows, ordering):
    """Rows sorted by ``ordering`` (a ``SORT_KEYS`` key, ``-`` for descending; unknown keys: by state)."""
    ordering = normalise_ordering(ordering)
    return sorted(rows, key=SORT_KEYS[ordering.lstrip("-")], reverse=ordering.startswith("-"))


def filter_rows(rows, *, state=None, kind=None, query=None):
    """Rows in ``state``, of ``kind`` and whose title or translation title contains ``query`` (case-insensitive)."""
    needle = (query or "").strip().casefold()
    return [
        row
        for row in rows
        if (not state or row.state == state)
        and (not kind or row.kind == kind)
        and (not needle or needle in row.title.casefold() or needle in row.translation_title.casefold())
    ]
