"""Nothing lost: revisions kept and comparable, deletes confirmed by name, scheduled publishing."""

import re
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from home.factories import SAVED, standard_page
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(thai_home):
    return StandardPage.objects.child_of(thai_home).get(slug="about")


def test_revisions_are_kept_comparable_and_revertable(about, admin_client):
    first = about.latest_revision
    about.intro = "ฉบับที่สอง"
    second = about.save_revision()
    assert about.revisions.count() >= 2
    history = admin_client.get(f"/admin/pages/{about.pk}/history/")
    assert history.status_code == 200
    compare = admin_client.get(f"/admin/pages/{about.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200 and "ฉบับที่สอง" in compare.content.decode()
    # Reverting opens the editor with the old revision's content.
    revert = admin_client.get(f"/admin/pages/{about.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200 and first.as_object().intro[:20] in revert.content.decode()


def test_delete_confirmation_names_the_page_and_its_subpages(about, admin_client):
    child = standard_page(about, "หน้าย่อยที่จะถูกลบ", "child-to-delete")
    response = admin_client.get(f"/admin/pages/{about.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert about.title in text
    # The confirmation counts the subpage that goes with it (in English or, once translated, in Thai).
    assert re.search(r"delete 1 child page|หน้าย่อย 1 หน้า|1 หน้าย่อย", text), text[:800]
    assert StandardPage.objects.filter(pk=child.pk).exists()  # nothing happens until confirmed


def test_scheduled_go_live_and_expiry_with_publish_scheduled(thai_home):
    page = standard_page(thai_home, "ประกาศตามกำหนดเวลา", "scheduled", state=SAVED, live=False)
    page.go_live_at = timezone.now() + timedelta(minutes=5)
    page.save_revision().publish()  # a future go-live date schedules the revision instead of publishing it
    page.refresh_from_db()
    assert not page.live and Client().get("/th/scheduled/").status_code == 404

    # Let the go-live time pass: move it into the past on the scheduled revision.
    revision = page.scheduled_revision
    past = timezone.now() - timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live and Client().get("/th/scheduled/").status_code == 200

    page.expire_at = timezone.now() - timedelta(seconds=1)
    page.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired
    assert Client().get("/th/scheduled/").status_code == 404
