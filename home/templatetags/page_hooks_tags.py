"""What apps add to pages the core renders, through Wagtail hooks, so the core's templates name no app.

- ``@hooks.register(HEAD_LINKS_HOOK)`` on a function of the request that returns rendered HTML (e.g. the news
  feeds' ``<link rel="alternate">``) puts that HTML in every page's ``<head>``, inside its cached fragment.
- ``@hooks.register(HOME_SECTIONS_HOOK, order=N)`` on a function returning a template name adds that template,
  included with the home page's context (``page`` is the home page), as a section of the home page, by ``order``.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from wagtail import hooks

HEAD_LINKS_HOOK = "odf_page_head_links"
HOME_SECTIONS_HOOK = "odf_home_page_sections"

register = template.Library()


@register.simple_tag(takes_context=True)
def page_head_links(context):
    """The HTML every ``HEAD_LINKS_HOOK`` function returns for this request, in hook order (plain text is escaped)."""
    request = context.get("request")
    return mark_safe("".join(conditional_escape(hook(request)) for hook in hooks.get_hooks(HEAD_LINKS_HOOK)))


@register.simple_tag
def home_page_sections():
    """The template names of the home page's sections, in hook order."""
    return [hook() for hook in hooks.get_hooks(HOME_SECTIONS_HOOK)]
