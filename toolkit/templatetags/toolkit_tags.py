from django import template
from django.core.cache import cache
from django.db.models import F, Func, OuterRef, Subquery
from django.utils.translation import get_language

from wagtail.models import Page

from home import compiled_sql, page_cache
from home.request_site import page_url
from home.visibility import hidden_page_ids, public_pages
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
        # One query (its SQL compiled once: ``home.compiled_sql``): each toolkit with the number of its public steps.
        rows = compiled_sql.rows("toolkit-entries", _toolkit_rows, sorted(hidden_page_ids()))
        entries = {
            code: {"title": title, "intro": intro, "url": _url(request, url_path), "step_count": step_count}
            for code, title, intro, url_path, step_count in rows
        }
        cache.set(key, entries, 3600)
    return entries


def _toolkit_rows(hidden):
    """The public toolkits (none of the pages ``hidden``: ``home.visibility``) with the number of their public
    steps (their children at the next depth)."""
    # A toolkit's steps: the range of paths below its own (``compiled_sql.child_paths``), in its language and depth.
    below = compiled_sql.child_paths(OuterRef("path"))
    steps = public_pages(
        ToolkitStepPage.objects.filter(below, locale_id=OuterRef("locale_id"), depth=OuterRef("depth") + 1), hidden
    )
    count = steps.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return (
        public_pages(ToolkitPage.objects.filter(alias_of__isnull=True), hidden)
        .annotate(step_count=Subquery(count))
        .values_list("locale__language_code", "title", "intro", "url_path", "step_count")
    )


def _url(request, url_path):
    """The URL of the toolkit page at ``url_path`` (its class keeps Wagtail's URLs, so they follow from it)."""
    return page_url(request, url_path) if request is not None else Page(url_path=url_path).get_url()


@register.inclusion_tag("toolkit/includes/toolkit_entry.html", takes_context=True)
def toolkit_entry(context):
    """The home page's way into the toolkit in the current language (nothing when there is none)."""
    return {"toolkit": toolkit_entries(context.get("request")).get(get_language())}
