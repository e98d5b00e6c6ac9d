"""Test data for impact: the demo's Thai indicators, and figures in bulk for a unit."""

import datetime

from impact.models import FigureStatus, ImpactFigure, Indicator


def thai_indicators():
    return list(Indicator.objects.filter(locale__language_code="th").order_by("sort_order"))


def figures_for(page, count):
    """``count`` figures for ``page`` (its others deleted): every Thai indicator over consecutive months from
    January 2005."""
    ImpactFigure.objects.filter(page=page).delete()
    indicators = thai_indicators()
    figures = []
    month = 0
    while len(figures) < count:
        start = datetime.date(2005 + month // 12, month % 12 + 1, 1)
        end = start + datetime.timedelta(days=27)
        for indicator in indicators[: count - len(figures)]:
            figures.append(ImpactFigure(page=page, indicator=indicator, period_start=start, period_end=end, value=5))
        month += 1
    ImpactFigure.objects.bulk_create(figures)
    return figures


# How a figure is marked as made up.
ILLUSTRATIVE = {"status": FigureStatus.ILLUSTRATIVE}


def illustrative_figure(**fields):
    """An unsaved figure with ``fields``, marked illustrative (the scale generator's figures, ``impact.scale``)."""
    return ImpactFigure(**fields, **ILLUSTRATIVE)
