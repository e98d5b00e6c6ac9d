"""Demo figures of two illustrative network groups (made up, status ``illustrative``, labelled as such wherever
shown), accepted by staff so the impact pages show the "Reported by network groups" table. Loaded after the
network's demo groups (``demo_after``); the groups are replaced on every load, and their figures with them."""

import datetime
from decimal import Decimal

from django.conf import settings

from .models import FigureReview, FigureStatus, ImpactFigure, Indicator

# (indicator code, first group's value, second group's value), for two quarters of 2024; the second quarter grows.
VALUES = [("members_total", 28, 41), ("savings_total_thb", 36500, 52000), ("repayment_rate", 94, 91)]
QUARTERS = [
    (datetime.date(2024, 7, 1), datetime.date(2024, 9, 30)),
    (datetime.date(2024, 10, 1), datetime.date(2024, 12, 31)),
]
GROUPS = 2


def load(stdout=None):
    from network.models import Registration, Status

    groups = list(Registration.objects.filter(is_illustrative=True, status=Status.APPROVED).order_by("pk")[:GROUPS])
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(locale__language_code=settings.LANGUAGE_CODE, code__in=[v[0] for v in VALUES])
    }
    figures = []
    for index, group in enumerate(groups):
        ImpactFigure.objects.filter(group=group).delete()
        for step, (start, end) in enumerate(QUARTERS):
            for code, *values in VALUES:
                if code not in indicators:
                    continue
                value = Decimal(values[index])
                if indicators[code].unit != "percent":
                    value = value * (1 + Decimal(step) / 10)
                figures.append(
                    ImpactFigure(
                        group=group,
                        indicator=indicators[code],
                        period_start=start,
                        period_end=end,
                        value=value,
                        status=FigureStatus.ILLUSTRATIVE,
                        review=FigureReview.ACCEPTED,
                        source="Illustrative demo figure, made up for demonstration",
                    )
                )
    ImpactFigure.objects.bulk_create(figures)
    if stdout:
        stdout.write(f"impact: {len(figures)} illustrative figures of {len(groups)} network groups")
