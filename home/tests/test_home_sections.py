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


@pytest.mark.django_db
def test_pages_that_are_not_live_and_the_pilots_have_their_own_small_indexes():
    """The headline figures leave out units that are not live, and the home page's cards read the pilots: each
    from a partial index of a few rows (migrations home 0009, casestudies 0005), not from every page or unit."""
    with connection.cursor() as cursor:
        pages = connection.introspection.get_constraints(cursor, "wagtailcore_page")
        units = connection.introspection.get_constraints(cursor, "casestudies_casestudypage")
    assert pages["odf_page_not_live"]["columns"] == ["id"]
    assert pages["odf_page_depth"]["columns"] == ["locale_id", "depth"]
    assert "casestudy_pilots" in units
