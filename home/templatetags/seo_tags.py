"""Share previews and structured data for every page: ``{% share_data as seo %}`` then
``{% include "includes/seo_meta.html" %}`` (see ``home.seo``)."""

from django import template
from django.utils.safestring import mark_safe

from wagtail.models import Page

from home.localisation import current_language
from home.seo import json_ld_script_text, share_data
from home.templatetags.i18n_tags import language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_share_data(context):
    """``ShareData`` for the page in the context (or the view: its ``seo_title``/``seo_description``)."""
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_share_data", None)
    if cached is not None:
        return cached
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        page = None
    language = current_language()
    versions = language_versions(context)
    alternates = [v.code for v in versions if v.available]
    own = next((v.url for v in versions if v.is_current and v.available), None)
    data = share_data(
        page,
        request,
        language,
        alternates,
        title=context.get("seo_title"),
        description=context.get("seo_description"),
        canonical=own if page is not None and not page.alias_of_id else None,
    )
    request._share_data = data
    return data


@register.filter
def json_ld(graph):
    """The JSON-LD graph as escaped JSON for a ``<script type="application/ld+json">`` element."""
    return mark_safe(json_ld_script_text(graph))  # noqa: S308 - escaped by json_ld_script_text


@register.simple_tag
def share_url(kind, url, title=""):
    """A plain share link (no third-party script): LINE, Facebook or e-mail."""
    from urllib.parse import quote

    if kind == "line":
        return f"https://line.me/R/share?text={quote(f'{title} {url}'.strip())}"
    if kind == "facebook":
        return f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"
    if kind == "email":
        return f"mailto:?subject={quote(title)}&body={quote(url, safe='')}"
    raise ValueError(kind)
