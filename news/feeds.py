"""RSS 2.0 and Atom feeds of one language's news, built with Django's syndication framework.

Links are absolute on the host the reader used; an item's date is its news date at midnight in
Bangkok (the site's time zone), its update time the last publication.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.translations import absolute_page_url

FEED_SIZE = 20


class NewsRssFeed(Feed):
    """The newest news items of one news index page."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=600"
        return response

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj):
        return f"{obj.title} · {settings.WAGTAIL_SITE_NAME}"

    def link(self, obj):
        return absolute_page_url(obj, self.request)

    def feed_url(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, obj):
        return obj.search_description or obj.intro or obj.title

    def subtitle(self, obj):
        return self.description(obj)

    def items(self, obj):
        from .context import live_news

        return list(live_news(obj.locale).child_of(obj).defer_streamfields()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_page_url(item, self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
