"""A case study's own figures and the home page's headline figures, labelled in the reader's language."""

from dataclasses import dataclass

from wagtail.models import Locale

from home.localisation import in_locale
from home.visibility import public_pages

from .aggregation import Record, aggregate, latest
from .formatting import format_period, format_value
from .models import ImpactDashboardPage, ImpactFigure
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

    Figures belong to the Thai source page; two queries (indicator names, figures).
    """
    language = _language(page.locale)
    figures = list(
        ImpactFigure.objects.of_source_pages()
        .filter(page__translation_key=page.translation_key)
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator__code", "-period_end", "-period_start")
    )
    if not figures:
        return []
    latest_figures, seen = [], set()
    for figure in figures:
        if figure.indicator_id not in seen:
            seen.add(figure.indicator_id)
            latest_figures.append(figure)
    labels = in_locale([figure.indicator for figure in latest_figures], page.locale)
    shown = []
    for figure, label in zip(latest_figures, labels, strict=True):
        unit = figure.indicator.unit
        shown.append(
            ShownFigure(
                figure.indicator.code,
                label.name,
                label.definition,
                format_value(figure.value, unit, language),
                format_value(figure.baseline, unit, language) if figure.baseline is not None else "",
                format_period(figure.period_start, figure.period_end, language),
                figure.is_illustrative,
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
        .values_list("page__slug", "indicator__code", "period_start", "period_end", "value", "status")
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
