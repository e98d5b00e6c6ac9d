"""The history of impact figures: who changed which value from what to what, and when.

Every write (admin create and edit, bulk marking, spreadsheet import) leaves one Wagtail log entry per changed
figure whose ``data["changes"]`` is ``{field: [old, new]}``; new figures have ``None`` as every old value.
Staff read them on each figure's History page and in the admin's site history report. An import writes its
entries in bulk (one insert per thousand figures), and all entries of one import share a ``uuid``.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter

CREATE = "impact.figure.create"
EDIT = "impact.figure.edit"
IMPORT = "impact.figure.import"
DELETE = "impact.figure.delete"

FIELDS = ["page", "indicator", "period_start", "period_end", "value", "baseline", "source", "is_illustrative"]


def _plain(value):
    """A JSON-friendly form of a field's value that compares equal when the value is the same."""
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal("0.01")), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def snapshot(figure):
    """``{field: value}`` of a figure; the unit and indicator by their slug and code (what staff type)."""
    values = {name: _plain(getattr(figure, name)) for name in FIELDS if name not in ("page", "indicator")}
    values["page"] = figure.page.slug if figure.page_id else None
    values["indicator"] = figure.indicator.code if figure.indicator_id else None
    return {name: values[name] for name in FIELDS}


def changes(before, after):
    """``{field: [old, new]}`` for every field that differs; ``before`` is ``None`` for a new figure, ``after``
    is ``None`` for a deleted one."""
    if before is None:
        return {name: [None, after[name]] for name in FIELDS if after[name] not in (None, "")}
    if after is None:
        return {name: [before[name], None] for name in FIELDS if before[name] not in (None, "")}
    return {name: [before[name], after[name]] for name in FIELDS if before[name] != after[name]}


def log_entries(pairs, action, user=None, extra=None, deleted=False):
    """Unsaved log entries for ``pairs`` of ``(snapshot before or None, saved figure)``; unchanged ones skipped.

    With ``deleted``, the figures are about to be deleted: every value goes from its snapshot to nothing.
    """
    from wagtail.models import ModelLogEntry

    from .models import ImpactFigure

    content_type = ContentType.objects.get_for_model(ImpactFigure)
    now = timezone.now()
    shared = uuid.uuid4()
    entries = []
    for before, figure in pairs:
        diff = changes(before, None if deleted else snapshot(figure))
        if not diff:
            continue
        entries.append(
            ModelLogEntry(
                content_type=content_type,
                object_id=str(figure.pk),
                label=str(figure)[:255],
                action=action,
                data={"changes": diff, **(extra or {})},
                timestamp=now,
                uuid=shared,
                user=user if user is not None and user.is_authenticated else None,
                content_changed=True,
                deleted=deleted,
            )
        )
    return entries


def record(pairs, action, user=None, extra=None, deleted=False):
    """Write the log entries of ``pairs`` (see ``log_entries``) in bulk; returns how many were written."""
    from wagtail.models import ModelLogEntry

    entries = log_entries(pairs, action, user, extra, deleted)
    ModelLogEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)


def _shown(value):
    if value is None or value == "":
        return "–"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)


def describe(diff):
    """``value: 50.00 → 55.00; baseline: – → 40.00`` in the reader's language (field names as in the form)."""
    from .models import ImpactFigure

    parts = []
    for name, (old, new) in diff.items():
        label = ImpactFigure._meta.get_field(name).verbose_name
        parts.append(f"{label}: {_shown(old)} → {_shown(new)}")
    return "; ".join(parts)


class FigureChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        message = describe(log_entry.data.get("changes", {}))
        file_name = log_entry.data.get("file")
        if file_name:
            return _("From %(file)s: %(changes)s") % {"file": file_name, "changes": message}
        return message


class FigureCreated(FigureChangeFormatter):
    label = gettext_lazy("Create figure")


class FigureEdited(FigureChangeFormatter):
    label = gettext_lazy("Change figure")


class FigureImported(FigureChangeFormatter):
    label = gettext_lazy("Import figure")


class FigureDeleted(FigureChangeFormatter):
    label = gettext_lazy("Delete figure")


def register_log_actions(actions):
    """For the ``register_log_actions`` hook."""
    actions.register_action(CREATE)(FigureCreated)
    actions.register_action(EDIT)(FigureEdited)
    actions.register_action(IMPORT)(FigureImported)
    actions.register_action(DELETE)(FigureDeleted)
