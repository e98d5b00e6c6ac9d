"""The join form as people (and bots) use it: no JavaScript, both languages, bad input, honeypot, rate limit."""

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import translation

from home.factories import user
from network.models import Registration, Status
from network.rate_limit import LIMIT

from .helpers import fresh_address, valid_post

pytestmark = pytest.mark.django_db


def join_url(language):
    with translation.override(language):
        return reverse("network_join")


def post(client, data, language="th", address=None):
    return client.post(join_url(language), data, REMOTE_ADDR=address or fresh_address())


@pytest.mark.parametrize("language", ["th", "en"])
def test_form_renders_in_both_languages_never_shared_cached(client, language):
    response = client.get(join_url(language))
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in body
    assert "csrfmiddlewaretoken" in body
    assert 'name="website"' in body  # the honeypot
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control and "public" not in cache_control
    assert "X-Page-Cache" not in response
    consent = {"th": "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล", "en": "Personal Data Protection Act"}[language]
    assert consent in body
    assert {"th": "บึงกาฬ", "en": "Bueng Kan"}[language] in body  # the 77 provinces, in the reader's language


def test_valid_registration_waits_for_review_and_tells_the_moderators(client):
    user("mod1", "Moderators")
    mail.outbox.clear()
    with pytest.raises(Registration.DoesNotExist):
        Registration.objects.get(name="กลุ่มทดสอบการออม")
    with pytest.MonkeyPatch.context():
        response = post(client, valid_post())
    assert response.status_code == 302
    assert response["Location"] == reverse("network_join_thanks")
    registration = Registration.objects.get(name="กลุ่มทดสอบการออม")
    assert registration.status == Status.SUBMITTED
    assert registration.fund_start.isoformat() == "2025-06-01"  # B.E. 2568 is 2025
    assert registration.contact_phone == "081 234 5678"
    assert registration.consent_version and registration.consent_given_at
    assert registration.district_code == "3801"


def test_staff_e_mail_names_the_group_not_its_contact(client, django_capture_on_commit_callbacks):
    user("mod2", "Moderators")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, valid_post(contact_phone="089 999 1111"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "mod2@example.org" in message.to
    assert "กลุ่มทดสอบการออม" in message.subject
    assert "089 999 1111" not in message.body and "สมศรี" not in message.body
    assert "/admin/network/review/" in message.body


def test_html_is_stripped_from_every_text(client):
    response = post(
        client,
        valid_post(
            name="<b>กลุ่ม</b><script>alert(1)</script>ใหม่",
            existing_capital="<a href='x'>เงินทุน</a>",
            contact_name="<i>คุณเอ</i>",
        ),
    )
    assert response.status_code == 302
    registration = Registration.objects.latest("created_at")
    assert registration.name == "กลุ่มalert(1)ใหม่"
    assert registration.existing_capital == "เงินทุน"
    assert registration.contact_name == "คุณเอ"


def test_a_name_of_only_tags_is_empty(client):
    response = post(client, valid_post(name="<b></b>"))
    assert response.status_code == 400
    assert 'id="id_name-error"' in response.content.decode()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": "ก" * 151}, "name"),
        ({"existing_capital": "x" * 1001}, "existing_capital"),
        ({"contact_phone": "1" * 21}, "contact_phone"),
        ({"contact_phone": "call me"}, "contact_phone"),
        ({"contact_line_id": "ไลน์"}, "contact_line_id"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"contact_phone": ""}, "contact_phone"),  # no way to reach the group at all
        ({"district": "1001"}, "district"),  # a Bangkok district under Bueng Kan
        ({"province": "99"}, "province"),
        ({"kind": "army"}, "kind"),
        ({"fund_start_year": "1900"}, "fund_start_year"),
        ({"fund_start_year": "abcd"}, "fund_start_year"),
        ({"fund_start_month": "13"}, "fund_start_month"),
        ({"consent": ""}, "consent"),
        ({"planner_link": "https://evil.example.com/th/toolkit/planner/?capital=1"}, "planner_link"),
        ({"planner_link": "/th/toolkit/self-check/"}, "planner_link"),
        ({"self_check_link": "javascript:alert(1)"}, "self_check_link"),
        ({"self_check_link": "x" * 1001}, "self_check_link"),
    ],
)
def test_bad_input_reshows_the_form_with_the_field_message(client, changes, field):
    before = Registration.objects.count()
    response = post(client, valid_post(**changes))
    body = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}-error"' in body or (field == "consent" and 'id="id_consent-error"' in body)
    assert Registration.objects.count() == before
    if field == "name":
        assert "ก" * 151 in body or "ก" * 150 in body  # what was typed comes back


def test_share_links_of_this_site_are_kept_as_paths(client):
    planner = "http://testserver/th/toolkit/planner/?capital=50000&members=20"
    response = post(client, valid_post(planner_link=planner, self_check_link="/en/toolkit/self-check/?q1=2"))
    assert response.status_code == 302
    registration = Registration.objects.latest("created_at")
    assert registration.planner_link == "/th/toolkit/planner/?capital=50000&members=20"
    assert registration.self_check_link == "/en/toolkit/self-check/?q1=2"


def test_thai_digits_and_common_era_years(client):
    response = post(client, valid_post(fund_start_year="๒๐๒๔", contact_phone="๐๘๑๒๓๔๕๖๗๘"))
    assert response.status_code == 302
    registration = Registration.objects.latest("created_at")
    assert registration.fund_start.year == 2024
    assert registration.contact_phone == "0812345678"


def test_show_districts_keeps_what_was_typed_without_saving_or_errors(client):
    data = valid_post(province="52", district="", name="กลุ่มลำปาง")
    data["show_districts"] = "1"
    response = post(client, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "เมืองลำปาง" in body  # Lampang's districts are now listed
    assert "เมืองบึงกาฬ" not in body
    assert 'value="กลุ่มลำปาง"' in body
    assert "tool-field__error" not in body
    assert not Registration.objects.filter(name="กลุ่มลำปาง").exists()


def test_the_honeypot_refuses_and_saves_nothing(client):
    before = Registration.objects.count()
    response = post(client, valid_post(website="http://spam.example"))
    assert response.status_code == 400
    assert 'id="id_website"' in response.content.decode()
    assert Registration.objects.count() == before


@pytest.mark.parametrize("language", ["th", "en"])
def test_rate_limit_answers_429_in_both_languages(client, language):
    address = fresh_address()
    for number in range(LIMIT):
        response = post(client, valid_post(name=f"กลุ่ม {number}"), language, address)
        assert response.status_code == 302
    count = Registration.objects.count()
    response = post(client, valid_post(name="กลุ่มที่หก"), language, address)
    body = response.content.decode()
    assert response.status_code == 429
    assert "ภายในหนึ่งชั่วโมง" in body and "within an hour" in body
    assert Registration.objects.count() == count
    # Another address is not held back.
    assert post(client, valid_post(name="กลุ่มอื่น"), language).status_code == 302


def test_honeypot_trips_count_towards_the_limit(client):
    address = fresh_address()
    for _ in range(LIMIT):
        assert post(client, valid_post(website="spam"), address=address).status_code == 400
    assert post(client, valid_post(), address=address).status_code == 429


def test_the_address_is_not_stored():
    from network.models import JoinAttempt
    from network.rate_limit import count

    count("203.0.113.77")
    assert not JoinAttempt.objects.filter(address_hash__contains="203.0.113.77").exists()
    assert JoinAttempt.objects.count() >= 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"province": ["10", "11"], "district": "\x00"},
        {"name": "\x00\x01", "fund_start_year": "9" * 50},
        {**valid_post(), "planner_link": "/th/toolkit/planner/?capital=\x00", "contact_email": "a\x00@example.org"},
        {"target_groups": ["abc", "-1"], "fund_start_month": "x"},
    ],
)
def test_garbage_never_500(client, data):
    response = post(client, data)
    assert response.status_code in (400, 200)


def test_other_methods_refused(client):
    assert client.put(join_url("th")).status_code == 405
