from django import template
from django.utils.html import format_html
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
