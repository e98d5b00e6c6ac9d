"""Translation status: the pure classification, the inventory on the demo site, and the admin view."""

from datetime import UTC, datetime, timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from home.factories import signed_in, standard_page, user
from home.models import Partner, StandardPage
from home.translation_inventory import translation_rows
from home.translation_status import (
    DEFAULT_ORDERING,
    Row,
    State,
    classify,
    count_states,
    filter_rows,
    normalise_ordering,
    sort_rows,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
T1, T2, T3 = (T0 + timedelta(hours=h) for h in (1, 2, 3))


# --- the pure classification -------------------------------------------------------------------


def test_no_translation_is_missing():
    assert classify(translation_exists=False, source_changed_at=T0) is State.MISSING


def test_translation_not_live_is_draft_even_if_the_source_moved_on():
    assert classify(translation_exists=True, translation_live=False, source_changed_at=T3, synced_at=T1) is State.DRAFT


def test_synced_after_the_last_change_and_saved_since_is_up_to_date():
    state = classify(translation_exists=True, source_changed_at=T0, synced_at=T1, translated_at=T2)
    assert state is State.UP_TO_DATE


def test_source_changed_after_sync_is_stale():
    assert classify(translation_exists=True, source_changed_at=T2, synced_at=T1, translated_at=T1) is State.STALE


def test_synced_but_translation_not_saved_since_is_stale():
    assert classify(translation_exists=True, source_changed_at=T0, synced_at=T2, translated_at=T1) is State.STALE


def test_hand_made_translation_is_compared_with_its_own_publication():
    assert classify(translation_exists=True, source_changed_at=T2, translation_published_at=T1) is State.STALE
    assert classify(translation_exists=True, source_changed_at=T1, translation_published_at=T2) is State.UP_TO_DATE


def test_nothing_known_about_changes_counts_as_up_to_date():
    assert classify(translation_exists=True) is State.UP_TO_DATE


def _row(title, state, kind="home.standardpage", changed=None):
    return Row(
        kind=kind,
        kind_label=kind,
        title=title,
        source_edit_url="",
        state=state,
        translation_url="",
        source_changed_at=changed,
    )


def test_sort_filter_and_count_rows():
    rows = [
        _row("ข", State.UP_TO_DATE, changed=T1),
        _row("ก", State.MISSING, kind="home.partner", changed=T2),
        _row("ค", State.STALE),
    ]
    assert [r.title for r in sort_rows(rows, "state")] == ["ก", "ค", "ข"]
    assert [r.title for r in sort_rows(rows, "-title")] == ["ค", "ข", "ก"]
    assert [r.title for r in sort_rows(rows, "changed")] == ["ค", "ข", "ก"]
    assert [r.title for r in sort_rows(rows, "nonsense")] == [r.title for r in sort_rows(rows, DEFAULT_ORDERING)]
    assert normalise_ordering("-synced") == "-synced" and normalise_ordering("--x") == DEFAULT_ORDERING
    assert [r.title for r in filter_rows(rows, state=State.STALE)] == ["ค"]
    assert [r.title for r in filter_rows(rows, kind="home.partner")] == ["ก"]
    assert [r.title for r in filter_rows(rows, query=" ข ")] == ["ข"]
    assert count_states(rows) == {
        State.MISSING: 1,
        State.STALE: 1,
        State.IN_REVIEW: 0,
        State.DRAFT: 0,
        State.UP_TO_DATE: 1,
    }


# --- the inventory on the demo site --------------------------------------------------------------


def _by_title(rows):
    return {row.title: row for row in rows}


@pytest.mark.django_db
def test_demo_site_lists_every_page_and_snippet_up_to_date():
    rows = translation_rows()
    thai_pages = StandardPage.objects.filter(locale__language_code="th").count() + 1  # + the home page
    thai_partners = Partner.objects.filter(locale__language_code="th").count()
    assert sum(row.kind == "home.partner" for row in rows) == thai_partners == 3
    assert sum(row.kind != "home.partner" for row in rows) >= thai_pages
    assert {row.state for row in rows} == {State.UP_TO_DATE}
    assert all(row.translation_url.startswith("/admin/") for row in rows)


@pytest.mark.django_db
def test_page_edited_after_sync_is_stale_until_resynced_and_saved(thai_home):
    about = StandardPage.objects.child_of(thai_home).get(slug="about")
    english = Locale.objects.get(language_code="en")
    assert _by_title(translation_rows())[about.title].state is State.UP_TO_DATE

    about.intro = "บทนำที่แก้ไขหลังการแปล"
    about.save_revision().publish()
    assert _by_title(translation_rows())[about.title].state is State.STALE

    # "Sync translated pages" extracts the new strings: still stale until the translation is saved again.
    source = TranslationSource.objects.get_for_instance(about)
    source.update_from_db()
    assert _by_title(translation_rows())[about.title].state is State.STALE

    source.translations.get(target_locale=english).save_target(publish=True)
    assert _by_title(translation_rows())[about.title].state is State.UP_TO_DATE


@pytest.mark.django_db
def test_new_page_is_missing_then_draft(thai_home):
    page = standard_page(thai_home, "หน้าใหม่ยังไม่แปล", "new-untranslated")
    row = _by_title(translation_rows())[page.title]
    assert row.state is State.MISSING
    assert row.translation_url == f"/admin/localize/submit/page/{page.pk}/"

    create_aliases_for_new_page(page)
    alias = page.get_translation(Locale.objects.get(language_code="en"))
    row = _by_title(translation_rows())[page.title]
    assert row.state is State.MISSING and row.translation_url == f"/admin/pages/{alias.pk}/edit/"

    alias.delete()
    page.copy_for_translation(Locale.objects.get(language_code="en"))  # an unpublished English copy
    assert _by_title(translation_rows())[page.title].state is State.DRAFT


@pytest.mark.django_db
def test_snippet_edited_in_the_admin_after_sync_is_stale():
    partner = Partner.objects.get(locale__language_code="th", name="มูลนิธิเอสซีจี")
    assert _by_title(translation_rows())[partner.name].state is State.UP_TO_DATE
    partner.role = "บทบาทที่แก้ไข"
    partner.save()
    log(partner, "wagtail.edit")
    assert _by_title(translation_rows())[partner.name].state is State.STALE


@pytest.mark.django_db
def test_untranslated_snippet_is_missing_with_a_translate_link():
    partner = Partner.objects.create(locale=Locale.objects.get(language_code="th"), name="ภาคีใหม่", sort_order=9)
    row = _by_title(translation_rows())["ภาคีใหม่"]
    assert row.state is State.MISSING
    assert row.translation_url == f"/admin/localize/submit/snippet/home/partner/{partner.pk}/"


# --- the admin view -------------------------------------------------------------------------------


def _staff(name, group, language="th"):
    return signed_in(user(name, group, language=language))


@pytest.mark.django_db
def test_status_view_and_dashboard_render_in_thai_for_a_thai_editor():
    client = _staff("ed", "Editors")
    response = client.get("/admin/translation-status/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="th"' in html
    assert "สถานะการแปล" in html and "ต้นฉบับภาษาไทย" in html and "เป็นปัจจุบัน" in html
    for row in translation_rows():
        assert row.title in html and f'href="{row.translation_url}"' in html
    dashboard = client.get("/admin/").content.decode()
    assert 'id="translation-status' in dashboard and "สถานะการแปล" in dashboard
    assert 'href="/admin/translation-status/"' in dashboard  # the menu item


@pytest.mark.django_db
def test_status_view_renders_in_english_for_an_english_translator():
    response = _staff("tr", "Translators", language="en").get("/admin/translation-status/")
    assert response.status_code == 200
    assert "Translation status" in response.content.decode() and "Up to date" in response.content.decode()


@pytest.mark.django_db
def test_status_view_links_open_the_translation_editor(admin_client):
    for row in translation_rows():
        assert admin_client.get(row.translation_url).status_code == 200, row.translation_url


@pytest.mark.django_db
def test_status_view_filters_and_sorts(thai_home, admin_client):
    about = StandardPage.objects.child_of(thai_home).get(slug="about")
    about.save_revision().publish()
    html = admin_client.get("/admin/translation-status/?state=stale").content.decode()
    assert about.title in html and "มูลนิธิเอสซีจี" not in html
    html = admin_client.get("/admin/translation-status/?kind=home.partner&ordering=-title").content.decode()
    names = sorted(Partner.objects.filter(locale__language_code="th").values_list("name", flat=True), reverse=True)
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert about.title not in html.split("<tbody>")[1]
    html = admin_client.get("/admin/translation-status/?q=ภาคี").content.decode()
    assert "ภาคีความร่วมมือ" in html.split("<tbody>")[1] and "หน้าแรก" not in html.split("<tbody>")[1]


@pytest.mark.parametrize("query", ["state=bogus", "kind=nope.model", "ordering=drop", "q=" + "x" * 300])
@pytest.mark.django_db
def test_bad_query_strings_are_refused_cleanly(admin_client, query):
    response = admin_client.get(f"/admin/translation-status/?{query}")
    assert response.status_code == 400


@pytest.mark.django_db
def test_out_of_range_page_number_shows_the_last_page(admin_client):
    assert admin_client.get("/admin/translation-status/?p=999").status_code == 200
    assert admin_client.get("/admin/translation-status/?p=abc").status_code == 200


@pytest.mark.django_db
def test_status_view_is_refused_to_roles_that_do_not_translate():
    response = _staff("coord", "Unit coordinators").get("/admin/translation-status/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = _staff("data", "Data staff").get("/admin/").content.decode()
    assert "/admin/translation-status/" not in dashboard


def _add_pages(parent, count, start):
    for number in range(start, start + count):
        standard_page(parent, f"หน้าทดสอบ {number}", f"bulk-{number}", english_alias=True)


@pytest.mark.heavy
@pytest.mark.django_db
def test_status_view_query_count_does_not_grow_with_pages(thai_home, admin_client, django_assert_max_num_queries):
    _add_pages(thai_home, 5, 0)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get("/admin/translation-status/").status_code == 200
    with CaptureQueriesContext(connection) as few_dashboard:
        assert admin_client.get("/admin/").status_code == 200
    _add_pages(thai_home, 60, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get("/admin/translation-status/")
    assert response.status_code == 200
    assert response.content.decode().count("หน้าทดสอบ") >= 65
    with django_assert_max_num_queries(len(few_dashboard.captured_queries)):
        assert admin_client.get("/admin/").status_code == 200
