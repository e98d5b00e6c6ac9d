"""Personal data handled: withdrawal by the group's private link or by staff, the retention command, and the
staff CSV export only for those who hold the export permission."""

import csv
import datetime
import io

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from home.factories import signed_in, user
from network import moderation
from network.models import Registration, Status

from .helpers import fresh_address, make_registration, valid_post

pytestmark = pytest.mark.django_db


def test_the_group_gets_its_withdrawal_link_and_can_withdraw_once(client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network_join"),
            valid_post(name="กลุ่มถอนได้", contact_email="group@example.org"),
            REMOTE_ADDR=fresh_address(),
        )
    assert response.status_code == 302
    registration = Registration.objects.get(name="กลุ่มถอนได้")
    to_group = [message for message in mail.outbox if message.to == ["group@example.org"]]
    assert len(to_group) == 1
    link = reverse("network_withdraw", args=[registration.withdrawal_token])
    assert link in to_group[0].body
    assert "ถอน" in to_group[0].body  # in the language of the form

    confirm = client.get(link)
    assert confirm.status_code == 200 and "กลุ่มถอนได้" in confirm.content.decode()
    assert "no-store" in confirm["Cache-Control"]
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED  # a GET (a link preview) changes nothing

    assert client.post(link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == Status.WITHDRAWN and not registration.has_contact()
    assert client.post(link).status_code == 404  # the link works once
    assert client.get(reverse("network_withdraw", args=["not-a-token"])).status_code == 404


def test_staff_withdraw_on_request(client):
    registration = make_registration(status="approved", name="กลุ่มขอถอน", contact_phone="0812223333")
    moderator = signed_in(user("wdmod", "Moderators"))
    response = moderator.post(reverse("network_review", args=[registration.pk]), {"decision": moderation.WITHDRAW})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.WITHDRAWN and registration.contact_phone == ""
    entry = ModelLogEntry.objects.for_instance(registration).get(action=moderation.WITHDRAW)
    assert entry.user == moderator.user


def _age(registration, days):
    Registration.objects.filter(pk=registration.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days))


def test_retention_forgets_old_contacts_of_rejected_and_waiting_registrations_only(settings):
    settings.NETWORK_CONTACT_RETENTION_DAYS = 30
    old_rejected = make_registration(status="rejected", contact_phone="0811")
    old_waiting = make_registration(status="needs_info", contact_email="w@example.org")
    old_approved = make_registration(status="approved", contact_phone="0822")
    new_rejected = make_registration(status="rejected", contact_phone="0833")
    for registration in (old_rejected, old_waiting, old_approved):
        _age(registration, 31)
    _age(new_rejected, 5)
    out = io.StringIO()
    call_command("forget_network_contacts", "--dry-run", stdout=out)
    assert out.getvalue().startswith("2 ")
    call_command("forget_network_contacts", stdout=out)
    for registration in (old_rejected, old_waiting, old_approved, new_rejected):
        registration.refresh_from_db()
    assert not old_rejected.has_contact() and not old_waiting.has_contact()
    assert old_approved.contact_phone == "0822" and new_rejected.contact_phone == "0833"
    assert old_rejected.name == "Test group"  # what was public stays
    assert ModelLogEntry.objects.for_instance(old_rejected).filter(action=moderation.FORGET_CONTACT).exists()


def test_export_only_with_the_permission_and_formula_safe():
    make_registration(status="submitted", name='=HYPERLINK("x")', contact_email="csv@example.org")
    url = reverse("network_export")
    assert signed_in(user("csved", "Editors")).get(url).status_code in (302, 403)  # the admin redirects a refusal
    response = signed_in(user("csvmod", "Moderators")).get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    by_name = {row[header.index("contact_email")]: row for row in rows[1:]}
    row = by_name["csv@example.org"]
    assert row[header.index("name")] == '\'=HYPERLINK("x")'
    assert row[header.index("province")] == "Bueng Kan"


def test_export_button_only_for_those_who_may_export():
    url = reverse("wagtailsnippets_network_registration:list")
    assert reverse("network_export") in signed_in(user("btnmod", "Moderators")).get(url).content.decode()
