from django import template

from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def content_cache_seconds(context):
    """How long the main content of this response may be kept as a fragment: Wagtail pages answering GET only.

    Keyed by language and full address (query string included) and purged on publish (home/page_cache.py).
    Django views (forms, the planner, the self-check) and previews render every time.
    """
    request = context.get("request")
    if request is None or request.method != "GET" or not isinstance(context.get("page"), Page):
        return 0
    return context.get("fragment_seconds", 0)
