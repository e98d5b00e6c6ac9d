"""Writing figures: an import saved all-or-nothing with one upsert, and bulk marking, each logged and purged once.

Figures are rows of their own (not part of the case study page), so no page revision is read or written here.
Writers for the same unit take turns: each transaction first locks the unit's page row (in page order, so two
imports never deadlock), then reads the old values for the history, then upserts on the unique constraint
(unit, indicator, period). Page publishing never touches figures, so it cannot undo an import.

Every write ends with ``figures_changed`` (a signal calls it for each saved or deleted figure, bulk writes call it
themselves): once per transaction, however many rows, the app caches are purged (one generation bump:
``home.page_cache`` keeps no finer record) and an HTTP cache in front is told to drop the pages that show the
figures, not the whole site (``pages_showing_figures``).
"""

from django.conf import settings
from django.db import models, transaction

from wagtail.models import Page

from casestudies.models import CaseStudyPage
from home import http_cache
from home.models import HomePage
from home.page_cache import bump_generation

from . import figure_sums, history
from .models import ImpactDashboardPage, ImpactFigure, Indicator

KEY_FIELDS = ["page", "indicator", "period_start", "period_end"]
VALUE_FIELDS = ["value", "baseline", "source", "status"]
BATCH_SIZE = 1000


def source_units():
    """Every Thai case study page (live or not, never an alias) by slug: the units figures belong to."""
    return {
        p.slug: p
        for p in CaseStudyPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
        ).defer_streamfields()
    }


def source_indicators():
    """Thai (source) indicators by code."""
    return {i.code: i for i in Indicator.objects.filter(locale__language_code=settings.LANGUAGE_CODE)}


def lock_units(page_ids):
    """Lock the units' page rows until the transaction ends (no-op on SQLite, which has one writer anyway)."""
    list(Page.objects.select_for_update().filter(pk__in=page_ids).order_by("pk").values_list("pk"))


def pages_showing_figures(page_ids):
    """The live pages whose HTML or downloads show figures of the units ``page_ids`` (their Thai pages):

    - those units' case studies in every language;
    - the impact dashboards (overview, indicator pages, compare, figures.csv/json, datapackage: their cached paths);
    - the home pages (their headline figures).
    """
    units = CaseStudyPage.objects.filter(pk__in=page_ids).values("translation_key")
    return [
        *CaseStudyPage.objects.live().filter(translation_key__in=units).defer_streamfields(),
        *ImpactDashboardPage.objects.live(),
        *HomePage.objects.live(),
    ]


class _PendingPurge:
    """The units (and whether network groups) whose figures one transaction changed: purged once, after commit."""

    def __init__(self, connection):
        self.connection = connection
        self.page_ids = set()

    def run(self):
        if getattr(self.connection, "odf_pending_figure_purge", None) is self:
            self.connection.odf_pending_figure_purge = None
        bump_generation()
        page_ids = sorted(self.page_ids)
        http_cache.purge_pages(lambda: pages_showing_figures(page_ids))


def figures_changed(page_ids=()):
    """After figures of the units ``page_ids`` (none: only network groups' figures) are written: purge the caches
    that show them once the transaction commits, once per transaction however many writes call this (every save
    and deletion of a figure does, by a signal; bulk writes call it themselves)."""
    connection = transaction.get_connection()
    pending = getattr(connection, "odf_pending_figure_purge", None)
    # A pending purge whose transaction rolled back is no longer among the callbacks: start a new one.
    if pending is None or not any(entry[1] == pending.run for entry in connection.run_on_commit):
        pending = connection.odf_pending_figure_purge = _PendingPurge(connection)
        pending.page_ids.update(page_id for page_id in page_ids if page_id)
        transaction.on_commit(pending.run)  # runs at once outside a transaction
    else:
        pending.page_ids.update(page_id for page_id in page_ids if page_id)


def figure_written(sender, instance, using="default", **kwargs):
    """``post_save`` / ``post_delete`` of a figure, whoever writes it (the admin, a shell, a loader): its sums are
    recomputed (``figure_sums``; in autocommit, right after the write) and the caches purged."""
    if not kwargs.get("raw"):
        figure_sums.figure_written(instance, using)
    figures_changed([instance.page_id])


def _key(figure):
    return (figure.page_id, figure.indicator_id, figure.period_start, figure.period_end)


def _upsert(figures):
    """Insert ``figures`` or update the existing ones with the same key (unit, indicator, period); the pk of each
    inserted or changed figure is set on it. On PostgreSQL one statement over arrays (``unnest``), which writes
    only the figures whose values differ; elsewhere the ORM's ``bulk_create`` in batches."""
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        # Django's own ``bulk_create``, not the figures' (which refreshes ``FigureSum``): the caller refreshes once.
        models.QuerySet.bulk_create(
            ImpactFigure.objects.all(),
            figures,
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=KEY_FIELDS,
            update_fields=VALUE_FIELDS,
        )
        return
    meta = ImpactFigure._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name) for name in KEY_FIELDS + VALUE_FIELDS + ["group", "review"]]
    names = [quote(column.column) for column in columns]
    keys = names[: len(KEY_FIELDS)]
    updated = names[len(KEY_FIELDS) : len(KEY_FIELDS) + len(VALUE_FIELDS)]
    table = quote(meta.db_table)
    sql = (  # noqa: S608 - names from the model, values as parameters
        "INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) "
        "ON CONFLICT ({keys}) DO UPDATE SET {sets} WHERE ({old}) IS DISTINCT FROM ({new}) "
        "RETURNING {pk}, {keys}"
    ).format(
        table=table,
        names=", ".join(names),
        arrays=", ".join(f"%s::{column.db_type(connection)}[]" for column in columns),
        keys=", ".join(keys),
        sets=", ".join(f"{name} = EXCLUDED.{name}" for name in updated),
        old=", ".join(f"{table}.{name}" for name in updated),
        new=", ".join(f"EXCLUDED.{name}" for name in updated),
        pk=quote(meta.pk.column),
    )
    attnames = [column.attname for column in columns]
    by_key = {_key(figure): figure for figure in figures}
    with connection.cursor() as cursor:
        cursor.execute(sql, [[getattr(figure, name) for figure in figures] for name in attnames])
        for pk, *key in cursor.fetchall():
            by_key[tuple(key)].pk = pk


def save_figures(values, user=None, file_name=""):
    """Create or update the figures in ``values`` (clean rows from ``importing.check_rows``) in one transaction.

    A figure is identified by unit, indicator and period, so importing the same period again updates it.
    A fixed number of queries whatever the number of rows; the caches that show the figures are purged once, after commit.
    Returns ``(created, updated)``: updated counts rows that existed, whether or not a value changed.
    """
    if not values:
        return 0, 0
    with transaction.atomic():
        units = source_units()
        indicators = source_indicators()
        figures = sorted(
            (
                ImpactFigure(
                    page=units[row["unit_slug"]],
                    indicator=indicators[row["indicator_code"]],
                    period_start=row["period_start"],
                    period_end=row["period_end"],
                    value=row["value"],
                    baseline=row["baseline"],
                    status=row["status"],
                    source=row["source"],
                )
                for row in values
            ),
            key=_key,
        )
        page_ids = sorted({figure.page_id for figure in figures})
        lock_units(page_ids)
        slugs = {page.pk: page.slug for page in units.values()}
        codes = {indicator.pk: indicator.code for indicator in indicators.values()}
        # The old values of the figures this file replaces: only the file's units, indicators and span of periods
        # are read, so an import does not slow down as earlier years pile up; as plain values, not model instances.
        keys = {_key(figure) for figure in figures}
        before = {}
        for old in ImpactFigure.objects.filter(
            page_id__in=page_ids,
            indicator_id__in={figure.indicator_id for figure in figures},
            period_start__range=(min(f.period_start for f in figures), max(f.period_start for f in figures)),
        ).values("page_id", "indicator_id", *history.VALUE_FIELDS):
            key = (old["page_id"], old["indicator_id"], old["period_start"], old["period_end"])
            if key in keys:
                # A unit's figure has no group (a database constraint); its indicator is one of the file's.
                before[key] = history.snapshot_of(
                    old, page=slugs[old["page_id"]], group=None, indicator=codes[old["indicator_id"]]
                )
        _upsert(figures)
        figure_sums.refresh(figure_sums.keys_of(figures))
        history.record(
            [(before.get(_key(figure)), figure) for figure in figures],
            history.IMPORT,
            user,
            extra={"file": file_name} if file_name else None,
        )
        figures_changed(page_ids)
    updated = sum(1 for figure in figures if _key(figure) in before)
    return len(figures) - updated, updated


def set_status(figures, status, user=None):
    """Give ``figures`` the ``status`` (illustrative, reported or verified), with one history entry per changed
    figure."""
    with transaction.atomic():
        ids = [figure.pk for figure in figures]
        lock_units(sorted({figure.page_id for figure in figures}))
        current = list(
            ImpactFigure.objects.filter(pk__in=ids).exclude(status=status).select_related("page", "indicator")
        )
        pairs = [(history.snapshot(figure), figure) for figure in current]
        for figure in current:
            figure.status = status
        ImpactFigure.objects.filter(pk__in=[figure.pk for figure in current]).update(status=status)
        history.record(pairs, history.EDIT, user)
        figures_changed(figure.page_id for figure in current)
    return len(current)


def delete_figures(figures, user=None):
    """Delete ``figures``, keeping their last values in the history; the caches that show them are purged once."""
    with transaction.atomic():
        ids = [figure.pk for figure in figures]
        lock_units(sorted({figure.page_id for figure in figures}))
        current = list(ImpactFigure.objects.filter(pk__in=ids).select_related("page", "indicator"))
        history.record([(history.snapshot(figure), figure) for figure in current], history.DELETE, user, deleted=True)
        ImpactFigure.objects.filter(pk__in=[figure.pk for figure in current])._raw_delete(ImpactFigure.objects.db)
        figure_sums.refresh(figure_sums.keys_of(current))
        figures_changed(figure.page_id for figure in current)
    return len(current)
