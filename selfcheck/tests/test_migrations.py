"""The self-check's models move from ``toolkit`` to ``selfcheck`` with their rows, content types and permissions.

Runs the real migrations on a fresh SQLite file in a child process: up to the last state with the models in
``toolkit`` (``toolkit.0003``), with a theme, a question and a group allowed to edit themes, then to the latest
state, then back again.
"""

import pytest

from tests.tools import run_on_fresh_database

pytestmark = [pytest.mark.heavy, pytest.mark.xdist_group("migrations")]

SCRIPT = r"""
import json, uuid
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

call_command("migrate", "toolkit", "0003", verbosity=0)
old = MigrationExecutor(connection).loader.project_state(("toolkit", "0003_video_links")).apps
Locale = old.get_model("wagtailcore", "Locale")
locale = Locale.objects.get_or_create(language_code="th")[0]
Theme = old.get_model("toolkit", "ReadinessTheme")
Question = old.get_model("toolkit", "ReadinessQuestion")
theme = Theme.objects.create(locale=locale, translation_key=uuid.uuid4(), sort_order=0, name="กลุ่ม", start_steps=[])
Question.objects.create(locale=locale, translation_key=uuid.uuid4(), sort_order=0, theme=theme, text="มีกลุ่มหรือไม่",
                        answers=[{"type": "answer", "value": {"text": "ยังไม่มี", "points": 0}}])
Group = old.get_model("auth", "Group")
Permission = old.get_model("auth", "Permission")
Group.objects.create(name="Self-check editors").permissions.add(Permission.objects.get(codename="change_readinesstheme"))


def snapshot():
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    tables = set(connection.introspection.table_names())
    rows = {}
    for table in sorted(t for t in tables if "readiness" in t):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            rows[table] = cursor.fetchone()[0]
    return {
        "rows": rows,
        "content_types": sorted(
            f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.filter(model__startswith="readiness")
        ),
        "editors": sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name="Self-check editors").permissions.all()
        ),
    }


call_command("migrate", verbosity=0)
forward = snapshot()
from selfcheck.models import ReadinessQuestion
forward["question_theme"] = ReadinessQuestion.objects.select_related("theme").get().theme.name
call_command("migrate", "toolkit", "0003", verbosity=0)
print(json.dumps({"forward": forward, "backward": snapshot()}))
"""


def test_the_move_keeps_rows_content_types_and_group_permissions(tmp_path, third_party_migrated):
    outcome = run_on_fresh_database(SCRIPT, tmp_path, third_party_migrated)
    assert outcome["forward"] == {
        "rows": {"selfcheck_readinessquestion": 1, "selfcheck_readinesstheme": 1},
        "content_types": ["selfcheck.readinessquestion", "selfcheck.readinesstheme"],
        "editors": ["selfcheck.change_readinesstheme"],
        "question_theme": "กลุ่ม",
    }
    # Back again: the tables and the group's permission return to toolkit (the new app keeps fresh content types).
    assert outcome["backward"]["rows"] == {"toolkit_readinessquestion": 1, "toolkit_readinesstheme": 1}
    assert outcome["backward"]["editors"] == ["toolkit.change_readinesstheme"]
