from django import template
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """``<link rel="alternate">`` to the RSS and Atom feeds of the reader's language (one query)."""
    from news.models import NewsIndexPage

    request = context.get("request")
    index = None
    if request is not None:
        index = NewsIndexPage.objects.live().public().filter(locale__language_code=get_language()).first()
    url = index.get_url(request) if index else None
    return {"feed_base": request.build_absolute_uri(url) if url else None, "index": index}
