"""Admin sign-in is throttled by django-axes: repeated failures lock the account out, in Thai and English."""

import pytest

from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password-2566")


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
