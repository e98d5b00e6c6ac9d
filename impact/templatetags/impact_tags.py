from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
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


def _out(value):
    """``value`` as ``{{ value }}`` writes it: localized (numbers), then escaped unless safe."""
    return conditional_escape(localize(value))


def _line_svg(line):
    """One line of a line chart (``impact.charts.Line``): its path, marks and legend entry."""
    dash = format_html(' stroke-dasharray="{}"', line.dash) if line.dash else ""
    return format_html(
        '<g stroke="{colour}" fill="{colour}"><title>{label}</title><path d="{path}" fill="none" stroke-width="{width}"'
        '{dash} class="im-line"/>{marks}\n<path d="M{x} {y}h24" stroke-width="3"{dash}/><text x="{text_x}" y="{y}" '
        'dy="0.35em" stroke="none" fill="#1f2421" font-size="13">{short}</text></g>\n',
        colour=line.colour,
        label=line.label,
        path=line.path,
        width="3" if line.is_total else "2.5",
        dash=dash,
        marks=line.marks,
        x=localize(line.legend_x),
        y=localize(line.legend_y),
        text_x=localize(int(line.legend_x) + 30),  # as ``|add:30``: a whole number
        short=Truncator(line.label).chars(72),
    )


@register.simple_tag
def line_chart_svg(view, info, standalone=False):
    """An indicator's line chart (``view.chart``, ``impact.charts.line_chart``) as ``<svg>``: a line per unit, the
    average where it makes sense, point marks by status (hollow circle: illustrative; filled circle: reported;
    square: verified) and a legend, so the SVG also stands on its own as the downloadable file (``standalone``: with
    its namespace and size); colours are attributes, so no stylesheet is needed. Written in Python, every value
    escaped (issue 22: as a template, its ten lines cost a fifth of the indicator's page)."""
    chart = view.chart
    left, right, top, bottom = chart.plot_left, chart.plot_right, chart.plot_top, chart.plot_bottom
    size = format_html('xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" ', chart.width, chart.height)
    counter = len(view.chart_units)
    description = ngettext(
        "Line chart, in %(unit)s, of %(counter)s unit over time.",
        "Line chart, in %(unit)s, of %(counter)s units over time.",
        counter,
    ) % {"unit": _out(info.unit_label), "counter": _out(counter)}
    period = f", {_out(view.period_labels[0])} – {_out(view.latest_period_label)}" if view.periods else ""
    grid = "".join(f'<path d="M{_out(left)} {_out(tick.position)}H{_out(right)}"/>' for tick in chart.ticks)
    tick_labels = "".join(
        f'<text x="{_out(left - 8)}" y="{_out(tick.position)}" dy="0.35em" text-anchor="end">{_out(tick.label)}</text>'
        for tick in chart.ticks
    )
    periods = "".join(
        f'<text x="{_out(tick.x)}" y="{_out(bottom + 18)}" text-anchor="middle">'
        + "".join(
            f'<tspan x="{_out(tick.x)}" dy="{"0" if number == 0 else "1.15em"}">{_out(text)}</tspan>'
            for number, text in enumerate(tick.lines)
        )
        + "</text>"
        for tick in chart.periods
    )
    zero = ""
    if chart.zero_y is not None:
        zero = (
            f'<line x1="{_out(left)}" x2="{_out(right)}" y1="{_out(chart.zero_y)}" y2="{_out(chart.zero_y)}" '
            'stroke="#1f2421" stroke-dasharray="4 3"/>'
        )
    parts = [
        f'<svg {size if standalone else ""}viewBox="{_out(chart.view_box)}" role="img" '
        'aria-labelledby="im-lc-title im-lc-desc" class="im-lines" font-family="Sarabun, Tahoma, sans-serif">\n',
        f'<title id="im-lc-title">{_out(info.name)}{period}</title>\n',
        f'<desc id="im-lc-desc">{description}{_out(chart.summary)} {_out(gettext("Every figure is in the table."))}'
        "</desc>\n",
        f'<g stroke="#e3e0d6">{grid}</g>\n',
        f'<g fill="#555d58" font-size="13">{tick_labels}\n{periods}</g>\n',
        f"{zero}\n",
        f'<path d="M{_out(left)} {_out(top)}V{_out(bottom)}H{_out(right)}" fill="none" stroke="#1f2421" '
        'stroke-width="1.5"/>\n',
        f'<g fill="#1f2421" font-size="14" font-weight="700"><text x="{_out(left)}" y="20" class="im-axis-label">'
        f"{_out(info.unit_label)}</text>\n",
        f'<text x="{_out(right)}" y="{_out(chart.x_axis_label_y)}" class="im-axis-label" text-anchor="end">'
        f"{_out(gettext('Period'))}</text></g>\n",
        *(_line_svg(line) for line in chart.lines),
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped (``_out``, ``format_html``)
