"""The page editor in real headless Chromium: a Thai title fills the slug field with its romanisation as it is
typed, a slug changed by hand stays, and an error on the hidden Promote tab is counted on the tab.

The live server reads committed data only (like the other browser tests), so the editor account and the page
whose slug clashes are committed here and deleted again afterwards; nothing the browser does is saved.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connections

from wagtail.models import Page

from home.factories import SAVED, signed_in, standard_page, user
from home.models import HomePage, StandardPage
from home.slugs import romanised_slug

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def committed(function, *args):
    """Run ``function`` in a thread of its own: its own connection, outside the test's transaction, so what it
    writes is committed and the live server sees it (the test's own transaction would lock SQLite's tables)."""
    with ThreadPoolExecutor(max_workers=1) as pool:

        def run():
            try:
                return function(*args)
            finally:
                connections.close_all()

        return pool.submit(run).result()


def sign_in_editor():
    # The admin in Thai, whatever the browser asks for.
    client = signed_in(user("browser-editor", superuser=True, language="th"))
    return HomePage.objects.get(locale__language_code="th").pk, client.cookies[settings.SESSION_COOKIE_NAME].value


def remove_editor(session):
    # Anything the editor's autosave might have made goes too (autosave is off in these tests: belt and braces).
    for page in Page.objects.filter(owner__username="browser-editor").order_by("-depth"):
        page.delete()
    get_user_model().objects.filter(username="browser-editor").delete()
    Session.objects.filter(session_key=session).delete()


@pytest.fixture
def editor_tab(page, site_url, settings):
    # Wagtail 8 autosaves the editor every half second, which would save pages for the live server; these
    # tests only look at the form.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    home_id, session = committed(sign_in_editor)
    try:
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
        page.goto(f"{site_url}/admin/pages/add/home/standardpage/{home_id}/")
        yield page
    finally:
        committed(remove_editor, session)


def type_thai(page, selector, text):
    """Type like a Thai keyboard: Playwright inserts non-US characters without key events, so end with a key
    press (the keyup Wagtail's title sync listens for)."""
    field = page.locator(selector)
    field.press_sequentially(text, delay=20)
    field.press("End")


def expect_slug(page, expected):
    """Wait until the slug field holds ``expected`` (the server's romanisation has arrived), or fail."""
    from playwright.sync_api import expect  # imported late: without Playwright the conftest skips (or fails in CI)

    expect(page.locator("#id_slug")).to_have_value(expected)  # the conftest's ceiling, not a budget


def promote_tab_link(page):
    section_id = page.locator("section[role=tabpanel]", has=page.locator("#id_slug")).get_attribute("id")
    return page.locator(f'a[role=tab][href="#{section_id}"]')


def test_typing_a_thai_title_fills_the_slug_with_its_romanisation(editor_tab):
    page = editor_tab
    type_thai(page, "#id_title", "กองทุนพัฒนา")
    expect_slug(page, "kongthun-phatna")
    type_thai(page, "#id_title", "อาชีพ")
    expect_slug(page, "kongthun-phatna-achip")
    # Mixed titles keep their English words.
    page.locator("#id_title").fill("")
    type_thai(page, "#id_title", "วิสาหกิจชุมชน SCG")
    expect_slug(page, "wisakitchumchon-scg")
    assert not page.csp_violations


def test_a_slug_changed_by_hand_is_left_alone(editor_tab):
    from playwright.sync_api import expect

    page = editor_tab
    type_thai(page, "#id_title", "กองทุน")
    expect_slug(page, "kongthun")
    promote_tab_link(page).click()
    page.locator("#id_slug").fill("fund-rules")
    page.locator("a[role=tab]").first.click()
    page.locator("#id_title").focus()
    # Focusing the title asks the slug whether it still follows the title (Wagtail's ``w-sync:check``); the answer
    # "changed by hand" switches the title's sync off, so no later keystroke can reach the slug.
    expect(page.locator("#id_title")).to_have_attribute("data-w-sync-disabled-value", "true")
    romanise_requests = [url for url in page.requests if "romanise" in url]
    type_thai(page, "#id_title", "พัฒนาอาชีพ")
    expect(page.locator("#id_title")).to_have_value("กองทุนพัฒนาอาชีพ")
    assert page.locator("#id_slug").input_value() == "fund-rules"
    assert [url for url in page.requests if "romanise" in url] == romanise_requests  # nothing asked the server


def test_a_slug_typed_in_thai_is_romanised_when_the_editor_leaves_it(editor_tab):
    page = editor_tab
    promote_tab_link(page).click()
    page.locator("#id_slug").fill("ระเบียบกองทุน")
    page.locator("#id_seo_title").focus()
    expect_slug(page, "rabiap-kongthun")


def add_sibling():
    return standard_page(HomePage.objects.get(locale__language_code="th"), "กองทุน", "fund-rules", state=SAVED).pk


def remove_sibling(pk):
    StandardPage.objects.get(pk=pk).delete()


def test_an_error_on_the_promote_tab_shows_its_count_on_the_tab(editor_tab):
    page = editor_tab
    sibling = committed(add_sibling)
    try:
        type_thai(page, "#id_title", "กองทุนใหม่")
        # The title's romanisation arrives from the server: set the clashing slug only after it, or a late answer
        # (a loaded machine) would overwrite it and there would be no error to count.
        expect_slug(page, romanised_slug("กองทุนใหม่"))
        page.locator("#id_slug").evaluate("(input) => { input.value = 'fund-rules'; }")
        with page.expect_navigation():
            page.locator("form[data-edit-form]").first.evaluate("(form) => form.requestSubmit()")
        badge = promote_tab_link(page).locator(".w-tabs__errors")
        badge.wait_for(state="visible")
        assert badge.locator("[data-w-count-target=total]").inner_text().strip() == "1"
        assert badge.locator("[data-w-count-target=label]").text_content() == "ข้อผิดพลาด 1 รายการ"
        assert page.locator("#id_slug").input_value() == "fund-rules"
    finally:
        committed(remove_sibling, sibling)
