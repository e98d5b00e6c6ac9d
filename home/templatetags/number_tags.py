"""Template filters over ``home.numbers``: ``{{ value|baht }}``, ``{{ value|number:0 }}``, ``{{ value|percent }}``."""

from django import template

from home.localisation import current_language
from home.numbers import format_baht, format_number, format_percent

register = template.Library()


@register.filter
def baht(value, places=2):
    """฿12,345.00 for Thai readers, THB 12,345.00 for English readers."""
    if value in (None, ""):
        return ""
    return format_baht(value, current_language(), int(places))


@register.filter
def number(value, places=2):
    """12,345.00: grouped digits, a fixed number of decimals."""
    if value in (None, ""):
        return ""
    return format_number(value, int(places))


@register.filter
def percent(value, places=None):
    """45.5%: at most one decimal unless told."""
    if value in (None, ""):
        return ""
    return format_percent(value, None if places is None else int(places))
