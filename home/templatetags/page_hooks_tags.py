"""What apps add to every page, through Wagtail hooks, so base.html names no app.

``@hooks.register(HEAD_LINKS_HOOK)`` on a function of the request that returns rendered HTML (e.g. the news
feeds' ``<link rel="alternate">``) puts that HTML in every page's ``<head>``, inside its cached fragment.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from wagtail import hooks

HEAD_LINKS_HOOK = "odf_page_head_links"

register = template.Library()


@register.simple_tag(takes_context=True)
def page_head_links(context):
    """The HTML every ``HEAD_LINKS_HOOK`` function returns for this request, in hook order (plain text is escaped)."""
    request = context.get("request")
    return mark_safe("".join(conditional_escape(hook(request)) for hook in hooks.get_hooks(HEAD_LINKS_HOOK)))
