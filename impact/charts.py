"""Layout of the dashboard's bar charts, drawn as server-side SVG. Plain functions, tested directly.

The geometry (round ticks, scale, bar slots) is ``home.charts``'s; this module places one bar per period.
The template turns a ``BarChart`` into ``<svg>`` with a title, a description and labelled axes; the
same numbers are in the data table beside it, so nothing depends on JavaScript or on seeing colours.
"""

from dataclasses import dataclass, field

from home.charts import bar_slot, value_axis

WIDTH, HEIGHT = 560, 340
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 12, 28, 78


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value_label: str
    is_illustrative: bool
    label_x: float = 0

    @property
    def label_lines(self):
        """The period label on two lines (months, year) so that eight periods fit under the axis."""
        head, _sep, tail = self.label.rpartition(" ")
        return [head, tail] if head else [tail]


@dataclass
class BarChart:
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = MARGIN_LEFT
    plot_right: int = WIDTH - MARGIN_RIGHT
    plot_top: int = MARGIN_TOP
    plot_bottom: int = HEIGHT - MARGIN_BOTTOM

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def x_axis_label_y(self):
        return self.height - 8

    @property
    def y_axis_label_y(self):
        return (self.plot_top + self.plot_bottom) / 2


def bar_chart(points, tick_label):
    """Lay out ``points`` — ``(label, value, value_label, is_illustrative)`` — as bars from zero.

    ``tick_label(number)`` formats the y-axis ticks (round values: ``home.charts.nice_ticks``). Negative
    values are drawn as zero-height bars (the table shows the number); ``None`` values are skipped.
    """
    chart = BarChart()
    points = [p for p in points if p[1] is not None]
    highest = max((p[1] for p in points), default=0)
    scale, chart.ticks = value_axis(0, max(highest, 0), chart.plot_bottom, chart.plot_top, label=tick_label)
    for index, (label, value, value_label, illustrative) in enumerate(points):
        x, width = bar_slot(index, len(points), chart.plot_left, chart.plot_right)
        top = scale(max(value, 0))
        chart.bars.append(
            Bar(
                x,
                top,
                width,
                round(chart.plot_bottom - top, 1),
                label,
                value_label,
                illustrative,
                round(x + width / 2, 1),
            )
        )
    return chart
