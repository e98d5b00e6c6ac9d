import datetime
from decimal import Decimal

from impact.aggregation import IndicatorRule, Record, aggregate, combine, latest

Q1 = (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
Q2 = (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
D = Decimal


def rec(unit, code, period, value, illustrative=False):
    return Record(unit, code, *period, D(value), "illustrative" if illustrative else "reported")


def test_counts_and_amounts_are_summed():
    assert combine([D(10), D(25), D("2.5")], is_share=False) == (D("37.5"), "sum")


def test_shares_are_averaged_never_summed():
    value, method = combine([D(40), D(60)], is_share=True)
    assert (value, method) == (D(50), "mean")


def test_weighted_mean_uses_the_weights():
    # 10 members at 90 % and 30 members at 50 %: (900 + 1500) / 40 = 60, not the plain mean 70.
    assert combine([D(90), D(50)], is_share=True, weights=[D(10), D(30)]) == (D(60), "weighted_mean")


def test_missing_weight_falls_back_to_plain_mean():
    assert combine([D(90), D(50)], is_share=True, weights=[D(10), None]) == (D(70), "mean")


def test_nothing_to_combine():
    assert combine([], is_share=True) == (None, "none")


def test_aggregate_by_indicator_and_period_with_weights():
    records = [
        rec("a", "members", Q1, 10),
        rec("b", "members", Q1, 30),
        rec("a", "share_youth", Q1, 90),
        rec("b", "share_youth", Q1, 50, illustrative=True),
        rec("a", "members", Q2, 12),
    ]
    rules = {"members": IndicatorRule("people"), "share_youth": IndicatorRule("percent", "members")}
    result = aggregate(records, rules)
    assert [(a.period, a.value, a.method) for a in result["members"]] == [(Q1, D(40), "sum"), (Q2, D(12), "sum")]
    (youth,) = result["share_youth"]
    assert youth.value == D(60) and youth.method == "weighted_mean"
    assert youth.is_illustrative and not result["members"][0].is_illustrative
    assert youth.units == ["a", "b"]


def test_percentages_over_100_never_appear_from_summing():
    records = [rec(u, "repayment", Q1, 95) for u in "abcdef"]
    (agg,) = aggregate(records, {"repayment": IndicatorRule("percent")})["repayment"]
    assert agg.value == D(95)


def test_unknown_indicators_are_skipped_and_latest_picks_the_last_period():
    records = [rec("a", "x", Q1, 1), rec("a", "members", Q2, 5), rec("a", "members", Q1, 4)]
    result = aggregate(records, {"members": IndicatorRule("people")})
    assert "x" not in result
    assert latest(result["members"]).value == D(5)
    assert latest([]) is None
