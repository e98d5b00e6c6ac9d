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


@pytest.mark.django_db
def test_on_postgresql_the_menus_read_is_planned_once_per_connection(client):
    """The home pages' content type is written into the menu's SQL, not sent as a parameter: with it as one,
    PostgreSQL's generic plan of the prepared statement scans every page, so it kept planning the query anew on each
    request (0.2 ms of every page at programme scale). Now only the hidden pages' ids are parameters, and its one
    plan is kept for the connection."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plan cache (DATABASE_URL; CI runs it): SQLite prepares nothing to ask about")
    for _ in range(8):
        assert client.get("/th/about/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%"depth" = 2%'],
        )
        plans = cursor.fetchall()
    assert len(plans) == 1, plans
    generic, custom = plans[0]
    assert custom == 0 and generic >= 1, plans
