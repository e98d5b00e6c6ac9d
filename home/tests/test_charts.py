"""``home.charts``: round axis ticks, scales, bar slots and line points, used by every chart on the site."""

from decimal import Decimal

import pytest

from home.charts import LinearScale, bar_slot, line_points, nice_step, nice_ticks, value_axis


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 38, [0, 10, 20, 30, 40]),
        (0, 100, [0, 25, 50, 75, 100]),
        (0, 73, [0, 20, 40, 60, 80]),
        (0, 180, [0, 50, 100, 150, 200]),
        (0, 2400, [0, 1000, 2000, 3000]),
        (0, 8, [0, 2, 4, 6, 8]),
        (0, Decimal("0.6"), [0, Decimal("0.2"), Decimal("0.4"), Decimal("0.6")]),
        (0, 1_234_567, [0, 500_000, 1_000_000, 1_500_000]),
        (-30, 70, [-50, -25, 0, 25, 50, 75]),
        (0, 0, [0, Decimal("0.5"), 1]),
        (12.5, 12.5, [Decimal("12.5"), 13, Decimal("13.5")]),
    ],
)
def test_nice_ticks_are_round_and_cover_the_data(low, high, expected):
    ticks = nice_ticks(low, high)
    assert ticks == expected
    assert ticks[0] <= Decimal(str(low)) and ticks[-1] >= Decimal(str(high))


@pytest.mark.parametrize("high", [7, 13, 38, 99, 101, 999, 4321, 12345, 87_654, 1_234_567, 55_555_555])
def test_every_step_is_one_two_two_and_a_half_or_five_times_a_power_of_ten(high):
    ticks = nice_ticks(0, high)
    step = ticks[1] - ticks[0]
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {1, 2, Decimal("2.5"), 5}
    assert all(b - a == step for a, b in zip(ticks, ticks[1:], strict=False))
    assert 3 <= len(ticks) <= 6  # about four intervals, never a crowded axis
    assert all(t % 1 == 0 for t in ticks)  # whole numbers stay whole: no 2.5 people


def test_nice_step():
    assert nice_step(Decimal(12345)) == 5000
    assert nice_step(100) == 25
    assert nice_step(100, count=5) == 20
    assert nice_step(0) == 1


def test_scales_slots_and_lines():
    y = LinearScale(Decimal(0), Decimal(40), 300, 20)  # SVG y grows downwards
    assert (y(0), y(40), y(10)) == (300, 20, 230)
    x = LinearScale(0, 2, 100, 500)
    assert line_points([Decimal(0), Decimal(40), Decimal(20)], x, y) == "100.0,300.0 300.0,20.0 500.0,160.0"
    assert bar_slot(0, 2, 0, 200) == (20, 60)
    assert bar_slot(1, 2, 0, 200) == (120, 60)
    assert bar_slot(0, 1, 0, 1000)[1] == 72  # never wider than 72
    scale, ticks = value_axis(0, 38, 300, 20, label=lambda v: f"{v}%")
    assert [t.label for t in ticks] == ["0%", "10%", "20%", "30%", "40%"]
    assert [t.position for t in ticks] == [300, 230, 160, 90, 20]
    assert scale(38) == pytest.approx(300 - 280 * 38 / 40, abs=0.1)
