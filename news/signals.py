"""Forget the cached news index paths (used for the feed links on every page) when a news index or privacy changes."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .models import NewsIndexPage
from .templatetags.news_tags import forget_news_index_paths


def _forget(sender, **kwargs):
    forget_news_index_paths()


def connect():
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_forget, sender=NewsIndexPage, dispatch_uid=f"news-index-paths-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(_forget, sender=PageViewRestriction, dispatch_uid=f"news-index-paths-privacy-{id(signal)}")
