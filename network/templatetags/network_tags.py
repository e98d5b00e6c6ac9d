"""The network on other apps' pages: ``{% network_growth %}``, the number of approved groups over time, shown
on the home page (``HOME_SECTIONS_HOOK``, from network/wagtail_hooks.py) and the impact page."""

from django import template
from django.utils.translation import get_language

from home import compiled_sql
from home.dates import display_year

from ..growth import cumulative_by_year
from ..models import Registration

register = template.Library()


def _approval_dates():
    return Registration.objects.public().values_list("approved_at")


@register.inclusion_tag("network/includes/growth.html")
def network_growth():
    """One query, compiled once per process: the approval dates of the public groups."""
    dates = [row[0] for row in compiled_sql.rows("network-growth", _approval_dates)]
    language = get_language() or "th"
    years = [(display_year(year, language), total) for year, total in cumulative_by_year(list(dates))]
    return {"years": years, "total": years[-1][1] if years else 0}
