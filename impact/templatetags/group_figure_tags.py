"""The network groups' figures on the impact pages (``impact.group_figures``): a table on an indicator's page
and one line on the overview, both apart from the learning units' figures."""

from django import template

from home.localisation import current_language
from impact.group_figures import group_figure_counts, indicator_group_figures

register = template.Library()


@register.inclusion_tag("impact/includes/group_figures.html")
def group_figures(info):
    """The "Reported by network groups" table of the indicator ``info`` (nothing when there are none)."""
    return {"info": info, "figures": indicator_group_figures(info.code, info.unit, current_language())}


@register.inclusion_tag("impact/includes/group_figures_summary.html")
def group_figures_summary():
    """One line on the overview: how many figures network groups reported (accepted by staff)."""
    figures, groups = group_figure_counts()
    return {"figures": figures, "groups": groups}
