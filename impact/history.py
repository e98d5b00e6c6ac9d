"""The history of impact figures: who changed which value from what to what, and when.

Every write (admin create and edit, bulk marking, spreadsheet import) leaves one Wagtail log entry per changed
figure whose ``data["changes"]`` is ``{field: [old, new]}``; new figures have ``None`` as every old value.
Staff read them on each figure's History page and in the admin's site history report. An import writes its
entries in bulk (one insert per thousand figures), and all entries of one import share a ``uuid``.
"""

import datetime
import json
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

FIELDS = ["page", "group", "indicator", "period_start", "period_end", "value", "baseline", "source", "status", "review"]
# Fields of older entries that the model no longer has, with their label (the status replaced the flag).
FORMER_FIELDS = {"is_illustrative": gettext_lazy("illustrative")}


def _plain(value):
    """A JSON-friendly form of a field's value that compares equal when the value is the same."""
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal("0.01")), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


# The fields logged as they are (the others name the unit, group and indicator).
VALUE_FIELDS = [name for name in FIELDS if name not in ("page", "group", "indicator")]


def snapshot(figure):
    """``{field: value}`` of a figure; the unit and indicator by their slug and code (what staff type)."""
    return snapshot_of(
        {name: getattr(figure, name) for name in VALUE_FIELDS},
        page=figure.page.slug if figure.page_id else None,
        group=f"{figure.group.name} (#{figure.group_id})" if figure.group_id else None,
        indicator=figure.indicator.code if figure.indicator_id else None,
    )


def snapshot_of(values, page, group, indicator):
    """``snapshot`` from a figure's ``values`` (``{field: value}`` of ``VALUE_FIELDS``, e.g. a ``values()`` row)
    and the names of its unit, group and indicator: no model instance needed."""
    named = {"page": page, "group": group, "indicator": indicator}
    return {name: named[name] if name in named else _plain(values[name]) for name in FIELDS}


def changes(before, after):
    """``{field: [old, new]}`` for every field that differs; ``before`` is ``None`` for a new figure, ``after``
    is ``None`` for a deleted one."""
    if before is None:
        return {name: [None, after[name]] for name in FIELDS if after[name] not in (None, "")}
    if after is None:
        return {name: [before[name], None] for name in FIELDS if before[name] not in (None, "")}
    return {name: [before[name], after[name]] for name in FIELDS if before[name] != after[name]}


def log_entries(pairs, action, user=None, extra=None, deleted=False):
    """``{column: value}`` rows of the log entries for ``pairs`` of ``(snapshot before or None, saved figure)``;
    figures whose values did not change get none.

    With ``deleted``, the figures are about to be deleted: every value goes from its snapshot to nothing.
    """
    from .models import ImpactFigure

    common = {
        "content_type_id": ContentType.objects.get_for_model(ImpactFigure).pk,
        "action": action,
        "timestamp": timezone.now(),
        "uuid": uuid.uuid4(),
        "user_id": user.pk if user is not None and user.is_authenticated else None,
        "revision_id": None,
        "content_changed": True,
        "deleted": deleted,
    }
    entries = []
    for before, figure in pairs:
        diff = changes(before, None if deleted else snapshot(figure))
        if diff:
            entries.append(
                {
                    **common,
                    "object_id": str(figure.pk),
                    "label": str(figure),
                    "data": {"changes": diff, **(extra or {})},
                }
            )
    return entries


# COPY's text format: a backslash starts an escape; tabs and line ends separate columns and rows.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """``value`` as a column of a line of ``COPY … FROM STDIN`` (text format)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return str(value).translate(_COPY_ESCAPES)


def record(pairs, action, user=None, extra=None, deleted=False):
    """Write the log entries of ``pairs`` (see ``log_entries``); returns how many were written.

    Without building a model instance per entry (an import of a year's spreadsheet logs over ten thousand figures,
    and the ORM's ``bulk_create`` would spend most of the import's time preparing them): on PostgreSQL by COPY,
    elsewhere one multi-row statement per thousand entries.
    """
    from django.db import connections, router

    from wagtail.models import ModelLogEntry

    entries = log_entries(pairs, action, user, extra, deleted)
    if not entries:
        return 0
    connection = connections[router.db_for_write(ModelLogEntry)]
    columns = list(entries[0])
    fields = {name: ModelLogEntry._meta.get_field(name) for name in columns}  # names or attnames
    data_field = fields["data"]
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        # COPY: the rows stream to the server without a statement to parse (a multi-row INSERT spent over half of
        # a year's import in PostgreSQL parsing and psycopg splitting twelve thousand parameters). The rows are
        # written as COPY's text, a line per entry made here: psycopg's per-row formatting (and a JSON adapter
        # per entry) was the slowest part of saving a year's import.
        copy_sql = "COPY {} ({}) FROM STDIN".format(  # names from the model
            quote(ModelLogEntry._meta.db_table), ", ".join(quote(fields[name].column) for name in columns)
        )
        common = {name: _copy_text(entries[0][name]) for name in columns}
        encoder = data_field.encoder

        def line(entry):
            values = dict(
                common,
                object_id=_copy_text(entry["object_id"]),
                label=_copy_text(entry["label"]),
                data=_copy_text(json.dumps(entry["data"], cls=encoder)),
            )
            return "\t".join(values[name] for name in columns) + "\n"

        with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
            for start in range(0, len(entries), 1000):
                copy.write("".join(line(entry) for entry in entries[start : start + 1000]))
        return len(entries)
    prepared = {name: fields[name].get_db_prep_save(entries[0][name], connection) for name in columns}
    head = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608 - names from the model, values as parameters
        quote(ModelLogEntry._meta.db_table), ", ".join(quote(fields[name].column) for name in columns)
    )
    placeholders = "({})".format(", ".join(["%s"] * len(columns)))

    def row(entry):
        # Only the object, its label and the changes differ between entries; the rest is prepared once.
        values = dict(prepared, object_id=entry["object_id"], label=entry["label"])
        values["data"] = data_field.get_db_prep_save(entry["data"], connection)
        return [values[name] for name in columns]

    per_statement = min(1000, (connection.features.max_query_params or 10**6) // len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(entries), per_statement):
            batch = entries[start : start + per_statement]
            cursor.execute(head + ", ".join([placeholders] * len(batch)), [v for entry in batch for v in row(entry)])
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
        if name in FORMER_FIELDS:
            label = FORMER_FIELDS[name]
        else:
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
