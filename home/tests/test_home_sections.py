"""The menu's one read of the home page and its sections (``home.home_sections``) stays an index read."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.home_sections import home_sections


@pytest.mark.django_db
def test_the_menus_read_uses_the_depth_index_not_every_page():
    """Migration home 0009 indexes ``wagtailcore_page.depth``: the menu's query (home pages at depth 2, live pages at
    depth 3) reads those pages, not every page of the site (issue 22: 1,443 pages at programme scale). The query is
    planned as the request sends it; on PostgreSQL with table scans off (the test database is too small for the
    planner to want an index otherwise)."""
    with CaptureQueriesContext(connection) as queries:
        home_sections(None, "th")
    sql = next(query["sql"] for query in queries.captured_queries if '"depth" = 2' in query["sql"])
    assert '"depth" = 3' in sql, sql
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "odf_page_depth" in plan, plan
