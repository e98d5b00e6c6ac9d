"""Admin sign-in is throttled by django-axes: repeated failures lock the account out, in Thai and English."""

import datetime
import io

import pytest
from axes.models import AccessAttempt

from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from home.factories import user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editor(db):
    return user("editor", superuser=True, password="right-password-2566")


def sign_in(client, password, language="th"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR="203.0.113.7",
    )


def test_a_few_wrong_passwords_only_show_the_form_again(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, "right-password-2566").status_code == 302  # still allowed in


@pytest.mark.parametrize(
    ("language", "title", "message"),
    [
        ("th", "เข้าสู่ระบบผิดพลาดหลายครั้งเกินไป", "ถูกระงับหลังจากใส่ข้อมูลผิด 5 ครั้ง"),
        ("en", "Too many failed sign-in attempts", "Sign-in has been blocked after 5 failed attempts."),
    ],
)
def test_repeated_failures_lock_the_account_out_with_a_message_in_the_reader_language(
    client, editor, settings, language, title, message
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong", language)
    response = sign_in(client, "wrong", language)
    assert response.status_code == 429
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert f"<h1>{title}</h1>" in page and message in page

    # Locked out: even the right password is refused, and the lockout page is shown again.
    response = sign_in(client, "right-password-2566", language)
    assert response.status_code == 429
    assert title in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_address_and_username(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "right-password-2566"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302


PROXY = "10.0.0.2"  # the reverse proxy every request arrives from
ATTACKER = "203.0.113.66"
REAL_USER = "198.51.100.20"


def sign_in_through_proxy(client, password, forwarded_for):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def lock_out_attacker(client, settings, forwarded_for=ATTACKER):
    responses = [sign_in_through_proxy(client, "wrong", forwarded_for) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert [r.status_code for r in responses] == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]


def test_behind_one_proxy_the_attacker_is_locked_out_but_the_real_user_still_signs_in(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    lock_out_attacker(client, settings)
    assert sign_in_through_proxy(client, "right-password-2566", ATTACKER).status_code == 429
    assert AccessAttempt.objects.get().ip_address == ATTACKER  # the client's address, not the proxy's

    response = sign_in_through_proxy(Client(), "right-password-2566", REAL_USER)
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_behind_one_proxy_a_forged_left_part_of_the_header_does_not_escape_the_lockout(client, editor, settings):
    """The proxy appends the address it saw; whatever the client put in front of it is not believed."""
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in_through_proxy(client, "wrong", f"192.0.2.{n}, {ATTACKER}")
    assert sign_in_through_proxy(client, "right-password-2566", f"192.0.2.99, {ATTACKER}").status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, editor, settings):
    """With TRUSTED_PROXY_COUNT=0 (the default) a client cannot pick its address by sending the header."""
    assert settings.TRUSTED_PROXY_COUNT == 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in_through_proxy(client, "wrong", f"192.0.2.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}
    assert sign_in_through_proxy(client, "right-password-2566", REAL_USER).status_code == 429


def test_failures_during_a_lockout_do_not_extend_it(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    lock_out_attacker(client, settings)
    # 50 minutes later (the stored failure time is moved back instead of waiting) the attacker keeps trying.
    locked_at = timezone.now() - datetime.timedelta(minutes=50)
    AccessAttempt.objects.update(attempt_time=locked_at)
    for _ in range(3):
        assert sign_in_through_proxy(client, "wrong", ATTACKER).status_code == 429
    attempt = AccessAttempt.objects.get()
    assert attempt.attempt_time == locked_at
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT

    # An hour after the fifth failure the lockout is over, however often it was tried meanwhile.
    AccessAttempt.objects.update(attempt_time=locked_at - datetime.timedelta(minutes=11))
    assert sign_in_through_proxy(client, "right-password-2566", ATTACKER).status_code == 302


@pytest.mark.parametrize(
    "command",
    [
        ["axes_reset_username", "editor"],
        ["axes_reset_ip", ATTACKER],
        ["axes_reset_ip_username", ATTACKER, "editor"],
        ["axes_reset"],
    ],
)
def test_the_readme_unlock_commands_end_a_lockout(client, editor, settings, command):
    settings.TRUSTED_PROXY_COUNT = 1
    lock_out_attacker(client, settings)
    call_command(*command, stdout=io.StringIO())
    assert sign_in_through_proxy(client, "right-password-2566", ATTACKER).status_code == 302
