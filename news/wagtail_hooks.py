"""Admin for news (the tags snippet, a flat list of news items in the page explorer menu) and the feed links
that news adds to every page's head."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet

from home.templatetags.page_hooks_tags import HEAD_LINKS_HOOK
from home.term_admin import TermViewSet

from .models import NewsPage, NewsTag
from .templatetags.news_tags import news_feed_links


class NewsTagViewSet(TermViewSet):
    model = NewsTag
    menu_label = _("News tags")


class NewsPageListingViewSet(PageListingViewSet):
    model = NewsPage
    icon = "doc-full"
    menu_label = _("News")
    add_to_admin_menu = True
    menu_order = 210


register_snippet(NewsTagViewSet)
news_listing_viewset = NewsPageListingViewSet("news_pages")


@hooks.register("register_admin_viewset")
def register_news_listing():
    return news_listing_viewset


hooks.register(HEAD_LINKS_HOOK, news_feed_links)  # the feeds' <link rel="alternate"> on every page
