"""Review cannot be skipped through wagtail-localize: every publishing path, per role, through the real admin URLs."""

import re
from urllib.parse import urlencode

import pytest

from django.contrib.auth import get_user_model
from django.test import Client, TestCase

from wagtail.models import Locale, PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from home import factories
from home.demo import ensure_demo_staff
from home.factories import standard_page
from home.models import StandardPage
from home.translation_inventory import translation_rows
from home.translation_status import State, classify

pytestmark = pytest.mark.django_db

NEW_INTRO = "An English introduction that a moderator has not seen yet"


@pytest.fixture
def staff():
    """The demo staff accounts (one per role) and a superuser, each with a logged-in admin client."""
    ensure_demo_staff("pw")
    User = get_user_model()
    users = {name: User.objects.get(username=name) for name in ("translator", "editor", "moderator")}
    users["superuser"] = factories.user("root", superuser=True)
    for user in users.values():  # English admin, so messages can be checked in English (Thai: see the status test)
        factories.set_admin_language(user, "en")
    return users


class CommittingClient(Client):
    """Runs each request's on-commit callbacks when it ends, as a committed request would: wagtail-localize
    publishes in ``transaction.on_commit``, which the test's surrounding transaction would otherwise never run."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


def client_for(user):
    return factories.signed_in(user, CommittingClient())


@pytest.fixture
def english_about(english_home):
    return StandardPage.objects.child_of(english_home).get(slug="about")


@pytest.fixture
def about_translation(english_about):
    return Translation.objects.get(
        source__object_id=english_about.translation_key, target_locale=english_about.locale, enabled=True
    )


def type_translation(client, translation, field, text):
    """What the translation editor does as the translator types: PUT one string to wagtail-localize's API."""
    segment = StringSegment.objects.get(source=translation.source, context__path=field)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content
    return response


def assert_refused(response):
    """The admin refuses as Wagtail does: 403 for scripts, otherwise back to the dashboard with an error."""
    assert response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/"), response


def public_english_about():
    return Client().get("/en/about/").content.decode()


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def approve_url(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/"


# --- the translator's (and editor's) work goes to Review -------------------------------------------------------------


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_submit_for_review_saves_a_draft_and_starts_the_workflow(staff, role, english_about, about_translation):
    client = client_for(staff[role])
    live_intro = english_about.intro
    editor_page = client.get(edit_url(english_about)).content.decode()
    assert 'name="localize-submit-for-review"' in editor_page

    type_translation(client, about_translation, "intro", NEW_INTRO)
    response = client.post(edit_url(english_about), {"localize-submit-for-review": "1"})
    assert response.status_code == 302

    english_about.refresh_from_db()
    assert english_about.intro == live_intro  # the live page is untouched
    assert NEW_INTRO not in public_english_about()
    state = english_about.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == staff[role]
    draft = english_about.get_latest_revision()
    assert draft.user == staff[role] and draft.as_object().intro == NEW_INTRO
    assert state.current_task_state.revision == draft
    assert english_about.has_unpublished_changes
    assert "waiting for review" in client.get(edit_url(english_about)).content.decode()


def test_moderator_sees_the_submission_and_approving_publishes_it(staff, english_about, about_translation):
    translator = client_for(staff["translator"])
    type_translation(translator, about_translation, "intro", NEW_INTRO)
    translator.post(edit_url(english_about), {"localize-submit-for-review": "1"})

    moderator = client_for(staff["moderator"])
    approve = approve_url(english_about)
    assert approve in moderator.get("/admin/").content.decode()  # Dashboard: awaiting your review

    translator.post(approve, {"comment": ""})  # the translator cannot approve their own work
    assert NEW_INTRO not in public_english_about()
    assert moderator.post(approve, {"comment": ""}).status_code in (200, 302)
    english_about.refresh_from_db()
    assert english_about.current_workflow_state is None
    assert english_about.intro == NEW_INTRO
    assert NEW_INTRO in public_english_about()


def test_second_submission_while_in_review_is_refused_with_a_message(staff, english_about, about_translation):
    client = client_for(staff["translator"])
    client.post(edit_url(english_about), {"localize-submit-for-review": "1"})
    revisions = english_about.revisions.count()
    response = client.post(edit_url(english_about), {"localize-submit-for-review": "1"}, follow=True)
    assert response.status_code == 200
    assert "already waiting for review" in response.content.decode()
    assert english_about.revisions.count() == revisions
    assert WorkflowState.objects.filter(object_id=str(english_about.pk)).count() == 1


def test_changes_requested_then_resubmitted_resumes_the_workflow(staff, english_about, about_translation):
    translator = client_for(staff["translator"])
    translator.post(edit_url(english_about), {"localize-submit-for-review": "1"})
    state = english_about.current_workflow_state
    reject = f"/admin/pages/workflow/action/{english_about.pk}/reject/{state.current_task_state.pk}/"
    client_for(staff["moderator"]).post(reject, {"comment": "ยังไม่ครบ"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    type_translation(translator, about_translation, "intro", NEW_INTRO)
    assert translator.post(edit_url(english_about), {"localize-submit-for-review": "1"}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    english_about.refresh_from_db()
    assert english_about.get_latest_revision().as_object().intro == NEW_INTRO
    assert NEW_INTRO not in public_english_about()


# --- publishing paths refused to non-publishers, open to publishers --------------------------------------------------


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_translation_editor_publish_is_refused_without_publish_permission(
    staff, role, english_about, about_translation
):
    client = client_for(staff[role])
    type_translation(client, about_translation, "intro", NEW_INTRO)
    assert_refused(client.post(edit_url(english_about), {"action": "publish"}))
    assert NEW_INTRO not in public_english_about()


@pytest.mark.parametrize("role", ["moderator", "superuser"])
def test_publishers_publish_from_the_translation_editor(staff, role, english_about, about_translation):
    client = client_for(staff[role])
    editor_page = client.get(edit_url(english_about)).content.decode()
    assert 'name="localize-submit-for-review"' not in editor_page
    type_translation(client, about_translation, "intro", NEW_INTRO)
    assert client.post(edit_url(english_about), {"action": "publish"}).status_code == 302
    assert NEW_INTRO in public_english_about()
    assert WorkflowState.objects.filter(object_id=str(english_about.pk)).count() == 0


def test_sync_with_publish_immediately_is_refused_to_a_translator(staff, english_about, about_translation):
    client = client_for(staff["translator"])
    url = f"/admin/localize/update/{about_translation.source_id}/"
    form = client.get(url).content.decode()
    assert "Only moderators publish translations" in form
    checkbox = re.search(r'<input[^>]*name="publish_translations"[^>]*>', form).group(0)
    assert "disabled" in checkbox

    type_translation(client, about_translation, "intro", NEW_INTRO)
    assert_refused(client.post(url, {"publish_translations": "on"}))
    english_about.refresh_from_db()
    assert NEW_INTRO not in public_english_about()
    # Syncing without publishing is still allowed and changes nothing public.
    assert client.post(url, {}).status_code == 302
    assert NEW_INTRO not in public_english_about()


def test_sync_with_publish_immediately_publishes_for_a_moderator(staff, english_about, about_translation):
    client = client_for(staff["moderator"])
    type_translation(client, about_translation, "intro", NEW_INTRO)
    url = f"/admin/localize/update/{about_translation.source_id}/"
    assert "Only moderators publish translations" not in client.get(url).content.decode()
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert NEW_INTRO in public_english_about()


@pytest.fixture
def untranslated_thai_page(thai_home):
    page = standard_page(thai_home, "หน้าที่ยังไม่มีภาษาอังกฤษ", "not-yet-english")
    return page


def _translate_page(client, page, **extra):
    english = Locale.objects.get(language_code="en")
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk], **extra})
    assert response.status_code == 302, response.content
    return page.get_translation(english)


def test_translate_this_page_makes_a_draft_for_a_translator(staff, untranslated_thai_page):
    english = _translate_page(client_for(staff["translator"]), untranslated_thai_page)
    assert not english.live and english.live_revision is None
    assert english.get_latest_revision().user == staff["translator"]
    assert Client().get("/en/not-yet-english/").status_code == 404


def test_translate_this_page_over_a_live_alias_keeps_what_the_public_sees(staff, untranslated_thai_page):
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(untranslated_thai_page)
    alias = untranslated_thai_page.get_translation(Locale.objects.get(language_code="en"))
    assert alias.live and alias.alias_of_id
    english = _translate_page(client_for(staff["translator"]), untranslated_thai_page)
    assert english.pk == alias.pk and english.alias_of_id is None  # a page of its own now, for the translator
    assert english.live and english.title == untranslated_thai_page.title  # showing the same Thai text as before
    assert not PageLogEntry.objects.filter(page=english, action="wagtail.publish").exists()
    assert english.has_unpublished_changes


def test_translate_with_subtree_makes_drafts_of_every_page_for_a_translator(staff, untranslated_thai_page):
    child = standard_page(untranslated_thai_page, "หน้าย่อย", "child-page")
    _translate_page(client_for(staff["translator"]), untranslated_thai_page, include_subtree="on")
    english_child = child.get_translation(Locale.objects.get(language_code="en"))
    assert not english_child.live and english_child.get_parent().specific.locale.language_code == "en"
    assert Client().get("/en/not-yet-english/child-page/").status_code == 404


def test_translate_this_page_publishes_for_a_moderator(staff, untranslated_thai_page):
    english = _translate_page(client_for(staff["moderator"]), untranslated_thai_page)
    assert english.live
    assert Client().get("/en/not-yet-english/").status_code == 200


# --- convert to alias: moderators only ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_convert_to_alias_is_refused_and_hidden_without_publish_permission(staff, role, english_about):
    client = client_for(staff[role])
    url = f"/admin/localize/page/{english_about.pk}/convert_to_alias/"
    assert "convert_to_alias" not in client.get(edit_url(english_about)).content.decode()
    assert_refused(client.get(url))
    assert_refused(client.post(url))
    assert_refused(client.post(edit_url(english_about), {"localize-convert-to-alias": "1"}))
    english_about.refresh_from_db()
    assert english_about.alias_of_id is None


@pytest.mark.parametrize("role", ["moderator", "superuser"])
def test_convert_to_alias_is_offered_to_publishers(staff, role, english_about, thai_home):
    client = client_for(staff[role])
    url = f"/admin/localize/page/{english_about.pk}/convert_to_alias/"
    assert url in client.get(edit_url(english_about)).content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    english_about.refresh_from_db()
    assert english_about.alias_of_id == StandardPage.objects.child_of(thai_home).get(slug="about").pk


def test_convert_to_alias_menu_item_of_the_page_editor_is_for_publishers_only(staff, english_about, about_translation):
    about_translation.enabled = False  # "Stop synced translation": the English page opens in the page editor
    about_translation.save()
    assert "localize-convert-to-alias" not in client_for(staff["editor"]).get(edit_url(english_about)).content.decode()
    assert "localize-convert-to-alias" in client_for(staff["moderator"]).get(edit_url(english_about)).content.decode()


# --- the translation-status view ------------------------------------------------------------------------------------


def test_in_review_wins_over_draft_and_stale():
    assert classify(translation_exists=True, in_review=True, translation_live=False) is State.IN_REVIEW
    assert classify(translation_exists=False, in_review=True) is State.MISSING


def test_status_view_shows_waiting_for_review(staff, english_about, about_translation, thai_home):
    translator = staff["translator"]
    client_for(translator).post(edit_url(english_about), {"localize-submit-for-review": "1"})
    thai_about = StandardPage.objects.child_of(thai_home).get(slug="about")
    rows = {row.title: row for row in translation_rows()}
    assert rows[thai_about.title].state is State.IN_REVIEW

    response = client_for(translator).get("/admin/translation-status/?state=in_review")
    assert "Waiting for review" in response.content.decode() and thai_about.title in response.content.decode()

    factories.set_admin_language(staff["moderator"], "th")
    response = client_for(staff["moderator"]).get("/admin/translation-status/?state=in_review")
    assert "รอตรวจ" in response.content.decode() and thai_about.title in response.content.decode()
