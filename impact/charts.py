"""Geometry of the dashboard's bar charts, drawn as server-side SVG. Plain functions, tested directly.

The template turns a ``BarChart`` into ``<svg>`` with a title, a description and labelled axes; the
same numbers are in the data table beside it, so nothing depends on JavaScript or on seeing colours.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

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
class Tick:
    y: float
    label: str


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


def nice_max(value):
    """The smallest "round" number (1, 2, 2.5, 5 × 10ⁿ) at or above ``value``; 1 for nothing."""
    value = float(value)
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value - 1e-9:
            return candidate
    return 10 ** (exponent + 1)


def bar_chart(points, tick_label, ticks=4):
    """Lay out ``points`` — ``(label, value, value_label, is_illustrative)`` — as bars from zero.

    ``tick_label(number)`` formats the y-axis ticks. Negative values are drawn as zero-height bars
    (the table shows the number); ``None`` values are skipped.
    """
    chart = BarChart()
    points = [p for p in points if p[1] is not None]
    top = nice_max(max((float(p[1]) for p in points), default=0))
    plot_height = chart.plot_bottom - chart.plot_top
    for i in range(ticks + 1):
        number = top * i / ticks
        y = chart.plot_bottom - plot_height * i / ticks
        chart.ticks.append(Tick(round(y, 1), tick_label(Decimal(str(round(number, 6))))))
    if not points:
        return chart
    slot = (chart.plot_right - chart.plot_left) / len(points)
    width = min(slot * 0.6, 72)
    for index, (label, value, value_label, illustrative) in enumerate(points):
        height = max(float(value), 0) / top * plot_height
        x = chart.plot_left + slot * index + (slot - width) / 2
        chart.bars.append(
            Bar(
                round(x, 1),
                round(chart.plot_bottom - height, 1),
                round(width, 1),
                round(height, 1),
                label,
                value_label,
                illustrative,
                round(x + width / 2, 1),
            )
        )
    return chart
