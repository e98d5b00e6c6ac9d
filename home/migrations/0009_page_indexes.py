"""Index Wagtail's pages by language and depth, for the menu's read of the home pages and their sections
(``home.home_sections``), and the pages that are not live.

Every public page reads the home page of its language and the live pages one level below it (``depth = 2`` or
``depth = 3``): one query. Wagtail indexes a page's ``path`` and ``locale``, not its ``depth``, so on PostgreSQL
that query read every page of the site: 0.26 ms of each request's SQL at programme scale (1,443 pages, issue 22),
growing with the site. With this index it reads the 18 pages it returns (0.05 ms); SQLite reads the language's
pages by it.

The pages that are not live are indexed too (a partial index, a few rows): the headline figures leave out the
units the public may not see, and finding those read every page as well (0.40 ms at programme scale).

Both are created with ``IF NOT EXISTS`` on SQLite and PostgreSQL alike.
"""

from django.db import migrations

INDEX = "odf_page_depth"
NOT_LIVE = "odf_page_not_live"
TABLE = "wagtailcore_page"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_search_index_covers_title_and_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} (locale_id, depth)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {NOT_LIVE} ON {TABLE} (id) WHERE NOT live",
            f"DROP INDEX IF EXISTS {NOT_LIVE}",
        ),
    ]
