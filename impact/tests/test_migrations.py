"""The migration that gives figures a store of their own keeps every figure and strips them from page revisions.

Runs the real migrations on a fresh SQLite file in a child process: up to the last state with figures inside
the page (``impact.0002``), with a figure and a page revision holding a copy of it, then to impact's latest state
(only the migrations it needs: a full ``migrate`` of every app costs seconds and checks nothing more here).
"""

import pytest

from tests.tools import run_on_fresh_database

pytestmark = [pytest.mark.heavy, pytest.mark.xdist_group("migrations")]

SCRIPT = r"""
import datetime, json, uuid
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

call_command("migrate", "impact", "0002", verbosity=0)
call_command("migrate", "casestudies", verbosity=0)
executor = MigrationExecutor(connection)
old = executor.loader.project_state([("impact", "0002_data_staff_permissions"), *executor.loader.graph.leaf_nodes("casestudies")]).apps
ContentType = old.get_model("contenttypes", "ContentType")
Locale = old.get_model("wagtailcore", "Locale")
locale = Locale.objects.get_or_create(language_code="th")[0]
page_type = ContentType.objects.get_or_create(app_label="casestudies", model="casestudypage")[0]
base_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]
Page = old.get_model("casestudies", "CaseStudyPage")
page = Page.objects.create(
    title="หน่วย", draft_title="หน่วย", slug="unit", path="00010009", depth=2, numchild=0, url_path="/unit/",
    content_type=page_type, locale=locale, translation_key=uuid.uuid4(), unit_name="หน่วย", summary="ย่อ", live=True,
)
Indicator = old.get_model("impact", "Indicator")
indicator = Indicator.objects.create(locale=locale, translation_key=uuid.uuid4(), code="members_total", name="สมาชิก",
                                     definition="d", unit="people")
Figure = old.get_model("impact", "ImpactFigure")
for n in range(2):
    Figure.objects.create(page=page, indicator=indicator, period_start=datetime.date(2024, 1 + n, 1),
                          period_end=datetime.date(2024, 1 + n, 28), value=10 + n, sort_order=n)
Revision = old.get_model("wagtailcore", "Revision")
Revision.objects.create(content_type=page_type, base_content_type=base_type, object_id=str(page.pk),
                        created_at=timezone.now(), object_str="หน่วย",
                        content={"title": "หน่วย", "impact_figures": [{"pk": 1, "value": "10.00"}]})

call_command("migrate", "impact", verbosity=0)  # impact's latest state (other apps' later migrations: not needed)

from impact.models import ImpactFigure
from wagtail.models import Revision as NewRevision
print(json.dumps({
    "figures": sorted(str(v) for v in ImpactFigure.objects.filter(page_id=page.pk).values_list("value", flat=True)),
    "revision_keys": sorted(NewRevision.objects.get(object_id=str(page.pk)).content),
}))
"""


def test_migration_keeps_every_figure_and_strips_them_from_revisions(tmp_path, third_party_migrated):
    outcome = run_on_fresh_database(SCRIPT, tmp_path, third_party_migrated)
    assert outcome == {"figures": ["10.00", "11.00"], "revision_keys": ["title"]}


STATUS_SCRIPT = r"""
import datetime, json, uuid
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

call_command("migrate", "impact", "0004", verbosity=0)
executor = MigrationExecutor(connection)
old = executor.loader.project_state([("impact", "0004_strip_figures_from_page_revisions")]).apps
ContentType = old.get_model("contenttypes", "ContentType")
Locale = old.get_model("wagtailcore", "Locale")
locale = Locale.objects.get_or_create(language_code="th")[0]
page_type = ContentType.objects.get_or_create(app_label="casestudies", model="casestudypage")[0]
Page = old.get_model("casestudies", "CaseStudyPage")
page = Page.objects.create(
    title="หน่วย", draft_title="หน่วย", slug="unit", path="00010009", depth=2, numchild=0, url_path="/unit/",
    content_type=page_type, locale=locale, translation_key=uuid.uuid4(), unit_name="หน่วย", summary="ย่อ", live=True,
)
Indicator = old.get_model("impact", "Indicator")
indicator = Indicator.objects.create(locale=locale, translation_key=uuid.uuid4(), code="members_total", name="สมาชิก",
                                     definition="d", unit="people")
Figure = old.get_model("impact", "ImpactFigure")
for n, flag in enumerate([True, False]):
    Figure.objects.create(page=page, indicator=indicator, period_start=datetime.date(2024, 1 + n, 1),
                          period_end=datetime.date(2024, 1 + n, 28), value=10 + n, is_illustrative=flag)

call_command("migrate", "impact", "0005", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("UPDATE impact_impactfigure SET status = 'verified' WHERE value = 11")
    cursor.execute("INSERT INTO impact_impactfigure (page_id, indicator_id, period_start, period_end, value, source, status)"
                   " VALUES (%s, %s, '2024-03-01', '2024-03-28', 12, '', 'reported')", [page.pk, indicator.pk])
    cursor.execute("SELECT value, status FROM impact_impactfigure ORDER BY value")
    forwards = [[str(value), status] for value, status in cursor.fetchall()]
call_command("migrate", "impact", "0004", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("SELECT value, is_illustrative FROM impact_impactfigure ORDER BY value")
    backwards = [[str(value), bool(flag)] for value, flag in cursor.fetchall()]
print(json.dumps({"forwards": forwards, "backwards": backwards}))
"""


def test_status_migration_moves_the_illustrative_flag_both_ways(tmp_path, third_party_migrated):
    outcome = run_on_fresh_database(STATUS_SCRIPT, tmp_path, third_party_migrated)
    # Forwards: the flag becomes illustrative / reported (the second figure then verified, a third added reported).
    assert outcome["forwards"] == [["10", "illustrative"], ["11", "verified"], ["12", "reported"]]
    # Backwards: only illustrative figures keep the flag.
    assert outcome["backwards"] == [["10", True], ["11", False], ["12", False]]
