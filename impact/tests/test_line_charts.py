"""The line chart and sparkline layout (impact.charts), directly."""

from decimal import Decimal as D

from impact.charts import LINE_COLOURS, line_chart, sparkline


def test_line_chart_nice_ticks_breaks_and_legend():
    labels = ["Jan–Mar 2024", "Apr–Jun 2024", "Jul–Sep 2024"]
    series = [
        ("a", "Unit A", [(D(13), "13%", "illustrative"), None, (D(38), "38%", "verified")], False),
        ("b", "Unit B", [(D(20), "20%", "reported"), (D(25), "25%", "reported"), (D(30), "30%", "reported")], False),
        (
            "average",
            "Average",
            [(D(16), "16%", "illustrative"), (D(25), "25%", "reported"), (D(34), "34%", "verified")],
            True,
        ),
    ]
    chart = line_chart(labels, series, lambda n: f"{n}%")
    assert [t.label for t in chart.ticks] == ["0%", "10%", "20%", "30%", "40%"]  # never 13 % or 38 %
    first, second, total = chart.lines
    assert first.path.count("M") == 2  # the missing period breaks the line
    assert [p.status for p in first.points] == ["illustrative", "verified"]
    assert second.path.count("M") == 1 and second.colour == LINE_COLOURS[1] and second.dash
    assert total.is_total and total.dash == "8 4"
    assert [line.legend_y for line in chart.lines] == sorted({line.legend_y for line in chart.lines})
    assert chart.height > chart.plot_bottom + 3 * 22
    assert [tick.lines for tick in chart.periods][0] == ["Jan–Mar", "2024"]


def test_line_chart_with_negative_values_draws_zero():
    chart = line_chart(["Q1", "Q2"], [("a", "A", [(D(-5), "-5", "reported"), (D(12), "12", "reported")], False)], str)
    assert chart.zero_y is not None and chart.ticks[0].value < 0


def test_many_periods_are_labelled_sparsely():
    labels = [f"Q{n % 4 + 1} {2020 + n // 4}" for n in range(24)]
    chart = line_chart(labels, [("a", "A", [(D(n), str(n), "reported") for n in range(24)], False)], str)
    assert len(chart.periods) <= 8


def test_sparkline():
    assert sparkline([D(1)]) is None
    spark = sparkline([D(1), D(3), D(2)])
    assert spark.points.count(",") == 3
    assert spark.last_x == 117


def test_marks_are_one_path_per_status_and_the_summary_a_fixed_length_per_line():
    """Issue 22: a line's marks are one ``<path>`` per status however many periods, and the chart's ``<desc>`` says
    each line's first and latest figure, not every one (they are all in the table)."""
    labels = [f"Q{n % 4 + 1} {2020 + n // 4}" for n in range(24)]
    statuses = ("illustrative", "reported", "verified")
    series = [("a", "Unit A", [(D(n), str(n), statuses[n % 3]) for n in range(24)], False)]
    chart = line_chart(labels, series, str)
    marks = str(chart.lines[0].marks)
    assert marks.count("<path") == 3 and "<circle" not in marks and "<rect" not in marks
    assert marks.count("h8v8h-8z") == 8  # the verified squares
    assert marks.count('fill="#fff"') == 1  # the illustrative circles, hollow
    assert chart.summary == " Unit A: Q1 2020 0 (illustrative) – Q4 2025 23 (verified)."
    short = line_chart(labels[:2], [("a", "A", [(D(1), "1", "reported"), (D(2), "2", "reported")], False)], str)
    assert len(chart.summary) - len(short.summary) < 20  # not one entry per period
