"""Programme-scale content for impact: figures for every indicator, illustrative unit and quarter.

Run by ``manage.py generate_scale_content`` after the case studies' scale content. For ``units`` illustrative
units (made by ``casestudies.scale``, found by their slugs) and ``quarters`` quarters from January 2022 on, every
indicator gets one value: indicators × units × quarters figures, all made up and marked illustrative
(``impact.factories``). The values follow the demo's formulas (``impact.demo.illustrative_values``) from a profile
made from the unit's number, so they are plausible, repeatable and need no randomness. Missing figures are added in
bulk, as the spreadsheet import (``impact.services``) saves its rows; a second run adds nothing.
"""

import datetime
from decimal import Decimal

from casestudies.models import CaseStudyPage
from home.scale_content import UNIT_PREFIX, unit_slug

from . import demo
from .factories import illustrative_figure, thai_indicators
from .models import ImpactFigure

FIRST_YEAR = 2022
BATCH_SIZE = 2000
SOURCE = "ตัวเลขตัวอย่างจากตัวสร้างข้อมูลขนาดโครงการ ไม่ใช่ผลการวัดจริง (illustrative, generated for scale testing)"


def quarter_dates(quarter):
    """First and last day of quarter number ``quarter`` (0 = January–March of FIRST_YEAR)."""
    year, first_month = FIRST_YEAR + quarter // 4, 3 * (quarter % 4) + 1
    start = datetime.date(year, first_month, 1)
    next_start = datetime.date(year + 1, 1, 1) if first_month == 10 else datetime.date(year, first_month + 3, 1)
    return start, next_start - datetime.timedelta(days=1)


def profile(number):
    """The made-up profile of illustrative unit ``number`` (the keys of impact/demo/impact.yaml's profiles)."""
    return {
        "members": 20 + number % 40,
        "growth": 1 + number % 5,
        "women": 40 + number % 45,
        "youth": 10 + number % 30,
        "disability": 1 + number % 15,
        "saving": 500 + 100 * (number % 8),
    }


def values(number, quarter):
    """``{indicator code: (value, baseline)}`` of unit ``number`` in quarter ``quarter``: the demo's formulas
    within a year, with membership carried on from year to year, and a yearly-style SROI ratio each quarter."""
    unit = profile(number)
    unit["members"] += 4 * unit["growth"] * (quarter // 4)
    found = demo.illustrative_values(unit, quarter % 4)
    found["sroi_ratio"] = (Decimal("2.4") + Decimal(unit["growth"]) / 5, None)
    return found


def generate(units=200, quarters=12, stdout=None, **sizes):
    """Make sure every indicator has a figure for illustrative units 1..``units`` and ``quarters`` quarters."""
    indicators = {indicator.code: indicator for indicator in thai_indicators()}
    numbers = {unit_slug(number): number for number in range(1, units + 1)}
    pages = CaseStudyPage.objects.filter(
        locale__language_code="th", alias_of__isnull=True, slug__startswith=UNIT_PREFIX, slug__in=numbers
    )
    periods = [quarter_dates(quarter) for quarter in range(quarters)]
    existing = set(
        ImpactFigure.objects.filter(page__in=pages).values_list("page_id", "indicator_id", "period_start", "period_end")
    )
    new = []
    for page in pages:
        for quarter, (start, end) in enumerate(periods):
            for code, (value, baseline) in values(numbers[page.slug], quarter).items():
                indicator = indicators.get(code)
                if indicator is None or (page.pk, indicator.pk, start, end) in existing:
                    continue
                new.append(
                    illustrative_figure(
                        page=page,
                        indicator=indicator,
                        period_start=start,
                        period_end=end,
                        value=value,
                        baseline=baseline,
                        source=SOURCE,
                    )
                )
    ImpactFigure.objects.bulk_create(new, batch_size=BATCH_SIZE)
    if stdout:
        stdout.write(f"impact: {len(new)} new illustrative figures ({len(indicators)} indicators, {quarters} quarters)")
    return new
