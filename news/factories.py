"""Test data for news: news items under a news index."""

from news.models import NewsIndexPage, NewsPage


def thai_index():
    return NewsIndexPage.objects.get(locale__language_code="th")


def news_item(index, slug, date, publish=True, **fields):
    """A news item under ``index`` with one revision: published, or (``publish=False``) a draft that is not live."""
    fields.setdefault("title", f"News {slug}")
    fields.setdefault("summary", f"Summary of {slug}")
    page = index.add_child(instance=NewsPage(slug=slug, date=date, **fields))
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page
