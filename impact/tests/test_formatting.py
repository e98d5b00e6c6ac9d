import datetime
from decimal import Decimal

import pytest

from impact.charts import bar_chart
from impact.filters import FilterError, parse_day, parse_filters
from impact.formatting import format_axis, format_number, format_period, format_value


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        ("1234567", "thb", "th", "฿1,234,567"),
        ("1234567", "thb", "en", "THB 1,234,567"),
        ("45.50", "percent", "en", "45.5%"),
        ("45.00", "percent", "th", "45%"),
        ("120", "people", "th", "120 คน"),
        ("120", "people", "en", "120 people"),
        ("3.2", "ratio", "en", "1 : 3.2"),
        ("12.5", "percent_change", "en", "+12.5%"),
        ("-4", "percent_change", "th", "-4%"),
        (None, "thb", "th", "–"),
    ],
)
def test_format_value(value, unit, language, expected):
    assert format_value(None if value is None else Decimal(value), unit, language) == expected


def test_format_number_and_axis():
    assert format_number(Decimal("1234.567")) == "1,234.57"
    assert format_axis(Decimal(1_500_000), "thb", "en") == "1.5M"
    assert format_axis(Decimal(250_000), "thb", "th") == "250k"
    assert format_axis(Decimal(50), "percent", "th") == "50%"


def test_periods_in_thai_months_and_buddhist_era():
    q1 = (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    assert format_period(*q1, "th") == "ม.ค.–มี.ค. 2567"
    assert format_period(*q1, "en") == "Jan–Mar 2024"
    assert format_period(datetime.date(2023, 10, 1), datetime.date(2024, 3, 31), "th") == "ต.ค. 2566–มี.ค. 2567"
    assert format_period(datetime.date(2024, 5, 1), datetime.date(2024, 5, 31), "en") == "May 2024"


class Query(dict):
    def getlist(self, key):
        value = self.get(key)
        return value if isinstance(value, list) else ([value] if value else [])


def test_parse_filters_accepts_quarters_dates_and_repeats():
    filters = parse_filters(
        Query({"unit": ["a", "b", "a"], "indicator": "m", "from": "2024-Q2", "to": "2024-12-31"}), {"a", "b"}, {"m"}
    )
    assert filters.units == ("a", "b")
    assert filters.indicators == ("m",)
    assert filters.start == datetime.date(2024, 4, 1)
    assert filters.end == datetime.date(2024, 12, 31)
    assert parse_day("2024-Q1", at_end=True) == datetime.date(2024, 3, 31)
    assert parse_filters(Query({}), set(), set()).is_empty


@pytest.mark.parametrize(
    "query",
    [
        {"unit": "nope"},
        {"indicator": "nope"},
        {"from": "yesterday"},
        {"to": "2024-13-01"},
        {"from": "2024-Q5"},
        {"from": "2024-Q3", "to": "2024-Q1"},
        {"from": "9999-99-99"},
    ],
)
def test_bad_filter_values_raise_filter_error(query):
    with pytest.raises(FilterError):
        parse_filters(Query(query), {"a"}, {"m"})


def test_bar_chart_geometry():
    chart = bar_chart(
        [("Q1", Decimal(50), "50", False), ("Q2", Decimal(100), "100", True), ("Q3", None, "", False)], format_number
    )
    assert len(chart.bars) == 2
    low, high = chart.bars
    assert high.height == pytest.approx(chart.plot_bottom - chart.plot_top)
    assert low.height == pytest.approx(high.height / 2)
    assert high.is_illustrative and not low.is_illustrative
    assert low.x < high.x
    assert [t.label for t in chart.ticks] == ["0", "25", "50", "75", "100"]
    assert [t.position for t in chart.ticks] == sorted((t.position for t in chart.ticks), reverse=True)
    assert chart.ticks[0].position == chart.plot_bottom and chart.ticks[-1].position == chart.plot_top
    assert bar_chart([], str).bars == []
    assert [t.label for t in bar_chart([("Q1", Decimal(38), "38%", False)], lambda n: f"{n:.0f}%").ticks] == [
        "0%",
        "10%",
        "20%",
        "30%",
        "40%",
    ]
