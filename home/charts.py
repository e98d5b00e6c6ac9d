"""Geometry of the site's SVG charts: "nice" axis ticks, linear scales, bar slots and line points.

Plain Python with no Django imports, tested directly (``home/tests/test_charts.py``). Each chart's template
draws the ``<svg>`` from these numbers with a title, a description and labelled axes, and the same figures
are in a table beside it, so nothing depends on JavaScript or on seeing colours.

Axis ticks are always round: steps of 1, 2, 2.5 (as 25, 250 …), 5 or 10 times a power of ten, so an axis
reads 0, 25, 50, 75, 100 or 0, 10, 20, 30, 40, never 13 % or 38 %.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

# Round steps as factors of a power of ten; 2.5 only from 25 up (an axis of people never reads 2.5).
NICE_FACTORS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def _decimal(value) -> Decimal:
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class Tick:
    """One axis tick: where it is drawn (in SVG units), its value and, optionally, its formatted label."""

    position: float
    value: Decimal
    label: str = ""


def nice_step(span, count: int = 4) -> Decimal:
    """The smallest round step that covers ``span`` in at most ``count`` intervals (1 for nothing)."""
    span = _decimal(span)
    if span <= 0:
        return Decimal(1)
    raw = span / count
    exponent = raw.adjusted()  # the power of ten of raw's first digit
    power = Decimal(10) ** exponent
    for factor in NICE_FACTORS:
        if factor == Decimal("2.5") and exponent < 1:
            continue
        if factor * power >= raw:
            return factor * power
    return power * 10  # pragma: no cover - factor 10 always covers raw


def nice_ticks(low, high, count: int = 4) -> list[Decimal]:
    """Round tick values from at or below ``low`` to at or above ``high``, about ``count`` intervals apart.

    ``nice_ticks(0, 38)`` → 0, 10, 20, 30, 40; ``nice_ticks(0, 100)`` → 0, 25, 50, 75, 100. An empty range
    (``low == high``) gets an axis one unit tall, so a chart of zeros still has a scale.
    """
    low, high = sorted((_decimal(low), _decimal(high)))
    if low == high:
        high = low + 1
    step = nice_step(high - low, count)
    first = (low / step).to_integral_value(rounding=ROUND_FLOOR)
    last = (high / step).to_integral_value(rounding=ROUND_CEILING)
    return [step * i for i in range(int(first), int(last) + 1)]


@dataclass(frozen=True)
class LinearScale:
    """Maps values in ``low``–``high`` onto SVG coordinates ``start``–``end`` (for y, bottom to top)."""

    low: Decimal
    high: Decimal
    start: float
    end: float

    def __call__(self, value) -> float:
        span = self.high - self.low
        fraction = float((_decimal(value) - self.low) / span) if span else 0.0
        return round(self.start + (self.end - self.start) * fraction, 1)


def value_axis(low, high, start: float, end: float, count: int = 4, label=None):
    """The scale of a value axis and its ticks: ``(LinearScale, [Tick])``, from the round ticks around the data.

    ``label(value)`` formats each tick's label (none when not given).
    """
    values = nice_ticks(low, high, count)
    scale = LinearScale(values[0], values[-1], start, end)
    return scale, [Tick(scale(v), v, label(v) if label else "") for v in values]


def bar_slot(index: int, count: int, start: float, end: float, fill: float = 0.6, max_width: float = 72):
    """``(x, width)`` of bar ``index`` of ``count`` bars spread evenly from ``start`` to ``end``, centred in its slot."""
    slot = (end - start) / count
    width = min(slot * fill, max_width)
    return round(start + slot * index + (slot - width) / 2, 1), round(width, 1)


def line_points(values, x_scale, y_scale) -> str:
    """``"x,y x,y …"`` for ``<polyline points>``: value ``i`` at ``x_scale(i)``, ``y_scale(value)``."""
    return " ".join(f"{x_scale(i)},{y_scale(v)}" for i, v in enumerate(values))
