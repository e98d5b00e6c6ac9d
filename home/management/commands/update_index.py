"""Wagtail's ``update_index``, then a purge of the page, fragment and search-result caches.

The caches are purged on every publish, but a rebuilt index changes search results without one; without
this, readers would see results cached from before the rebuild.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from home.page_cache import bump_generation


class Command(WagtailUpdateIndex):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        bump_generation()
