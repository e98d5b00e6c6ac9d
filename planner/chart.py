"""Geometry of the planner's line chart, drawn as SVG by the template (no JavaScript, no library).

Plain functions with no Django imports, so they are tested directly.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 124, 20, 16, 64


@dataclass(frozen=True)
class Series:
    key: str
    points: str  # "x,y x,y ..." for <polyline points>
    last_x: float
    last_y: float


@dataclass(frozen=True)
class Tick:
    position: float
    value: Decimal | int


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


def nice_step(top: Decimal, count: int = 5) -> Decimal:
    """A round step (1, 2 or 5 × a power of ten) that covers ``top`` in about ``count`` ticks."""
    if top <= 0:
        return Decimal(1)
    raw = Decimal(top) / count
    power = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal(1)
    for factor in (1, 2, 5, 10):
        if raw <= power * factor:
            return power * factor
    return power * 10


def build_chart(months: list[int], series: dict[str, list[Decimal]]) -> Chart:
    """Scale each series of monthly values into the plot area; ticks at round values."""
    highest = max((max(values) for values in series.values() if values), default=Decimal(0))
    step = nice_step(highest)
    ticks = max(1, int((Decimal(highest) / step).to_integral_value(rounding=ROUND_CEILING)))
    y_max = step * ticks
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    span = max(1, len(months) - 1)

    def x(index):
        return round(LEFT + plot_w * index / span, 1)

    def y(value):
        return round(TOP + plot_h - float(Decimal(value) / y_max) * plot_h, 1)

    drawn = []
    for key, values in series.items():
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values))
        drawn.append(Series(key, points, x(len(values) - 1), y(values[-1])))
    y_ticks = [Tick(y(step * i), step * i) for i in range(ticks + 1)]
    every = max(1, -(-len(months) // 12))
    x_ticks = [Tick(x(i), m) for i, m in enumerate(months) if i % every == 0 or i == len(months) - 1]
    return Chart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, drawn, y_ticks, x_ticks)
