"""On PostgreSQL, keep the search index's body vectors compressed with LZ4 rather than pglz, where the server has it.

A search ranks every matching page by its body vector (``ts_rank``, Wagtail's PostgreSQL backend), and a body vector
longer than about 2 kB is stored compressed: each match is decompressed once per search. At programme scale a common
Thai word matches 215 pages and their ranking took 3.9 ms with pglz, 2.5 ms with LZ4 (``EXPLAIN ANALYZE`` of the
ranking alone, issue 22). The existing rows are written again so that they are stored the new way; rows written
later (a page published, ``update_index``) are. Nothing happens on other databases, or on a PostgreSQL server built
without LZ4 (``default_toast_compression`` does not offer it).
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def _has_lz4(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
    return bool(row and row[0])


def compress_with(method):
    def change(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql" or (method == "lz4" and not _has_lz4(schema_editor)):
            return
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN body SET COMPRESSION {method}")
        # A vector joined with an empty one is a new value, stored with the column's method (an unchanged value
        # would keep its old compression).
        schema_editor.execute(f"UPDATE {TABLE} SET body = body || ''::tsvector")

    return change


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_page_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(compress_with("lz4"), compress_with("pglz"))]
