"""Layout of the planner's line chart, drawn as SVG by the template (no JavaScript, no library).

The geometry (round ticks, scales, line points) is ``home.charts``'s. Plain functions, tested directly.
"""

from dataclasses import dataclass
from decimal import Decimal

from home.charts import LinearScale, Tick, line_points, value_axis
from home.numbers import format_number

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 124, 20, 16, 64


@dataclass(frozen=True)
class Series:
    key: str
    points: str  # "x,y x,y ..." for <polyline points>
    last_x: float
    last_y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    series: list[Series]
    y_ticks: list[Tick]
    x_ticks: list[Tick]

    @property
    def plot_right(self) -> int:
        return self.width - self.right

    @property
    def x_middle(self) -> float:
        return (self.left + self.plot_right) / 2

    @property
    def y_middle(self) -> float:
        """Middle of the plot area, negated: the y axis label is drawn rotated by -90 degrees."""
        return -(self.top + (self.height - self.top - self.bottom) / 2)


def format_tick(value) -> str:
    """A y-axis label: whole baht, digits grouped (20,000)."""
    return format_number(value, 0)


def build_chart(months: list[int], series: dict[str, list[Decimal]]) -> Chart:
    """Scale each series of monthly values into the plot area; ticks at round values."""
    values = [v for series_values in series.values() for v in series_values]
    plot_w = WIDTH - LEFT - RIGHT
    y, y_ticks = value_axis(min([0, *values]), max([0, *values]), HEIGHT - BOTTOM, TOP, label=format_tick)
    x = LinearScale(0, max(1, len(months) - 1), LEFT, LEFT + plot_w)

    drawn = []
    for key, values in series.items():
        drawn.append(Series(key, line_points(values, x, y), x(len(values) - 1), y(values[-1])))
    every = max(1, -(-len(months) // 12))
    x_ticks = [Tick(x(i), m) for i, m in enumerate(months) if i % every == 0 or i == len(months) - 1]
    return Chart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, drawn, y_ticks, x_ticks)
