"""Bilingual 400/403/404/500 pages that need no database, and the handlers that use them."""

import pytest

from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db

CASES = {
    "400": {"th": "คำขอไม่ถูกต้อง", "en": "Bad request"},
    "403": {"th": "ไม่มีสิทธิ์เข้าถึง", "en": "Access denied"},
    "404": {"th": "ไม่พบหน้าที่ต้องการ", "en": "Page not found"},
}


def render_error(rf, status, language):
    request = rf.get(f"/{language}/somewhere/")
    with translation.override(language):
        if status == "400":
            return defaults.bad_request(request, Exception("bad"))
        if status == "403":
            return defaults.permission_denied(request, PermissionDenied())
        if status == "404":
            return defaults.page_not_found(request, Exception("missing"))
        return defaults.server_error(request)


@pytest.mark.parametrize("status", ["400", "403", "404"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_error_pages_speak_the_reader_language_without_touching_the_database(
    rf, status, language, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = render_error(rf, status, language)
    assert response.status_code == int(status)
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert f"<h1>{CASES[status][language]}</h1>" in page
    assert f'href="/{language}/"' in page  # a way back home, in the same language
    assert 'href="#main"' in page and '<main id="main"' in page


def test_500_page_is_bilingual_and_needs_nothing(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = render_error(rf, "500", "en")
    page = response.content.decode()
    assert response.status_code == 500
    assert "ขออภัย เกิดข้อผิดพลาดในระบบ" in page and "Sorry, something went wrong" in page
    assert '<section lang="en"' in page
    assert "<style" not in page and "<script" not in page  # nothing the CSP would block


@pytest.mark.parametrize(("language", "title"), [("th", "คำขอไม่ถูกต้อง"), ("en", "Bad request")])
def test_a_bad_host_gets_the_400_page(client, language, title):
    with override_settings(ALLOWED_HOSTS=["odf.example.org"]):
        response = client.get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert title in response.content.decode()


def test_a_failed_csrf_check_gets_the_bilingual_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "security check failed" in response.content.decode()
    response = client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="th")
    assert "การตรวจสอบความปลอดภัยไม่ผ่าน" in response.content.decode()
