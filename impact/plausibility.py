"""What a plausible impact figure looks like: the model's field validators and ``ImpactFigure.clean`` use these,
so the spreadsheet import, the admin and any future form refuse the same values with the same messages.

- Periods lie between 2000-01-01 and one year from today; a year of 2400 or later is almost always a
  Buddhist-Era year typed by mistake (2568 is 2025), and the message says so.
- People, counts and baht are never negative; percentages lie between 0 and 100.
- Values fit the database column (16 digits, 2 of them decimals): larger numbers are refused with a message,
  not left to fail at the database.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_PERIOD = datetime.date(2000, 1, 1)
BUDDHIST_ERA_OFFSET = 543
BUDDHIST_ERA_FROM = 2400
NOT_NEGATIVE_UNITS = {"people", "count", "thb"}
PERCENT_UNITS = {"percent"}

# The DecimalField (max_digits=16, decimal_places=2) messages, in words staff understand.
NUMBER_ERROR_MESSAGES = {
    "max_digits": _("This number is too large: at most 14 digits before the decimal point."),
    "max_whole_digits": _("This number is too large: at most 14 digits before the decimal point."),
    "max_decimal_places": _("Use at most 2 decimal places."),
}


def latest_period_date(today=None):
    """One year from ``today``: the latest day a period may start or end (periods may be planned ahead).

    Today in UTC: a day's difference does not matter for this bound, and it is cheap enough to run per cell.
    """
    today = today or timezone.now().date()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def validate_period_date(value, today=None):
    """A period's first or last day: from 2000-01-01 to one year from today, with a hint for Buddhist-Era years."""
    if value is None:
        return
    if value.year >= BUDDHIST_ERA_FROM:
        raise ValidationError(
            _("%(date)s: this looks like a Buddhist-Era year: %(be)s is %(ce)s. Type the year in the Common Era."),
            code="buddhist_era",
            params={"date": value.isoformat(), "be": value.year, "ce": value.year - BUDDHIST_ERA_OFFSET},
        )
    latest = latest_period_date(today)
    if not EARLIEST_PERIOD <= value <= latest:
        raise ValidationError(
            _("%(date)s is not a plausible date: periods lie between %(earliest)s and %(latest)s."),
            code="implausible_date",
            params={"date": value.isoformat(), "earliest": EARLIEST_PERIOD.isoformat(), "latest": latest.isoformat()},
        )


def period_errors(start, end):
    """``{field: message}`` for a period that ends before it starts."""
    if start and end and end < start:
        return {"period_end": _("The period ends before it starts.")}
    return {}


def number_errors(unit, numbers):
    """``{field: message}`` for ``numbers`` (``{field: Decimal or None}``) that the unit of measure rules out."""
    errors = {}
    for name, number in numbers.items():
        if number is None or not number.is_finite():
            continue
        if unit in PERCENT_UNITS and not 0 <= number <= 100:
            errors[name] = _("A percentage must be between 0 and 100.")
        elif unit in NOT_NEGATIVE_UNITS and number < 0:
            errors[name] = _("People, counts and money cannot be negative.")
    return errors
