from django import template

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
