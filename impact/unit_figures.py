"""A case study's own figures and the home page's headline figures, labelled in the reader's language."""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, Subquery

from wagtail.models import Locale, Page

from home import compiled_sql
from home.visibility import hidden_page_ids, public_pages

from .aggregation import IndicatorRule, Record, aggregate, latest
from .formatting import format_period, format_value
from .models import ImpactDashboardPage, ImpactFigure, Indicator


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


def _case_study_figure_rows(page_id, locale_id):
    """The figures of the unit of page ``page_id`` as ``case_study_figures`` reads them (its SQL is compiled once
    per process, ``home.compiled_sql``: building this query cost more than running it)."""
    local = Indicator.objects.filter(translation_key=OuterRef("indicator__translation_key"), locale_id=locale_id)
    unit = Page.objects.filter(pk=page_id).values("translation_key")
    return (
        ImpactFigure.objects.of_source_pages()
        .filter(page__translation_key__in=unit)
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
            "status",
            Subquery(local.values("name")[:1]),
            Subquery(local.values("definition")[:1]),
        )
    )


def case_study_figures(page):
    """The latest figure of each indicator for the unit of ``page`` (any language version), in its language.

    Figures belong to the Thai source page; one query: the figures with their indicators and the name and
    definition of each indicator's version in the page's language (where there is one).
    """
    language = _language(page.locale)
    rows = compiled_sql.rows("case-study-figures", _case_study_figure_rows, page.pk, page.locale_id)
    shown, seen = [], set()
    for code, name, definition, unit, value, baseline, start, end, status, local_name, local_definition in rows:
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
                status == "illustrative",
            )
        )
    return shown


HEADLINE_COLUMNS = (
    "page__slug",
    "indicator__code",
    "period_start",
    "period_end",
    "value",
    "status",
    "indicator__unit",
    "indicator__weight_code",
    "indicator__show_on_home",
    "indicator__sort_order",
    "indicator__name",
    "indicator__definition",
)


def headline_rows(locale_id, hidden):
    """The figures the headline figures are made of: those of the headline indicators and of their weights (of the
    pages the public may see: none of ``hidden``), only from the oldest of the headline indicators' latest periods
    on, so that the rows read do not grow with the figures' history. Each row has its indicator's rule, order and
    name, and the name and definition of its version in the locale ``locale_id`` (None where not translated).

    Each headline indicator's latest period and the same period of its weight are among the rows: the
    latest period of each ends on or after the oldest of them (one scalar subquery, run once by the database)."""
    published = ImpactFigure.objects.published_without(hidden).of_pilots()
    latest_end = published.filter(indicator_id=OuterRef("pk")).order_by("-period_end").values("period_end")[:1]
    since = (
        Indicator.objects.filter(show_on_home=True)
        .annotate(latest_end=Subquery(latest_end))
        .order_by(F("latest_end").asc(nulls_last=True))  # an indicator with no figures yet does not count
        .values("latest_end")[:1]
    )
    headline = Indicator.objects.filter(show_on_home=True)
    local = Indicator.objects.filter(translation_key=OuterRef("indicator__translation_key"), locale_id=locale_id)
    return (
        published.filter(Q(indicator__show_on_home=True) | Q(indicator__code__in=headline.values("weight_code")))
        .filter(period_end__gte=Subquery(since))
        .values_list(
            *HEADLINE_COLUMNS,
            Subquery(local.values("name")[:1]),
            Subquery(local.values("definition")[:1]),
        )
    )


def headline_figures(locale=None):
    """The latest total (or average) across units of each indicator marked for the home page, named in ``locale``
    where translated (else Thai), in catalogue order.

    One query (``headline_rows``, its SQL compiled once: ``home.compiled_sql``), reading only the latest rows.
    """
    locale = locale or Locale.get_active()
    language = _language(locale)
    rows = compiled_sql.rows("impact-headlines", headline_rows, locale.pk, sorted(hidden_page_ids()))
    rules, names = {}, {}
    for row in rows:
        code, unit, weight_code, on_home, sort_order, name, definition, local_name, local_definition = row[1], *row[6:]
        rules[code] = IndicatorRule(unit, weight_code)
        if on_home and code not in names:
            translated = local_name is not None  # else the Thai name, as ``impact.queries.indicators_in``
            names[code] = (sort_order, unit, local_name if translated else name, local_definition if translated else definition)  # fmt: skip
    series = aggregate([Record(*row[:6]) for row in rows], rules)
    shown = []
    for code, (_order, unit, name, definition) in sorted(names.items(), key=lambda item: (item[1][0], item[0])):
        last = latest(series.get(code, []))
        if last is None or last.value is None:
            continue
        shown.append(
            ShownFigure(
                code,
                name,
                definition,
                format_value(last.value, unit, language),
                "",
                format_period(*last.period, language),
                last.is_illustrative,
            )
        )
    return shown
