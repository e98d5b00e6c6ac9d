from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

register = template.Library()


def news_index_path(language, request=None):
    """URL path of the public news index in ``language`` ("" when none); cached until the next purge
    (``home.page_cache``: a publish, a privacy change ...)."""
    from home import page_cache
    from home.home_sections import home_sections
    from home.translations import relative_page_url
    from home.visibility import public_pages
    from news.models import NewsIndexPage

    key = page_cache.key("news-index-path", language)
    path = cache.get(key)
    if path is None:
        # Under the home page (the menu's read, no query of its own), else anywhere in the language's tree.
        index = next(iter(home_sections(request, language).of_type(NewsIndexPage)), None)
        index = index or public_pages(NewsIndexPage.objects.filter(locale__language_code=language)).first()
        path = (relative_page_url(index, request) or "") if index else ""
        cache.set(key, path, 3600)
    return path


def news_feed_links(request):
    """``<link rel="alternate">`` to the RSS and Atom feeds of the reader's language, for every page's head
    (registered in ``news.wagtail_hooks``)."""
    path = news_index_path(get_language(), request) if request is not None else ""
    context = {"feed_base": request.build_absolute_uri(path) if path else None}
    # No request: the two links need no context processor, and running them all again costs every page.
    return render_to_string("news/includes/feed_links.html", context)


@register.inclusion_tag("news/includes/related_news.html", takes_context=True)
def news_about(context, case_study):
    """The "News about this unit" section of a case study: its latest public news in the page's language."""
    from news.context import news_about as news_items

    request = context.get("request")
    return {"request": request, "news_items": news_items(case_study, request)}
