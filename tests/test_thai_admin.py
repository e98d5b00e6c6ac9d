"""The admin in Thai: upload errors, the sign-in page, privacy and page status; the demo staff accounts' names."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import escape

from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from home.factories import DRAFT, SAVED, signed_in, standard_page, user
from home.models import StandardPage
from news.factories import thai_index
from tests.test_uploads import png_header_only, upload_document, upload_image

pytestmark = pytest.mark.django_db


def staff_client(client, language):
    return signed_in(user(f"staff-{language}", superuser=True, language=language), client)


@pytest.fixture
def thai_staff(client):
    return staff_client(client, "th")


def file_messages(response, language="th"):
    """The file field's messages, in the staff member's language, each checked to be on the page."""
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    with translation.override(language):
        messages = [str(message) for error in errors for message in error.messages]
    body = response.content.decode()
    for message in messages:
        assert escape(message) in body
    return " ".join(messages)


def test_a_document_with_a_wrong_extension_is_refused_in_thai(thai_staff):
    messages = file_messages(upload_document(thai_staff, "run.exe", b"MZ\x90"))
    assert "ไม่รับไฟล์นามสกุล “exe” นามสกุลที่รับได้: " in messages
    assert "not allowed" not in messages


def test_a_document_with_a_wrong_extension_is_refused_in_english_for_english_staff(client):
    messages = file_messages(upload_document(staff_client(client, "en"), "run.exe", b"MZ\x90"), "en")
    assert "File extension “exe” is not allowed." in messages


def test_an_image_with_too_many_pixels_is_refused_in_thai(thai_staff):
    messages = file_messages(upload_image(thai_staff, "bomb.png", png_header_only(7000, 7000)))
    assert "ภาพนี้มีพิกเซลมากเกินไป (ไม่ทราบจำนวน) รับได้ไม่เกิน 40000000 พิกเซล" in messages


def test_an_image_whose_content_does_not_match_its_extension_is_refused_in_thai(thai_staff):
    messages = file_messages(upload_image(thai_staff, "fake.png", b"\xff\xd8\xff\xe0" + b"\x00" * 64))
    assert "ไม่ใช่ภาพ .png ที่ถูกต้อง นามสกุลไม่ตรงกับรูปแบบจริงของไฟล์" in messages
    assert "Not a valid" not in messages


def test_the_admin_sign_in_page_is_thai(client):
    body = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "จดจำการเข้าสู่ระบบ" in body
    assert "Remember me" not in body


def test_page_status_in_the_page_listing_is_thai(thai_staff, thai_home):
    standard_page(thai_home, "ร่างทดสอบ", "status-draft", state=DRAFT)
    moderated = standard_page(thai_home, "รอตรวจทดสอบ", "status-moderated", state=DRAFT)
    workflow = moderated.get_workflow()
    assert workflow is not None  # the project's Review workflow
    workflow.start(moderated, get_user_model().objects.get(username="staff-th"))
    body = thai_staff.get(f"/admin/pages/{thai_home.pk}/").content.decode()
    assert "รอการตรวจทาน" in body
    assert "in moderation" not in body
    assert "ร่าง" in body


def test_the_privacy_dialog_is_thai(thai_staff, thai_home):
    page = StandardPage.objects.child_of(thai_home).first()
    html = thai_staff.get(f"/admin/pages/{page.pk}/privacy/").json()["html"]
    assert "ส่วนตัว เข้าดูได้ด้วยรหัสผ่านที่ใช้ร่วมกัน" in html
    assert "ส่วนตัว เข้าดูได้เฉพาะผู้ที่เข้าสู่ระบบแล้ว" in html
    assert "Private, accessible" not in html
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    child = standard_page(page, "ลูก", "privacy-child", state=SAVED)
    html = thai_staff.get(f"/admin/pages/{child.pk}/privacy/").json()["html"]
    assert "ความเป็นส่วนตัวสืบทอดมาจากหน้าระดับบน" in html


def test_demo_staff_accounts_have_thai_and_english_names_and_a_language():
    from home.demo import DEMO_PEOPLE, ensure_demo_staff

    User = get_user_model()
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    ensure_demo_staff("pw")
    editor = User.objects.get(username="editor")
    assert editor.get_full_name() == "สมศรี ใจดี (Somsri Jaidee)"
    assert editor.get_short_name() == "สมศรี"
    languages = {}
    for username in DEMO_PEOPLE:
        user = User.objects.get(username=username)
        assert user.first_name and "(" in user.last_name, username
        languages[username] = UserProfile.get_for_user(user).preferred_language
    assert languages.pop("translator") == "en"
    assert set(languages.values()) == {"th"}
    # A second run keeps what staff changed.
    editor.first_name = "สมศรี ช."
    editor.save()
    ensure_demo_staff("pw")
    assert User.objects.get(username="editor").first_name == "สมศรี ช."


def test_the_editor_s_tab_error_count_is_thai(thai_staff):
    """The number on a tab with errors is read out as "N errors" from Wagtail's JavaScript catalogue."""
    body = thai_staff.get("/admin/jsi18n/").content.decode()
    assert json.dumps("ข้อผิดพลาด %(num)s รายการ") in body  # JSON: Thai as \u escapes


# Any unit can be a pilot or a unit that took up the model later (issue 22): the forms staff fill in for a unit's
# figures and a news item's units say "learning unit", in the staff member's language, never "pilot unit" (the demo's
# news tag "หน่วยนำร่อง" is about the pilots and stays).
UNIT_WORDING = {
    "th": {
        "figure": ["หน่วยจัดการเรียนรู้ (หน้าภาษาไทยของหน่วย) ที่ตัวเลขนี้เป็นของ"],
        "news": ["หน่วยจัดการเรียนรู้ที่เกี่ยวข้อง", "กรณีศึกษา (หน่วยจัดการเรียนรู้) ที่ข่าวนี้กล่าวถึง"],
        "never": ["หน่วยนำร่องที่เกี่ยวข้อง", "(หน่วยนำร่อง)", "หน่วยนำร่อง (หน้า"],
    },
    "en": {
        "figure": ["the learning unit (its thai page) this figure belongs to."],
        "news": ["related learning units", "the case studies (learning units) this news is about;"],
        "never": ["related pilot units", "(pilot units)", "the pilot unit (its"],
    },
}


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_figure_and_news_forms_call_a_unit_a_learning_unit(client, language):
    staff = staff_client(client, language)
    wording = UNIT_WORDING[language]
    forms = {
        "figure": staff.get("/admin/snippets/impact/impactfigure/add/"),
        "news": staff.get(f"/admin/pages/add/news/newspage/{thai_index().pk}/"),
    }
    for form, response in forms.items():
        assert response.status_code == 200
        body = response.content.decode().lower()
        for text in wording[form]:
            assert escape(text) in body, (form, text)
        for text in wording["never"]:
            assert escape(text) not in body, (form, text)
