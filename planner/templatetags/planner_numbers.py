from django import template
from django.utils.translation import get_language

from toolkit.number_format import format_baht, format_number

register = template.Library()


@register.filter
def baht(value, places=2):
    """฿12,345.00 for Thai readers, THB 12,345.00 for English readers."""
    if value in (None, ""):
        return ""
    return format_baht(value, get_language() or "th", int(places))


@register.filter
def number(value, places=2):
    """12,345.00: grouped digits, a fixed number of decimals."""
    if value in (None, ""):
        return ""
    return format_number(value, int(places))
