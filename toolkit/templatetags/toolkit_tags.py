from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from home import page_cache
from home.visibility import public_pages
from toolkit.models import ToolkitPage, ToolkitStepPage

register = template.Library()


def toolkit_entries(request=None):
    """Title, intro, URL and public step count of the public toolkit in each language.

    Cached until the next purge (``home.page_cache``: a publish, a privacy change ...). With ``request`` the URLs
    reuse the site root paths Wagtail keeps on it.
    """
    key = page_cache.key("toolkit-entries")
    entries = cache.get(key)
    if entries is None:
        toolkits = list(public_pages(ToolkitPage.objects.filter(alias_of__isnull=True)).select_related("locale"))
        steps = list(
            public_pages(ToolkitStepPage.objects.filter(depth__in={t.depth + 1 for t in toolkits})).values_list(
                "path", flat=True
            )
        )
        entries = {
            toolkit.locale.language_code: {
                "title": toolkit.title,
                "intro": toolkit.intro,
                "url": toolkit.get_url(request),
                "step_count": sum(1 for path in steps if path.startswith(toolkit.path)),
            }
            for toolkit in toolkits
        }
        cache.set(key, entries, 3600)
    return entries


@register.inclusion_tag("toolkit/includes/toolkit_entry.html", takes_context=True)
def toolkit_entry(context):
    """The home page's way into the toolkit in the current language (nothing when there is none)."""
    return {"toolkit": toolkit_entries(context.get("request")).get(get_language())}
