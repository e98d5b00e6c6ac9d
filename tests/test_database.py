"""The database connection as production makes it (config/settings/base.py)."""

import pytest

from django.db import connection

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_on_postgresql_a_query_run_again_on_a_connection_is_planned_once():
    """Server-side binding with psycopg's prepared statements: from its fifth run on a connection a query is a
    prepared statement, so PostgreSQL no longer plans it on each request (issue 18). Its parameters stay apart from
    its text: the same statement serves every id."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's prepared statements (DATABASE_URL; CI runs it): SQLite has none to ask about")
    page_ids = list(Page.objects.values_list("pk", flat=True))
    for page_id in (page_ids * 6)[:6]:
        assert Page.objects.filter(pk=page_id).values_list("depth", flat=True).get() >= 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "wagtailcore_page" WHERE "wagtailcore_page"."id" = $1' in sql for sql in prepared), prepared
