"""On SQLite, rebuild the search index's FTS5 table with a tokenizer that keeps Thai words whole.

FTS5's default ``unicode61`` tokenizer treats combining marks (Thai vowels and tone marks) as
separators, so "อาชีพ" is stored as the junk terms "อาช" and "พ", and a search for "พ" finds every page
that says "อาชีพ". Counting marks as word characters (``categories 'L* N* Co M*'``) makes SQLite
see the same Thai words as PostgreSQL does. Nothing happens on other databases.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
TOKENIZER = "unicode61 categories 'L* N* Co M*'"


def rebuild_fts_table(apps, schema_editor, tokenizer=TOKENIZER):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{TABLE}_fts"])
        if cursor.fetchone() is None:
            return  # SQLite without FTS5: Wagtail uses its fallback backend
        tokenize = f', tokenize="{tokenizer}"' if tokenizer else ""
        cursor.execute(f"DROP TABLE {TABLE}_fts")
        cursor.execute(f"CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(autocomplete, body, title{tokenize})")
        cursor.execute(
            f"INSERT INTO {TABLE}_fts(rowid, autocomplete, body, title) SELECT id, autocomplete, body, title FROM {TABLE}"  # noqa: S608
        )


def restore_default_tokenizer(apps, schema_editor):
    rebuild_fts_table(apps, schema_editor, tokenizer=None)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editorial_roles"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(rebuild_fts_table, restore_default_tokenizer)]
