"""Figures a network group reports through its private link, and staff's review of them.

A group's figures are ``ImpactFigure`` rows like a learning unit's (one store), with ``group`` instead of ``page``,
status "reported" and review "pending": ``ImpactFigure.objects.published()`` shows them only once a Moderator
accepts them. Reporting a quarter again replaces the group's values for it and sends them back for review.
Every write leaves history entries (``impact.history``).
"""

import datetime
from decimal import Decimal

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.localisation import current_language
from home.numbers import THAI_DIGITS

from . import history
from .formatting import format_period
from .models import FigureReview, FigureStatus, ImpactFigure
from .plausibility import NUMBER_ERROR_MESSAGES, number_errors
from .services import figures_changed, source_indicators

QUARTERS_SHOWN = 6
FIELD_PREFIX = "value_"


def quarter_of(day):
    """``(year, quarter)`` of a date."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year, quarter):
    """First and last day of a calendar quarter."""
    start = datetime.date(year, 3 * quarter - 2, 1)
    end_month = 3 * quarter
    following = datetime.date(year + (end_month == 12), end_month % 12 + 1, 1)
    return start, following - datetime.timedelta(days=1)


def recent_quarters(today=None, count=QUARTERS_SHOWN):
    """The current quarter and the ones before it, newest first: ``[(key "2026-Q3", year, quarter)]``."""
    year, quarter = quarter_of(today or timezone.localdate())
    quarters = []
    for _step in range(count):
        quarters.append((f"{year}-Q{quarter}", year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return quarters


def quarter_label(year, quarter):
    """ "ไตรมาส 4: ต.ค.–ธ.ค. 2569" / "Quarter 4: Oct–Dec 2026" (Buddhist-Era years in Thai, as readers expect)."""
    start, end = quarter_bounds(year, quarter)
    return _("Quarter %(quarter)s: %(period)s") % {
        "quarter": quarter,
        "period": format_period(start, end, current_language()),
    }


class NumberField(forms.DecimalField):
    """A number as typed on a phone: Thai digits, spaces and thousands separators are accepted."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(THAI_DIGITS).replace(",", "").replace(" ", "").strip()
        return super().to_python(value)


class GroupReportForm(forms.Form):
    """The quarter and one optional number per indicator (``indicators``: ``{code: IndicatorInfo}`` named in the
    reader's language); at least one number is needed."""

    quarter = forms.ChoiceField(label=gettext_lazy("Quarter"))

    def __init__(self, *args, indicators, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.quarters = {key: (year, quarter) for key, year, quarter in recent_quarters(today)}
        self.fields["quarter"].choices = [(key, quarter_label(*yq)) for key, yq in self.quarters.items()]
        for code, info in indicators.items():
            self.fields[FIELD_PREFIX + code] = NumberField(
                label=info.name,
                help_text=f"{info.unit_label}. {info.definition}",
                required=False,
                max_digits=16,
                decimal_places=2,
                error_messages={"invalid": _("Type a number, e.g. 1250 or 12.5."), **NUMBER_ERROR_MESSAGES},
            )

    def number_fields(self):
        return [self[FIELD_PREFIX + code] for code in self.indicators]

    def clean(self):
        cleaned = super().clean()
        values = {}
        for code, info in self.indicators.items():
            name = FIELD_PREFIX + code
            value = cleaned.get(name)
            if value is None:
                continue
            errors = number_errors(info.unit, {name: value})
            if errors:
                self.add_error(name, errors[name])
            else:
                values[code] = value
        if not values and not self.errors:
            raise forms.ValidationError(_("Fill in at least one figure."), code="empty")
        cleaned["values"] = values
        return cleaned

    def period(self):
        return quarter_bounds(*self.quarters[self.cleaned_data["quarter"]])


@transaction.atomic
def save_report(group, period_start, period_end, values):
    """Save ``values`` (``{indicator code: Decimal}``) as the group's figures for the period, waiting for review.

    A fixed number of queries, however many indicators: the indicators, the group's existing figures of the period,
    one insert for the new ones, one update for the changed ones, the history.
    """
    indicators = source_indicators()
    list(type(group).objects.select_for_update().filter(pk=group.pk).values_list("pk"))  # one report at a time
    existing = {
        figure.indicator.code: figure
        for figure in ImpactFigure.objects.filter(
            group=group, period_start=period_start, period_end=period_end
        ).select_related("indicator")
    }
    created, edited = [], []
    for code, value in values.items():
        if code not in indicators:
            continue
        figure = existing.get(code)
        if figure is None:
            figure = ImpactFigure(
                group=group, indicator=indicators[code], period_start=period_start, period_end=period_end
            )
            created.append((None, figure))
        else:
            figure.group = group
            if figure.value == Decimal(value) and figure.review == FigureReview.PENDING:
                continue
            edited.append((history.snapshot(figure), figure))
        figure.value = value
        figure.status = FigureStatus.REPORTED
        figure.review = FigureReview.PENDING
    ImpactFigure.objects.bulk_create([figure for _before, figure in created])
    was_public = any(before["review"] == FigureReview.ACCEPTED for before, _figure in edited)
    # One statement (Django's ``bulk_update`` is one ``update``, which keeps ``FigureSum`` as every bulk write).
    ImpactFigure.objects.bulk_update([figure for _before, figure in edited], ["value", "status", "review"])
    history.record(created, history.CREATE)
    history.record(edited, history.EDIT)
    if was_public:  # a value the public saw is back in review
        figures_changed()
    return len(created) + len(edited)


def review(figures, accept, user=None):
    """Accept (public from now on) or reject the group ``figures``; one history entry per changed figure."""
    decision = FigureReview.ACCEPTED if accept else FigureReview.REJECTED
    with transaction.atomic():
        current = list(
            ImpactFigure.objects.of_groups()
            .select_for_update(of=("self",))
            .filter(pk__in=[figure.pk for figure in figures])
            .exclude(review=decision)
            .select_related("group", "indicator")
        )
        pairs = [(history.snapshot(figure), figure) for figure in current]
        for figure in current:
            figure.review = decision
        ImpactFigure.objects.filter(pk__in=[figure.pk for figure in current]).update(review=decision)
        history.record(pairs, history.EDIT, user)
        figures_changed()
    return len(current)
