"""A case study's own figures and the home page's headline figures, labelled in the reader's language."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from wagtail.models import Locale

from home.visibility import public_pages

from .aggregation import Record, aggregate, latest
from .formatting import format_period, format_value
from .models import ImpactDashboardPage, ImpactFigure, Indicator
from .queries import indicators_in


@dataclass
class ShownFigure:
    """One figure as a reader sees it: indicator name, formatted value and period, illustrative or not."""

    code: str
    name: str
    definition: str
    value_label: str
    baseline_label: str
    period_label: str
    is_illustrative: bool


def _language(locale):
    return locale.language_code


def dashboard_for(locale):
    """The impact dashboard page in ``locale`` that the public may see, or None."""
    return public_pages(ImpactDashboardPage.objects.filter(locale=locale)).first()


def case_study_figures(page):
    """The latest figure of each indicator for the unit of ``page`` (any language version), in its language.

    Figures belong to the Thai source page; one query: the figures with their indicators and the name and
    definition of each indicator's version in the page's language (where there is one).
    """
    language = _language(page.locale)
    local = Indicator.objects.filter(translation_key=OuterRef("indicator__translation_key"), locale_id=page.locale_id)
    rows = (
        ImpactFigure.objects.of_source_pages()
        .filter(page__translation_key=page.translation_key)
        .order_by("indicator__sort_order", "indicator__code", "-period_end", "-period_start")
        .values_list(
            "indicator__code",
            "indicator__name",
            "indicator__definition",
            "indicator__unit",
            "value",
            "baseline",
            "period_start",
            "period_end",
            "is_illustrative",
            Subquery(local.values("name")[:1]),
            Subquery(local.values("definition")[:1]),
        )
    )
    shown, seen = [], set()
    for code, name, definition, unit, value, baseline, start, end, illustrative, local_name, local_definition in rows:
        if code in seen:
            continue
        seen.add(code)
        translated = local_name is not None  # else the indicator as it is (``home.localisation.in_locale``)
        shown.append(
            ShownFigure(
                code,
                local_name if translated else name,
                local_definition if translated else definition,
                format_value(value, unit, language),
                format_value(baseline, unit, language) if baseline is not None else "",
                format_period(start, end, language),
                illustrative,
            )
        )
    return shown


def headline_figures(locale=None):
    """The latest total (or average) across units of each indicator marked for the home page (four queries)."""
    locale = locale or Locale.get_active()
    language = _language(locale)
    indicators = indicators_in(locale)
    headline = {code: info for code, info in indicators.items() if info.show_on_home}
    if not headline:
        return []
    rules = {code: info.rule for code, info in indicators.items()}
    wanted = set(headline) | {rules[c].weight_code for c in headline if rules[c].weight_code}
    records = [
        Record(*row)
        for row in ImpactFigure.objects.published()
        .filter(indicator__code__in=wanted)
        .values_list("page__slug", "indicator__code", "period_start", "period_end", "value", "is_illustrative")
    ]
    series = aggregate(records, rules)
    shown = []
    for code, info in headline.items():
        last = latest(series.get(code, []))
        if last is None or last.value is None:
            continue
        shown.append(
            ShownFigure(
                code,
                info.name,
                info.definition,
                format_value(last.value, info.unit, language),
                "",
                format_period(*last.period, language),
                last.is_illustrative,
            )
        )
    return shown
