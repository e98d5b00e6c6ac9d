"""Two spreadsheet imports for one unit and the approval of the unit's waiting draft, all at the same moment, on
PostgreSQL: nothing is lost.

Each actor runs in its own thread with its own database connection, through the admin as staff do (upload,
preview, then confirm; the moderator approves the draft in the Review workflow). The test does not use
``django_db(transaction=True)``: flushing the database after it would wipe the demo content the whole session
shares. Instead everything is committed by the worker threads on a unit made for the test, and removed again.
"""

import datetime
import os
import threading

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client

from wagtail.models import ModelLogEntry, PageLogEntry

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.factories import user
from impact.models import ImpactFigure, Indicator

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL (DATABASE_URL)"
    ),
]

SLUG = "concurrency-test-unit"
HEADER = "unit_slug,indicator_code,period_start,period_end,value,baseline,illustrative,source"


def in_own_connection(function, *args):
    """Run ``function`` in a new thread, with its own connection (committed at once), and return its result."""
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def months(first_year, count):
    for month in range(count):
        start = datetime.date(first_year + month // 12, month % 12 + 1, 1)
        yield start, start + datetime.timedelta(days=27)


def csv_upload(rows):
    lines = [HEADER] + [f"{SLUG},{code},{start},{end},{value},,no,test" for code, start, end, value in rows]
    return SimpleUploadedFile("figures.csv", ("\n".join(lines) + "\n").encode("utf-8"))


def set_up():
    importer = user("concurrent-importer", superuser=True)
    moderator = user("concurrent-moderator", "Moderators", first_name="M")
    page = case_study(thai_index(), SLUG, title="หน่วยทดสอบพร้อมกัน", summary="ทดสอบ", groups=())
    page.save_revision(user=importer).publish()
    codes = list(Indicator.objects.filter(locale__language_code="th", unit="people").values_list("code", flat=True))
    # Figures saved before: they must all survive.
    base = [(code, start, end, 10) for start, end in months(2010, 24) for code in codes]
    client = Client()
    client.force_login(importer)
    assert client.post("/admin/impact/import/", {"file": csv_upload(base)}).status_code == 200
    assert client.post("/admin/impact/import/", {"confirm": "1", "token": client.session["impact_import"]["token"]})
    # A draft waits for the moderators' approval in the Review workflow.
    page = CaseStudyPage.objects.get(pk=page.pk)
    page.title = "หน่วยทดสอบพร้อมกัน (ฉบับอนุมัติ)"
    revision = page.save_revision(user=importer)
    workflow = page.get_workflow()
    assert workflow is not None
    workflow.start(page, importer)
    return page.pk, codes, base, importer.pk, moderator.pk, revision.pk


def tear_down(page_pk, user_pks):
    figure_ids = [str(pk) for pk in ImpactFigure.objects.filter(page_id=page_pk).values_list("pk", flat=True)]
    ModelLogEntry.objects.filter(object_id__in=figure_ids, action__startswith="impact.figure").delete()
    page = CaseStudyPage.objects.filter(pk=page_pk).first()
    if page is not None:
        page.delete()
    PageLogEntry.objects.filter(page_id=page_pk).delete()
    get_user_model().objects.filter(pk__in=user_pks).delete()


def test_two_imports_and_an_approval_at_the_same_time_lose_nothing():
    assert connection.vendor == "postgresql"
    page_pk, codes, base, importer_pk, moderator_pk, revision_pk = in_own_connection(set_up)
    try:
        overlap = base[:40]  # both imports change these figures
        rows_a = [(c, s, e, 1000) for c, s, e, _v in overlap] + [
            (code, start, end, 1) for start, end in months(2014, 24) for code in codes
        ]
        rows_b = [(c, s, e, 2000) for c, s, e, _v in overlap] + [
            (code, start, end, 2) for start, end in months(2018, 24) for code in codes
        ]
        clients = {}

        def preview(name, rows):
            client = Client()
            client.force_login(get_user_model().objects.get(pk=importer_pk))
            assert client.post("/admin/impact/import/", {"file": csv_upload(rows)}).status_code == 200
            clients[name] = (client, client.session["impact_import"]["token"])

        in_own_connection(preview, "a", rows_a)
        in_own_connection(preview, "b", rows_b)

        start = threading.Barrier(3)
        failures = []

        def confirm(name):
            client, token = clients[name]
            try:
                start.wait()
                response = client.post("/admin/impact/import/", {"confirm": "1", "token": token})
                assert response.status_code == 302, response.status_code
            except BaseException as error:  # noqa: BLE001 - reported by the main thread
                failures.append(error)
            finally:
                connections.close_all()

        def approve():
            from wagtail.models import Page

            try:
                page = Page.objects.get(pk=page_pk)
                task_state = page.current_workflow_state.current_task_state
                start.wait()
                task_state.approve(user=get_user_model().objects.get(pk=moderator_pk))
            except BaseException as error:  # noqa: BLE001 - reported by the main thread
                failures.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=confirm, args=(n,)) for n in ("a", "b")] + [threading.Thread(target=approve)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not failures, failures

        def outcome():
            page = CaseStudyPage.objects.get(pk=page_pk)
            values = {
                (f.indicator.code, f.period_start): f.value
                for f in ImpactFigure.objects.filter(page_id=page_pk).select_related("indicator")
            }
            return page.live, page.title, page.live_revision_id, values

        live, title, live_revision, values = in_own_connection(outcome)
        assert live and title.endswith("(ฉบับอนุมัติ)") and live_revision == revision_pk
        assert len(values) == len(base) + len(rows_a) + len(rows_b) - 2 * len(overlap)
        for code, period_start, _end, value in base[len(overlap) :] + rows_a[len(overlap) :] + rows_b[len(overlap) :]:
            assert values[(code, period_start)] == value
        # One import ran after the other (the unit is locked): the overlap holds one import's values, whole.
        assert {values[(c, s)] for c, s, _e, _v in overlap} in ({1000}, {2000})
    finally:
        in_own_connection(tear_down, page_pk, [importer_pk, moderator_pk])
