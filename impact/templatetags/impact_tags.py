from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from impact.unit_figures import case_study_figures, dashboard_for, headline_figures

register = template.Library()


def _dashboard(request, locale):
    """The public dashboard of ``locale``: a section of its home page (read once per request for the menu,
    ``home.home_sections``), else looked up."""
    from home.home_sections import home_sections
    from impact.models import ImpactDashboardPage

    found = home_sections(request, locale.language_code).of_type(ImpactDashboardPage) if request else []
    return found[0] if found else dashboard_for(locale)


@register.simple_tag(takes_context=True)
def impact_headlines(context):
    """Headline figures for the home page in the active language, with the dashboard page to link to."""
    locale = Locale.get_active()
    figures = headline_figures(locale)
    return {"figures": figures, "dashboard": _dashboard(context.get("request"), locale) if figures else None}


@register.simple_tag(takes_context=True)
def impact_dashboard(context):
    """The live dashboard page in the active language, or None."""
    return _dashboard(context.get("request"), Locale.get_active())


@register.inclusion_tag("impact/includes/unit_figures.html", takes_context=True)
def unit_figures(context, page):
    """The "Impact figures" section of a case study ``page``: the latest figure of each indicator for its unit,
    labelled in the page's language (nothing without figures)."""
    return {"request": context.get("request"), "page": page, "figures": case_study_figures(page)}


# A figure's status as a badge (impact.models.FigureStatus): a filter, not an include, as tables show one per cell.
STATUS_MARKS = {
    "illustrative": ("im-badge", _("Illustrative")),
    "verified": ("im-badge im-badge--verified", _("Verified")),
    "reported": ("im-badge im-badge--reported", _("Reported")),
}


@register.filter
def status_mark(status):
    """``<span class="im-badge …">Verified</span>`` for a figure's status (nothing for an unknown one)."""
    mark = STATUS_MARKS.get(status)
    return format_html('<span class="{}">{}</span>', *mark) if mark else ""


def _card_change(card):
    if not card.change_label:
        return ""
    return format_html(
        '<p class="im-card__change im-card__change--{}">{} {}</p>',
        card.change_tone,
        card.change_arrow,
        card.change_text,
    )


def _card_spark(card):
    spark = card.spark
    if not spark:
        return ""
    return format_html(
        '<svg class="im-spark{}" viewBox="{}" width="{}" height="{}" aria-hidden="true" focusable="false">'
        '<polyline points="{}"/><circle cx="{}" cy="{}" r="2.5"/></svg>',
        " im-spark--illustrative" if card.status == "illustrative" else "",
        spark.view_box,
        spark.width,
        spark.height,
        spark.points,
        spark.last_x,
        spark.last_y,
    )


@register.simple_tag
def overview_cards(cards, dashboard_url, query_suffix):
    """The ``<li>`` of each indicator card of the impact overview (``impact.explorer.Card``): its link, latest
    value, period and status, change over the year and sparkline. One tag for the list, not tags per card."""
    return format_html_join(
        "\n",
        '<li class="im-card">\n<a class="im-card__link" href="{}{}/{}">{}</a>\n<p class="im-card__value">{}</p>\n'
        '<p class="im-card__meta">{}, {} {}</p>\n{}\n{}\n</li>',
        (
            (
                dashboard_url,
                card.info.code,
                query_suffix,
                card.info.name,
                card.value_label,
                card.combined_label,
                card.period_label,
                status_mark(card.status),
                _card_change(card),
                _card_spark(card),
            )
            for card in cards
        ),
    )


def _compare_latest(line):
    if not line.periods:
        return gettext("No figures")
    return format_html(
        '<strong>{}</strong> <span class="cmp-period">{}</span> {}',
        line.latest_label,
        line.latest_period,
        status_mark(line.status),
    )


def _compare_change(line):
    judged = {"better": gettext("better"), "worse": gettext("worse")}.get(line.change_direction)
    return format_html(
        '<td class="im-num{}">{}{}{}</td>',
        f" cmp-change--{line.change_direction}" if line.change_direction else "",
        line.change_label,
        format_html(' <span class="visually-hidden">({})</span>', judged) if judged else "",
        format_html(' <span class="cmp-period">{}</span>', gettext("since %(period)s") % {"period": line.change_since})
        if line.change_since
        else "",
    )


def _compare_trend(line):
    if not line.spark_points:
        return ""
    return format_html(
        '<svg class="cmp-spark{}" viewBox="0 0 120 32" width="120" height="32" aria-hidden="true" focusable="false">'
        '<polyline points="{}"/></svg>',
        " cmp-spark--illustrative" if line.is_illustrative else "",
        line.spark_points,
    )


@register.simple_tag
def compare_rows(lines):
    """The table rows of one indicator of the comparison (``impact.compare.UnitLine``): each unit's latest value
    with its period and status, its change and trend line. One tag for the table, not tags per cell."""
    return format_html_join(
        "\n",
        '<tr>\n<th scope="row">{}</th>\n<td class="im-num">{}</td>\n{}\n<td class="cmp-trend">{}</td>\n</tr>',
        ((line.unit.short_name, _compare_latest(line), _compare_change(line), _compare_trend(line)) for line in lines),
    )
