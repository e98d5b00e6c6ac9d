from django import template
from django.utils.translation import get_language

from wagtail.models import Page

from home.dates import format_date, format_month
from home.localisation import current_language
from home.translations import page_language_versions, view_language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page (or view) in each site language; cached on the request for reuse in one render."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_language_versions", None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page) and page.pk:
        versions = page_language_versions(page, request, current)
    else:
        versions = view_language_versions(request, current)
    request._language_versions = versions
    return versions


@register.filter
def local_date(value, style="short"):
    """22 ก.พ. 2566 for Thai readers, 22 Feb 2023 for English readers; ``|local_date:"long"`` spells months."""
    if not value:
        return ""
    return format_date(value, current_language(), long=(style == "long"))


@register.filter
def local_month(value):
    if not value:
        return ""
    return format_month(value, current_language())
