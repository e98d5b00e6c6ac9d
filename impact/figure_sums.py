"""Keeping ``FigureSum`` (the learning units' accepted figures summed per indicator and period) up to date.

Every write of figures recomputes, in its transaction, the sums of the keys (indicator, period) it touched and of
the same periods of the indicators weighted by the written ones (their weights changed): a single save or deletion
by a signal, the services' bulk writes and the queryset's ``bulk_create``, ``update`` and ``delete`` themselves.

Two writers never lose each other's figures (PostgreSQL, READ COMMITTED): each first inserts the rows it will
recompute (``ON CONFLICT DO NOTHING``: a row another transaction is inserting is waited for), then locks them in
key order (no deadlock between two such writers), and only then recomputes them from the figures table in a new
statement, which sees whatever a writer it waited for has committed. A row is never deleted (a writer waiting for
its lock would then find nothing to update): a key without figures keeps a row of zeros, which readers skip.
"""

import contextlib
import datetime
from decimal import Decimal

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from wagtail.models import Locale, Page

from .aggregation import STATUSES
from .models import FigureReview, FigureSum, ImpactFigure, Indicator

KEY_COLUMNS = ("indicator_id", "period_start", "period_end")
SUM_FIELDS = ("figures", "total", "weighted", "products", "weights", *STATUSES, "other")
BATCH_SIZE = 1000

# One key's sums (``where`` selects the figures of the key), as ``impact.queries.PERIOD_SUMS`` sums the published
# ones: the accepted figures of learning units (their Thai source pages, live or not), each with its weight (its indicator's ``weight_code``: the same
# unit's figure of the same period, accepted and positive), and a count per status instead of the weakest.
FIGURE_SUMS = """SELECT {keys}COUNT(*), COALESCE(SUM(f.{value}), 0), COUNT(w.{value}),
    COALESCE(SUM(f.{value} * w.{value}), 0), COALESCE(SUM(w.{value}), 0),
    {status_counts}, COALESCE(SUM(CASE WHEN f.{status} IN (%s, %s, %s) THEN 0 ELSE 1 END), 0)
FROM {figures_table} AS f JOIN {indicators} AS i ON i.{pk} = f.{indicator}
    JOIN {pages} AS p ON p.{page_pk} = f.{page} JOIN {locales} AS l ON l.{locale_pk} = p.{page_locale}
    LEFT JOIN {indicators} AS wi ON wi.{code} = i.{weight_code} AND wi.{locale} = i.{locale}
    LEFT JOIN {figures_table} AS w ON w.{page} = f.{page} AND w.{indicator} = wi.{pk}
        AND w.{start} = f.{start} AND w.{end} = f.{end} AND w.{review} = %s AND w.{value} > 0
WHERE f.{review} = %s AND f.{group} IS NULL AND l.{language_code} = %s AND p.{alias_of} IS NULL{where}"""

# The rows ``ids`` of the summary recomputed: the same sums, in one pass over the figures of all their keys (a row
# whose key has no figures left gets zeros). Each figure's weight is looked up by the unique key of the figures
# (unit, indicator, period), once per figure (``fw`` is materialised: the weight is summed three times).
REFRESH = """WITH fw AS MATERIALIZED (SELECT s.{sum_pk} AS id, f.{figure_pk} AS figure, f.{value} AS value,
        f.{status} AS status, (SELECT w.{value} FROM {figures_table} AS w WHERE w.{page} = f.{page}
            AND w.{indicator} = wi.{pk} AND w.{start} = f.{start} AND w.{end} = f.{end} AND w.{review} = %s
            AND w.{value} > 0) AS weight
    FROM {sums} AS s JOIN {indicators} AS i ON i.{pk} = s.{s_indicator}
        LEFT JOIN {indicators} AS wi ON wi.{code} = i.{weight_code} AND wi.{locale} = i.{locale}
        LEFT JOIN {figures_table} AS f ON f.{indicator} = s.{s_indicator} AND f.{start} = s.{s_start}
            AND f.{end} = s.{s_end} AND f.{review} = %s AND f.{group} IS NULL AND f.{page} IN (SELECT p.{page_pk}
                FROM {pages} AS p JOIN {locales} AS l ON l.{locale_pk} = p.{page_locale}
                WHERE l.{language_code} = %s AND p.{alias_of} IS NULL)
    WHERE s.{sum_pk} IN ({ids}))
UPDATE {sums} SET ({sum_columns}) = (c.figures, c.total, c.weighted, c.products, c.weights,
    c.illustrative, c.reported, c.verified, c.other)
FROM (SELECT id, COUNT(figure) AS figures, COALESCE(SUM(value), 0) AS total, COUNT(weight) AS weighted,
        COALESCE(SUM(value * weight), 0) AS products, COALESCE(SUM(weight), 0) AS weights,
        COALESCE(SUM(CASE WHEN status = %s THEN 1 ELSE 0 END), 0) AS illustrative,
        COALESCE(SUM(CASE WHEN status = %s THEN 1 ELSE 0 END), 0) AS reported,
        COALESCE(SUM(CASE WHEN status = %s THEN 1 ELSE 0 END), 0) AS verified,
        COUNT(figure) - COALESCE(SUM(CASE WHEN status IN (%s, %s, %s) THEN 1 ELSE 0 END), 0) AS other
    FROM fw GROUP BY id) AS c
WHERE {sums}.{sum_pk} = c.id"""


def _names(connection):
    quote = connection.ops.quote_name
    figure, indicator, sums = ImpactFigure._meta, Indicator._meta, FigureSum._meta
    page, locale = Page._meta, Locale._meta

    def column(meta, name):
        return quote(meta.get_field(name).column)

    return {
        "figures_table": quote(figure.db_table),
        "indicators": quote(indicator.db_table),
        "sums": quote(sums.db_table),
        "pk": quote(indicator.pk.column),
        "sum_pk": quote(sums.pk.column),
        "pages": quote(page.db_table),
        "page_pk": quote(page.pk.column),
        "page_locale": column(page, "locale"),
        "alias_of": column(page, "alias_of"),
        "locales": quote(locale.db_table),
        "locale_pk": quote(locale.pk.column),
        "language_code": column(locale, "language_code"),
        **{name: column(indicator, name) for name in ("code", "weight_code", "locale")},
        **{
            name: column(figure, field)
            for name, field in (
                ("page", "page"),
                ("group", "group"),
                ("indicator", "indicator"),
                ("start", "period_start"),
                ("end", "period_end"),
                ("review", "review"),
                ("value", "value"),
                ("status", "status"),
            )
        },
        "sum_columns": ", ".join(column(sums, name) for name in SUM_FIELDS),
        "s_indicator": column(sums, "indicator"),
        "s_start": column(sums, "period_start"),
        "s_end": column(sums, "period_end"),
        "figure_pk": quote(figure.pk.column),
    }


def _figure_sums_sql(names, keys="", where=""):
    status_counts = ", ".join(
        f"COALESCE(SUM(CASE WHEN f.{names['status']} = %s THEN 1 ELSE 0 END), 0)" for _ in STATUSES
    )
    sql = FIGURE_SUMS.format(keys=keys, where=where, status_counts=status_counts, **names)
    return sql, [*STATUSES, *STATUSES, FigureReview.ACCEPTED, FigureReview.ACCEPTED, settings.LANGUAGE_CODE]


def _day(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def keys_of(figures):
    """The keys (indicator id, period start, period end) of ``figures`` (model instances)."""
    return {(figure.indicator_id, _day(figure.period_start), _day(figure.period_end)) for figure in figures}


def _weighted_by(keys, using):
    """The keys of the same periods of the indicators weighted by those of ``keys`` (one query)."""
    indicators = list(Indicator.objects.using(using).values_list("pk", "code", "weight_code", "locale_id"))
    code_of = {pk: (code, locale) for pk, code, _weight, locale in indicators}
    weighted = {}
    for pk, _code, weight_code, locale in indicators:
        if weight_code:
            weighted.setdefault((weight_code, locale), []).append(pk)
    return {(other, start, end) for pk, start, end in keys for other in weighted.get(code_of.get(pk), ())}


_DEFERRED = "odf_figure_sums_deferred"


@contextlib.contextmanager
def refreshing_deferred(using=DEFAULT_DB_ALIAS):
    """Within: the signals of single deletions leave the sums alone (the caller refreshes them once, after)."""
    connection = connections[using]
    setattr(connection, _DEFERRED, getattr(connection, _DEFERRED, 0) + 1)
    try:
        yield
    finally:
        setattr(connection, _DEFERRED, getattr(connection, _DEFERRED) - 1)


def refresh(keys, using=DEFAULT_DB_ALIAS):
    """Recompute the sums of ``keys`` (and of the indicators they weight) from the figures: four queries (five
    when a key has no row yet)."""
    keys = {(pk, _day(start), _day(end)) for pk, start, end in keys}
    if not keys:
        return
    keys |= _weighted_by(keys, using)
    connection = connections[using]
    rows = FigureSum.objects.using(using).filter(
        indicator_id__in=sorted({key[0] for key in keys}),
        period_start__in=sorted({key[1] for key in keys}),
        period_end__in=sorted({key[2] for key in keys}),
    )  # a few more rows than ``keys``, maybe: they are locked and recomputed too (never too few)
    with transaction.atomic(using=using, savepoint=False):
        missing = keys - set(rows.values_list(*KEY_COLUMNS))
        if missing:  # inserted or, where another transaction inserts them too, waited for
            FigureSum.objects.using(using).bulk_create(
                [FigureSum(indicator_id=pk, period_start=start, period_end=end) for pk, start, end in sorted(missing)],
                ignore_conflicts=True,
                batch_size=BATCH_SIZE,
            )
        # Locked in key order (two writers never wait for each other's rows), then recomputed by a new statement,
        # which sees what a writer waited for has committed.
        ids = list(rows.select_for_update().order_by(*KEY_COLUMNS).values_list("pk", flat=True))
        names = _names(connection)
        params = [FigureReview.ACCEPTED, FigureReview.ACCEPTED, settings.LANGUAGE_CODE]
        with connection.cursor() as cursor:
            for first in range(0, len(ids), BATCH_SIZE):
                batch = ids[first : first + BATCH_SIZE]
                sql = REFRESH.format(ids=", ".join(["%s"] * len(batch)), **names)
                cursor.execute(sql, [*params, *batch, *STATUSES, *STATUSES])


def figure_saving(sender, instance, raw=False, **kwargs):
    """``pre_save`` of a figure: note the key it had, whose sums change too when it moves to another."""
    if not raw and not instance._state.adding and instance.pk is not None:
        found = ImpactFigure.objects.using(instance._state.db).filter(pk=instance.pk).values_list(*KEY_COLUMNS)
        instance._figure_sum_key = found.first()


def figure_written(instance, using=DEFAULT_DB_ALIAS):
    """After one figure is saved or deleted (``impact.services.figure_written``): its key's sums, and its former
    key's when it moved."""
    if getattr(connections[using], _DEFERRED, 0):
        return
    keys = keys_of([instance])
    old = instance.__dict__.pop("_figure_sum_key", None)
    if old is not None:
        keys.add(old)
    refresh(keys, using)


def indicator_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    """``post_save`` of an indicator: its weight may have changed, so its sums (and those it weights) are
    recomputed."""
    if raw:
        return
    keys = FigureSum.objects.using(using).filter(indicator_id=instance.pk).values_list(*KEY_COLUMNS)
    refresh(set(keys), using)


def _recomputed(connection):
    names = _names(connection)
    columns = f"f.{names['indicator']}, f.{names['start']}, f.{names['end']}"
    sql, params = _figure_sums_sql(names, keys=f"{columns}, ")
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} GROUP BY {columns}", params)
        return cursor.fetchall()


def _exact(row):
    """A row of sums, its numbers as ``Decimal`` (SQLite sums floats) and its dates as dates."""
    pk, start, end, *numbers = row
    return (pk, _day(start), _day(end)), tuple(Decimal(str(n)).quantize(Decimal("0.0001")) for n in numbers)


def differences(using=DEFAULT_DB_ALIAS):
    """The keys whose stored sums differ from the figures summed again now (rows of zeros count as none)."""
    recomputed = dict(_exact(row) for row in _recomputed(connections[using]))
    stored = dict(
        _exact(row)
        for row in FigureSum.objects.using(using).filter(figures__gt=0).values_list(*KEY_COLUMNS, *SUM_FIELDS)
    )
    return sorted(key for key in recomputed.keys() | stored.keys() if recomputed.get(key) != stored.get(key))


def rebuild(using=DEFAULT_DB_ALIAS):
    """Recompute every row (and add those missing) from the figures; returns how many keys were recomputed."""
    with transaction.atomic(using=using):
        keys = {key for key, _numbers in map(_exact, _recomputed(connections[using]))}
        keys |= set(FigureSum.objects.using(using).values_list(*KEY_COLUMNS))
        refresh(keys, using)
    return len(keys)
