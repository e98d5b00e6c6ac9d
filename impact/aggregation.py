"""Combining figures across units and periods. Plain functions on plain records, tested directly.

Counts of people and amounts of baht are added up across units. Percentages and ratios are never
added: they are averaged, weighted by another indicator of the same unit and period where the
indicator names one (the share of youth by the number of members), else a plain average.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

SHARE_UNITS = frozenset({"percent", "percent_change", "ratio"})
# Figure statuses from least to most trusted (``impact.models.FigureStatus``): a combination of figures has the
# status of its least trusted part, so a total with one illustrative figure in it is illustrative.
STATUSES = ("illustrative", "reported", "verified")


def weakest_status(statuses):
    """The least trusted of ``statuses`` ("illustrative" < "reported" < "verified"); "reported" when empty."""
    ranks = [STATUSES.index(s) for s in statuses if s in STATUSES]
    return STATUSES[min(ranks)] if ranks else "reported"


@dataclass(frozen=True)
class Record:
    """One figure: a unit's value of an indicator over a period."""

    unit: str
    indicator: str
    period_start: date
    period_end: date
    value: Decimal
    status: str = "reported"

    @property
    def is_illustrative(self):
        return self.status == "illustrative"

    @property
    def period(self):
        return (self.period_start, self.period_end)


@dataclass(frozen=True)
class IndicatorRule:
    """How an indicator combines: its unit of measure and the code of its weight, if any."""

    unit: str
    weight_code: str = ""

    @property
    def is_share(self):
        return self.unit in SHARE_UNITS


@dataclass
class Aggregate:
    """An indicator's combined value over one period, with the records it came from."""

    period: tuple
    value: Decimal | None
    method: str
    records: list = field(default_factory=list)

    @property
    def status(self):
        return weakest_status(r.status for r in self.records)

    @property
    def is_illustrative(self):
        return any(r.is_illustrative for r in self.records)

    @property
    def units(self):
        return [r.unit for r in self.records]


def combine(values, is_share, weights=None):
    """Combine one indicator's values for one period: a sum, or for shares a (weighted) mean.

    Returns ``(value, method)`` with method "sum", "weighted_mean", "mean" or "none". Weights are used
    only when every value has a positive weight; otherwise shares get a plain mean.
    """
    values = [Decimal(v) for v in values]
    if not values:
        return None, "none"
    if not is_share:
        return sum(values, Decimal(0)), "sum"
    if weights is not None and len(weights) == len(values) and all(w is not None and w > 0 for w in weights):
        total = sum((Decimal(w) for w in weights), Decimal(0))
        return sum((v * Decimal(w) for v, w in zip(values, weights, strict=True)), Decimal(0)) / total, "weighted_mean"
    return sum(values, Decimal(0)) / len(values), "mean"


def aggregate(records, rules):
    """``{indicator code: [Aggregate per period, oldest first]}`` across all units in ``records``.

    ``rules`` maps indicator codes to ``IndicatorRule``; records of indicators without a rule are skipped.
    """
    by_key = {(r.unit, r.indicator, r.period): r.value for r in records}
    grouped = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.indicator in rules:
            grouped[record.indicator][record.period].append(record)

    result = {}
    for code, periods in grouped.items():
        rule = rules[code]
        series = []
        for period in sorted(periods):
            rows = sorted(periods[period], key=lambda r: r.unit)
            weights = None
            if rule.is_share and rule.weight_code:
                weights = [by_key.get((r.unit, rule.weight_code, period)) for r in rows]
            value, method = combine([r.value for r in rows], rule.is_share, weights)
            series.append(Aggregate(period, value, method, rows))
        result[code] = series
    return result


@dataclass(frozen=True)
class PeriodSum:
    """One indicator's figures of one period as the database sums them (``impact.queries.overview_sums``): how many,
    their total, how many have a positive weight, the sum of each value times its weight and of those weights, and
    the weakest status among them."""

    indicator: str
    period: tuple
    figures: int
    total: Decimal
    weighted: int = 0
    products: Decimal | None = None
    weights: Decimal | None = None
    status: str = "reported"


@dataclass(frozen=True)
class Combined:
    """An indicator's combined value over one period, from a ``PeriodSum`` (as an ``Aggregate`` without records)."""

    period: tuple
    value: Decimal | None
    method: str
    status: str


def combine_sum(period_sum, rule):
    """``(value, method)`` of ``period_sum`` by ``rule``, as ``combine`` gives it for the figures summed: their sum, or
    for shares their mean weighted by ``rule.weight_code`` when every figure has a positive weight, else a plain
    mean."""
    if not period_sum.figures:
        return None, "none"
    total = Decimal(period_sum.total)
    if not rule.is_share:
        return total, "sum"
    if rule.weight_code and period_sum.weighted == period_sum.figures and period_sum.weights:
        return Decimal(period_sum.products) / Decimal(period_sum.weights), "weighted_mean"
    return total / period_sum.figures, "mean"


def combine_sums(period_sums, rules):
    """``{indicator code: [Combined per period, oldest first]}``: ``aggregate``'s series from the database's sums;
    sums of indicators without a rule are skipped."""
    result = defaultdict(list)
    for period_sum in sorted(period_sums, key=lambda s: (s.indicator, s.period)):
        rule = rules.get(period_sum.indicator)
        if rule is not None:
            value, method = combine_sum(period_sum, rule)
            result[period_sum.indicator].append(Combined(period_sum.period, value, method, period_sum.status))
    return dict(result)


def latest(series):
    """The most recent ``Aggregate`` of a series (by period end, then start), or None."""
    if not series:
        return None
    return max(series, key=lambda a: (a.period[1], a.period[0]))


def change(current, baseline):
    """``current - baseline``, or None when either is unknown."""
    if current is None or baseline is None:
        return None
    return Decimal(current) - Decimal(baseline)
