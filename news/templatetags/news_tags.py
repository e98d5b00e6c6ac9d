from django import template
from django.core.cache import cache
from django.utils.translation import get_language

register = template.Library()


def news_index_path(language):
    """URL path of the public news index in ``language`` ("" when none); cached until the next purge
    (``home.page_cache``: a publish, a privacy change ...)."""
    from home import page_cache
    from home.visibility import public_pages
    from news.models import NewsIndexPage

    key = page_cache.key("news-index-path", language)
    path = cache.get(key)
    if path is None:
        index = public_pages(NewsIndexPage.objects.filter(locale__language_code=language)).first()
        path = (index.get_url() or "") if index else ""
        cache.set(key, path, 3600)
    return path


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """``<link rel="alternate">`` to the RSS and Atom feeds of the reader's language."""
    request = context.get("request")
    path = news_index_path(get_language()) if request is not None else ""
    return {"feed_base": request.build_absolute_uri(path) if path else None}
