"""Issue 22: the impact overview's cards come from the figures summed per indicator and period by the database
(``impact.queries.overview_sums``), so the page reads as many rows with 3 units as with 200, and its numbers are
those of adding up every figure in Python (``impact.aggregation.aggregate``)."""

import datetime
from decimal import Decimal

import pytest

from django.db.backends.utils import CursorWrapper

from casestudies.factories import case_studies_in_bulk, thai_index
from impact.aggregation import IndicatorRule, PeriodSum, Record, aggregate, combine_sums
from impact.factories import thai_indicators
from impact.models import FigureReview, FigureStatus, ImpactFigure
from impact.queries import LocaleRef, indicators_in, overview_records, overview_sums

Q1 = (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
RULES = {
    "members": IndicatorRule("people"),
    "youth": IndicatorRule("percent", "members"),
    "ratio": IndicatorRule("ratio"),
}


def sums_of(records):
    """What the database sums (``PeriodSum``), worked out in Python from ``records``."""
    by_key = {(r.unit, r.indicator, r.period): r.value for r in records}
    groups = {}
    for record in records:
        groups.setdefault((record.indicator, record.period), []).append(record)
    result = []
    for (code, period), rows in groups.items():
        weight_code = RULES[code].weight_code if code in RULES else ""
        weights = [by_key.get((r.unit, weight_code, period)) for r in rows]
        pairs = [(r.value, w) for r, w in zip(rows, weights, strict=True) if w is not None and w > 0]
        status = min((r.status for r in rows), key=("illustrative", "reported", "verified").index)
        result.append(
            PeriodSum(
                code,
                period,
                len(rows),
                sum(r.value for r in rows),
                len(pairs),
                sum(v * w for v, w in pairs) if pairs else None,
                sum(w for _v, w in pairs) if pairs else None,
                status,
            )
        )
    return result


@pytest.mark.parametrize(
    "youth",
    [
        {"a": Decimal("10"), "b": Decimal("40")},  # both units weighted by their members
        {"a": Decimal("10"), "b": Decimal("40"), "c": Decimal("70")},  # c has no members: a plain mean
    ],
)
def test_combined_sums_are_the_aggregates_of_every_figure(youth):
    members = {"a": Decimal("100"), "b": Decimal("300")}
    records = [Record(u, "members", *Q1, v, "verified") for u, v in members.items()]
    records += [Record(u, "youth", *Q1, v, "illustrative" if u == "b" else "reported") for u, v in youth.items()]
    records += [Record("a", "ratio", *Q1, Decimal("2.5")), Record("b", "ratio", *Q1, Decimal("3.5"))]
    records += [Record("a", "unknown", *Q1, Decimal("1"))]
    expected = aggregate(records, RULES)
    combined = combine_sums(sums_of(records), RULES)
    assert set(combined) == set(expected) == set(RULES)
    for code, series in expected.items():
        assert [(a.period, a.value, a.method, a.status) for a in series] == [
            (c.period, c.value, c.method, c.status) for c in combined[code]
        ]


def _as_series(series):
    return {code: [(a.period, a.value, a.method, a.status) for a in values] for code, values in series.items()}


@pytest.mark.django_db
def test_the_databases_sums_give_the_overview_of_every_figure():
    """On the demo content: ``overview_sums`` combined is ``aggregate`` of every published learning unit's figure,
    also for one unit and a time range; a network group's accepted figure changes neither."""
    from network.tests.helpers import make_registration

    rules = {code: info.rule for code, info in indicators_in(LocaleRef(0, "th")).items()}
    expected = aggregate(overview_records(), rules)
    assert any(rule.weight_code for rule in rules.values()) and expected
    groups_figures = ImpactFigure.objects.published().of_groups().count()
    group = make_registration(name="A network group")
    ImpactFigure.objects.create(
        group=group, indicator=thai_indicators()[0], period_start=Q1[0], period_end=Q1[1], value=99999
    )
    assert ImpactFigure.objects.published().of_groups().count() == groups_figures + 1
    assert _as_series(combine_sums(overview_sums(), rules)) == _as_series(expected)

    slug = overview_records()[0].unit
    start, end = datetime.date(2024, 4, 1), datetime.date(2024, 12, 31)
    kept = [r for r in overview_records() if r.unit == slug and r.period_start >= start and r.period_end <= end]
    assert kept
    chosen = combine_sums(overview_sums([slug], start, end), rules)
    assert _as_series(chosen) == _as_series(aggregate(kept, rules))


@pytest.fixture
def rows_fetched(monkeypatch):
    """How many rows every query has fetched so far: ``CursorWrapper``'s fetches counted."""
    fetched = []

    def counting(name):
        def fetch(self, *args):
            found = getattr(self.cursor, name)(*args)
            fetched.append(1 if name == "fetchone" and found is not None else 0 if found is None else len(found))
            return found

        return fetch

    for name in ("fetchone", "fetchmany", "fetchall"):
        monkeypatch.setattr(CursorWrapper, name, counting(name), raising=False)
    monkeypatch.setattr(CursorWrapper, "__iter__", lambda self: iter(self.fetchall()))
    return fetched


def _rows_read(client, url, fetched):
    client.get(url)  # warm: what a process reads once
    fetched.clear()
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('<li class="im-card"') == 14
    return sum(fetched)


def add_units(count):
    """``count`` more published units, each with a figure of every indicator and period the published figures
    already have (so the overview has as many indicators and periods as before, and more units in each)."""
    figures = ImpactFigure.objects.published().of_pilots().order_by()
    pairs = set(figures.values_list("indicator_id", "indicator__unit", "period_start", "period_end"))
    units = case_studies_in_bulk(thai_index(), [f"more-unit-{n:02d}" for n in range(count)])
    ImpactFigure.objects.bulk_create(
        ImpactFigure(
            page_id=unit.pk,
            indicator_id=indicator,
            period_start=start,
            period_end=end,
            value=50 if measure == "percent" else 10 + number,
            status=FigureStatus.REPORTED,
            review=FigureReview.ACCEPTED,
        )
        for number, unit in enumerate(units)
        for indicator, measure, start, end in pairs
    )
    return len(units) * len(pairs)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/th/impact/", "/en/impact/?time=2024Q1..2024Q4"])
def test_the_overview_reads_as_many_rows_with_more_units(client, caches_off, rows_fetched, url):
    before = _rows_read(client, url, rows_fetched)
    assert add_units(20) >= 20
    after = _rows_read(client, url, rows_fetched)
    assert after == before, f"{url} read {before} rows with the demo's units, {after} with 20 more"
