"""Layout of the dashboard's bar charts, drawn as server-side SVG. Plain functions, tested directly.

The geometry (round ticks, scale, bar slots) is ``home.charts``'s; this module places one bar per period.
The template turns a ``BarChart`` into ``<svg>`` with a title, a description and labelled axes; the
same numbers are in the data table beside it, so nothing depends on JavaScript or on seeing colours.
"""

from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

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


# Line charts (one line per unit over time) and sparklines -----------------------------------------------------

LINE_WIDTH, LINE_PLOT_HEIGHT = 640, 300
LINE_LEFT, LINE_RIGHT, LINE_TOP = 64, 40, 36
LINE_AXIS_SPACE = 60  # under the plot: period labels on two lines and the axis name
LEGEND_ROW, LEGEND_COLUMNS = 22, 1
MAX_LINES = 10  # lines at once; the rest of the units are in the table
MAX_PERIOD_LABELS = 8
# One colour per line (distinguishable with the common colour-vision deficiencies), and every other line dashed, so
# lines differ by more than colour; drawn as SVG attributes so the downloaded file needs no stylesheet.
LINE_COLOURS = (
    "#1b7a43",
    "#c2571a",
    "#2f5fa7",
    "#8e3b8f",
    "#a07a00",
    "#0f7f86",
    "#b3315b",
    "#5b6b2a",
    "#6d4c2f",
    "#4b4f9e",
)
TOTAL_COLOUR = "#1f2421"


@dataclass
class Point:
    x: float
    y: float
    value_label: str
    status: str
    period_label: str


@dataclass
class Line:
    key: str
    label: str
    points: list
    path: str
    index: int  # colour and dash: im-s0 … im-s9
    is_total: bool = False
    legend_x: float = 0
    legend_y: float = 0

    @property
    def colour(self):
        return TOTAL_COLOUR if self.is_total else LINE_COLOURS[self.index % len(LINE_COLOURS)]

    @property
    def dash(self):
        """``stroke-dasharray`` of the line: the average long dashes, every other unit short dashes, else none."""
        if self.is_total:
            return "8 4"
        return "10 3" if self.index % 2 else ""

    @property
    def marks(self):
        """The SVG marks of the line's points, one ``<path>`` per status however many points (issue 22): a square
        for a verified figure, else a circle, hollow for an illustrative one. Each figure is in the chart's
        ``<desc>`` (first and latest) and the table tab; the line's ``<title>`` names it."""
        parts = []
        for status in ("verified", "reported", "illustrative"):
            points = [p for p in self.points if p.status == status]
            if not points:
                continue
            if status == "verified":
                data = "".join(f"M{p.x - 4:g} {p.y - 4:g}h8v8h-8z" for p in points)
                parts.append(f'<path class="im-pt im-pt--verified" d="{data}"/>')
            else:
                data = "".join(f"M{p.x - 4:g} {p.y:g}a4 4 0 1 0 8 0a4 4 0 1 0-8 0" for p in points)
                fill = ' fill="#fff"' if status == "illustrative" else ""
                parts.append(f'<path class="im-pt im-pt--{status}" d="{data}" stroke-width="2"{fill}/>')
        return mark_safe("".join(parts))  # noqa: S308 - numbers and fixed words only

    @property
    def summary(self):
        """What the line says in words: its label, its first and latest figures (period, value, status)."""
        if not self.points:
            return self.label
        first, last = self.points[0], self.points[-1]
        said = [first] if first is last else [first, last]
        return f"{self.label}:" + " –".join(f" {p.period_label} {p.value_label} ({p.status})" for p in said)


@dataclass
class PeriodTick:
    x: float
    lines: list


@dataclass
class LineChart:
    lines: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    periods: list = field(default_factory=list)
    width: int = LINE_WIDTH
    height: int = LINE_TOP + LINE_PLOT_HEIGHT + LINE_AXIS_SPACE
    plot_left: int = LINE_LEFT
    plot_right: int = LINE_WIDTH - LINE_RIGHT
    plot_top: int = LINE_TOP
    plot_bottom: int = LINE_TOP + LINE_PLOT_HEIGHT
    zero_y: float | None = None

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def summary(self):
        """The lines in words for the chart's ``<desc>``: " unit: first period value (status) – latest period value
        (status).", per line; every figure is in the table tab (a fixed length per line, however many periods)."""
        return "".join(f" {line.summary}." for line in self.lines)

    @property
    def x_axis_label_y(self):
        return self.plot_bottom + LINE_AXIS_SPACE - 6

    @property
    def y_axis_label_y(self):
        return (self.plot_top + self.plot_bottom) / 2


def period_x(index, count, left, right):
    """Where period ``index`` of ``count`` sits on the x axis: evenly spread, a single period in the middle."""
    if count <= 1:
        return round((left + right) / 2, 1)
    return round(left + (right - left) * index / (count - 1), 1)


def _path(points):
    """SVG path data through ``points`` (None breaks the line: a period without a figure)."""
    parts, pen_down = [], False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point.x:g} {point.y:g}")
        pen_down = True
    return " ".join(parts)


def line_chart(period_labels, series, tick_label):
    """Lay out ``series`` over ``period_labels`` (oldest first) as lines on a shared value axis.

    Each series is ``(key, label, values, is_total)`` where ``values`` lists, per period, ``None`` or
    ``(value, value_label, status)``. The y axis has round ticks around every value and zero
    (``home.charts.value_axis``); ``tick_label(number)`` formats them. The legend is drawn under the axis, so the
    SVG stands on its own when downloaded.
    """
    chart = LineChart()
    values = [v[0] for _k, _l, vals, _t in series for v in vals if v is not None]
    low = min([0, *values])
    high = max([0, *values])
    scale, chart.ticks = value_axis(low, high, chart.plot_bottom, chart.plot_top, label=tick_label)
    if low < 0:
        chart.zero_y = scale(0)
    count = len(period_labels)
    xs = [period_x(index, count, chart.plot_left, chart.plot_right) for index in range(count)]  # once, not per line
    every = max(1, -(-count // MAX_PERIOD_LABELS))  # label every n-th period so that labels never overlap
    for index, label in enumerate(period_labels):
        if index % every == 0:
            head, _sep, tail = label.rpartition(" ")
            lines = [head, tail] if head else [tail]
            chart.periods.append(PeriodTick(xs[index], lines))
    legend_top = chart.plot_bottom + LINE_AXIS_SPACE + 8
    column_width = (chart.plot_right - 8) / LEGEND_COLUMNS
    for number, (key, label, vals, is_total) in enumerate(series):
        points = [
            None if v is None else Point(x, scale(v[0]), v[1], v[2], period_label)
            for x, v, period_label in zip(xs, vals, period_labels, strict=True)
        ]
        row, column = divmod(number, LEGEND_COLUMNS)
        chart.lines.append(
            Line(
                key,
                label,
                [p for p in points if p is not None],
                _path(points),
                number % MAX_LINES,
                is_total,
                round(8 + column * column_width, 1),
                legend_top + row * LEGEND_ROW,
            )
        )
    rows = -(-len(series) // LEGEND_COLUMNS)
    chart.height = legend_top + rows * LEGEND_ROW + 4
    return chart


@dataclass
class Sparkline:
    points: str
    last_x: float
    last_y: float
    width: int
    height: int

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def sparkline(values, width=120, height=32, pad=3):
    """A small line through ``values`` (oldest first, numbers), scaled to its own range; None without two values."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return None
    low, high = min(values), max(values)
    span = (high - low) or 1
    coords = [
        (
            round(pad + (width - 2 * pad) * i / (len(values) - 1), 1),
            round(height - pad - (height - 2 * pad) * float((v - low) / span), 1),
        )
        for i, v in enumerate(values)
    ]
    return Sparkline(" ".join(f"{x:g},{y:g}" for x, y in coords), coords[-1][0], coords[-1][1], width, height)
