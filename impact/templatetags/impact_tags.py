from django import template

from wagtail.models import Locale

from impact.unit_figures import case_study_figures, dashboard_for, headline_figures

register = template.Library()


@register.simple_tag
def impact_headlines():
    """Headline figures for the home page in the active language, with the dashboard page to link to."""
    locale = Locale.get_active()
    figures = headline_figures(locale)
    return {"figures": figures, "dashboard": dashboard_for(locale) if figures else None}


@register.simple_tag
def impact_dashboard():
    """The live dashboard page in the active language, or None."""
    return dashboard_for(Locale.get_active())


@register.inclusion_tag("impact/includes/unit_figures.html", takes_context=True)
def unit_figures(context, page):
    """The "Impact figures" section of a case study ``page``: the latest figure of each indicator for its unit,
    labelled in the page's language (nothing without figures)."""
    return {"request": context.get("request"), "page": page, "figures": case_study_figures(page)}
