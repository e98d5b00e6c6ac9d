"""``home.numbers``: grouping, decimals, baht, percentages and compact axis numbers in Thai and English."""

from decimal import Decimal

import pytest

from home.numbers import format_baht, format_compact, format_number, format_percent, normalise_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("1234567.5"), None, "1,234,567.5"),
        (Decimal("1234.567"), None, "1,234.57"),
        (Decimal("1234"), None, "1,234"),
        (Decimal("12345.6"), 2, "12,345.60"),
        (Decimal("2.5"), 0, "3"),  # half up, not to even
        (Decimal("-1234.5"), 0, "-1,235"),
        ("0", 0, "0"),
        (None, 2, ""),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_baht_per_language_with_the_minus_in_front():
    assert format_baht(Decimal("1234.5"), "th") == "฿1,234.50"
    assert format_baht(Decimal("1234.5"), "en") == "THB 1,234.50"
    assert format_baht(Decimal("-3"), "en") == "−THB 3.00"
    assert format_baht(Decimal("-3"), "th", 0) == "−฿3"
    assert format_baht(Decimal("12500"), "th", None) == "฿12,500"
    assert format_baht(Decimal("12500"), None, None) == "฿12,500"  # no language: Thai, the site's default


def test_percentages_and_compact_numbers():
    assert format_percent(Decimal("45.50")) == "45.5%"
    assert format_percent(Decimal("45.00")) == "45%"
    assert format_percent(Decimal("12.5"), signed=True) == "+12.5%"
    assert format_percent(Decimal("-4"), signed=True) == "-4%"
    assert format_compact(Decimal(1_500_000)) == "1.5M"
    assert format_compact(Decimal(12_000_000)) == "12M"
    assert format_compact(Decimal(250_000)) == "250k"
    assert format_compact(Decimal(950)) == "950"


def test_typed_numbers_are_normalised():
    assert normalise_number("๑,๒๓๔.๕๐ บาท") == "1234.50"
    assert normalise_number("฿ 5,000") == "5000"
    assert normalise_number("THB 7 %") == "7"
