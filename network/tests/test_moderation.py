"""Staff review: the queue for the Moderators, decisions with reasons, and every change in the history."""

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry

from home.factories import signed_in, user
from network import moderation
from network.models import Registration, Status

from .helpers import make_registration

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_network_registration:list"


@pytest.fixture
def moderator():
    return signed_in(user("netmod", "Moderators"))


def test_the_queue_lists_and_filters_for_moderators(moderator):
    waiting = make_registration(status="submitted", name="Waiting group", province_code="52", district_code="5201")
    make_registration(status="approved", name="Approved group")
    url = reverse(LIST_URL)
    body = moderator.get(url).content.decode()
    assert "Waiting group" in body and "Approved group" in body
    assert reverse("network_review", args=[waiting.pk]) in body
    filtered = moderator.get(url, {"status": "submitted", "province_code": "52"}).content.decode()
    assert "Waiting group" in filtered and "Approved group" not in filtered
    dated = moderator.get(url, {"created_at_from": "2000-01-01", "created_at_to": "2000-01-02"})
    assert dated.status_code == 200 and "Waiting group" not in dated.content.decode()


def test_editors_and_translators_have_no_access_to_personal_data():
    registration = make_registration(status="submitted", contact_phone="0800000001")
    for group in ("Editors", "Translators"):
        client = signed_in(user(f"no-{group}", group))
        assert client.get(reverse(LIST_URL)).status_code in (302, 403)
        assert client.get(reverse("network_review", args=[registration.pk])).status_code in (302, 403)


def test_approve_from_review_page_logs_and_publishes(moderator, client):
    registration = make_registration(status="submitted", name="กลุ่มรออนุมัติ")
    index = reverse("network_index")
    assert "กลุ่มรออนุมัติ" not in client.get(index).content.decode()
    review = reverse("network_review", args=[registration.pk])
    page = moderator.get(review)
    assert page.status_code == 200 and "กลุ่มรออนุมัติ" in page.content.decode()
    response = moderator.post(review, {"decision": moderation.APPROVE, "reason": ""})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.APPROVED
    entry = ModelLogEntry.objects.for_instance(registration).get(action=moderation.APPROVE)
    assert entry.user == moderator.user
    assert "กลุ่มรออนุมัติ" in client.get(index).content.decode()
    history = moderator.get(reverse("wagtailsnippets_network_registration:history", args=[registration.pk]))
    assert history.status_code == 200
    assert "Approved" in history.content.decode() or "อนุมัติ" in history.content.decode()


@pytest.mark.parametrize(
    "decision, status", [(moderation.ASK_MORE, Status.NEEDS_INFO), (moderation.REJECT, Status.REJECTED)]
)
def test_asking_for_more_and_rejecting_need_a_reason(moderator, decision, status):
    registration = make_registration(status="submitted")
    review = reverse("network_review", args=[registration.pk])
    refused = moderator.post(review, {"decision": decision, "reason": "  "})
    assert refused.status_code == 400
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED
    assert moderator.post(review, {"decision": decision, "reason": "No district given"}).status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.reason) == (status, "No district given")
    entry = ModelLogEntry.objects.for_instance(registration).get(action=decision)
    assert entry.data["reason"] == "No district given"


def test_unknown_decisions_and_withdrawn_groups_are_refused(moderator):
    registration = make_registration(status="submitted")
    review = reverse("network_review", args=[registration.pk])
    assert moderator.post(review, {"decision": "network.delete_everything"}).status_code == 400
    moderation.withdraw(registration)
    assert moderator.post(review, {"decision": moderation.APPROVE}).status_code == 400
    with pytest.raises(moderation.DecisionError):
        moderation.decide(registration, moderation.APPROVE, None)


def test_withdrawal_deletes_the_contact_and_delists(client):
    registration = make_registration(
        status="approved",
        name="กลุ่มที่ถอนตัว",
        contact_name="คุณบี",
        contact_phone="0811111111",
        contact_email="b@example.org",
    )
    moderation.withdraw(registration)
    registration = Registration.objects.get(pk=registration.pk)
    assert not registration.has_contact()
    assert registration.status == Status.WITHDRAWN and registration.name == "กลุ่มที่ถอนตัว"
    assert ModelLogEntry.objects.for_instance(registration).filter(action=moderation.WITHDRAW).exists()
    assert "กลุ่มที่ถอนตัว" not in client.get(reverse("network_index")).content.decode()


def test_the_submission_is_in_the_history(client):
    from .helpers import fresh_address, valid_post

    response = client.post(reverse("network_join"), valid_post(name="กลุ่มประวัติ"), REMOTE_ADDR=fresh_address())
    assert response.status_code == 302
    registration = Registration.objects.get(name="กลุ่มประวัติ")
    assert ModelLogEntry.objects.for_instance(registration).filter(action=moderation.SUBMIT).exists()


def test_moderators_have_the_permissions_from_the_migration():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"view_registration", "change_registration", "export_registration"} <= codenames
    assert "change_registration" not in set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )


def test_from_the_form_to_the_queue_to_approval_to_the_list_and_the_map(client, moderator):
    """The issue's walk-through: a group registers, waits in the queue, is approved, and is seen on the map."""
    from .helpers import fresh_address, valid_post

    Registration.objects.filter(province_code__in=["57"]).delete()
    data = valid_post(name="กลุ่มเดินครบวงจร", province="57", district="5701")  # Chiang Rai, the north
    assert client.post(reverse("network_join"), data, REMOTE_ADDR=fresh_address()).status_code == 302
    registration = Registration.objects.get(name="กลุ่มเดินครบวงจร")
    queue = moderator.get(reverse(LIST_URL), {"status": "submitted"}).content.decode()
    assert "กลุ่มเดินครบวงจร" in queue
    north_before = Registration.objects.public().in_region("north").count()
    assert "กลุ่มเดินครบวงจร" not in client.get(reverse("network_index")).content.decode()

    moderator.post(reverse("network_review", args=[registration.pk]), {"decision": moderation.APPROVE})

    from django.utils import translation

    with translation.override("en"):
        url = reverse("network_index")
    body = client.get(url, {"region": "north"}).content.decode()
    assert "กลุ่มเดินครบวงจร" in body and "Chiang Rai" in body
    count = north_before + 1
    assert f"North: {count} group" in body  # the region's circle on the map
