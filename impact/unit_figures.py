"""A case study's own figures and the home page's headline figures, labelled in the reader's language."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from wagtail.models import Locale, Page

from home import compiled_sql
from home.visibility import hidden_page_ids, public_pages

from .aggregation import combine_sum
from .formatting import format_period, format_value
from .models import ImpactDashboardPage, ImpactFigure, Indicator
from .queries import headline_sums


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


def headline_figures(locale=None):
    """The latest total (or average) across units of each indicator marked for the home page, named in ``locale``
    where translated (else Thai), in catalogue order.

    One query (``impact.queries.headline_sums``): the database sums the figures of each headline indicator's latest
    period (and of the other headline indicators' latest ends), reading only those rows, as the overview's sums do.
    """
    locale = locale or Locale.get_active()
    language = _language(locale)
    latest_sums, about = {}, {}
    for found in headline_sums(locale.pk, sorted(hidden_page_ids())):
        code = found.sum.indicator
        if code not in latest_sums or found.sum.period[::-1] > latest_sums[code].period[::-1]:
            latest_sums[code] = found.sum  # the latest period: by its end, then its start (``aggregation.latest``)
        about[code] = found
    shown = []
    for code in sorted(about, key=lambda code: (about[code].sort_order, code)):
        info = about[code]
        value, _method = combine_sum(latest_sums[code], info.rule)
        if value is None:
            continue
        translated = info.local_name is not None  # else the Thai name, as ``impact.queries.indicators_in``
        shown.append(
            ShownFigure(
                code,
                info.local_name if translated else info.name,
                info.local_definition if translated else info.definition,
                format_value(value, info.rule.unit, language),
                "",
                format_period(*latest_sums[code].period, language),
                latest_sums[code].status == "illustrative",
            )
        )
    return shown
