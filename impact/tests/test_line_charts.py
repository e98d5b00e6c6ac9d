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


def _svg(chart, standalone=False, language="en", units=1):
    """The chart as ``impact_tags.line_chart_svg`` writes it, parsed (it must be well-formed XML)."""
    from types import SimpleNamespace
    from xml.etree import ElementTree

    from django.utils import translation

    from impact.templatetags.impact_tags import line_chart_svg

    labels = [tick.lines[-1] for tick in chart.periods]
    view = SimpleNamespace(
        chart=chart, chart_units=[None] * units, periods=labels, period_labels=labels, latest_period_label=labels[-1]
    )
    info = SimpleNamespace(name="Members <&> money", unit_label="people")
    with translation.override(language):
        svg = line_chart_svg(view, info, standalone)
    if not standalone:
        svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return svg, ElementTree.fromstring(svg)


SVG = "{http://www.w3.org/2000/svg}"


def test_the_svg_names_escapes_and_lays_out_every_line():
    series = [
        ("a", "Unit <A> & co " + "x" * 80, [(D(-5), "-5", "reported"), (D(12), "12", "verified")], False),
        ("b", "Unit B", [(D(3), "3", "illustrative"), (D(4), "4", "illustrative")], False),
    ]
    chart = line_chart(["Q1 2024", "Q2 2024"], series, str)
    text, svg = _svg(chart, units=2)
    assert svg.find(f"{SVG}title").text == "Members <&> money, 2024 – 2024"
    assert svg.find(f"{SVG}desc").text.startswith("Line chart, in people, of 2 units over time. Unit <A> & co")
    zero = svg.find(f"{SVG}line")  # a negative value: the zero line is drawn
    assert zero is not None and float(zero.get("y1")) == chart.zero_y
    lines = [g for g in svg.findall(f"{SVG}g") if g.find(f"{SVG}title") is not None]
    assert [g.find(f"{SVG}title").text for g in lines] == [line.label for line in chart.lines]
    first = lines[0]
    legend = first.find(f"{SVG}text")
    assert legend.text == "Unit <A> & co " + "x" * 57 + "…"  # 72 characters at most
    assert legend.get("x") == str(int(chart.lines[0].legend_x) + 30)
    assert lines[1].findall(f"{SVG}path")[0].get("stroke-dasharray") == "10 3"  # every other unit dashed
    assert "&lt;A&gt; &amp; co" in text and "<A>" not in text


def test_the_svg_without_negatives_has_no_zero_line_and_stands_alone_when_asked():
    chart = line_chart(["Q1 2024"], [("a", "A", [(D(5), "5", "reported")], False)], str)
    text, svg = _svg(chart, standalone=True, language="th")
    assert svg.find(f"{SVG}line") is None
    assert (svg.get("width"), svg.get("height")) == (str(chart.width), str(chart.height))
    assert not _svg(chart)[0].count('width="640"')  # on the page: no fixed size
    assert "เส้น" in svg.find(f"{SVG}desc").text  # the description in Thai
