"""The network's join form and public page in real Chromium: no axe violation, no CSP block, no sideways
scrolling on a small phone, and the join form's province choice bringing its districts without a second click."""

import pytest

from tests.browser.test_accessibility import WIDER_THAN_THE_SCREEN, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("path", ["/{lang}/network/join/", "/{lang}/network/"])
def test_network_pages_are_accessible_and_reflow(page, site_url, path, language):
    response = page.goto(site_url + path.format(lang=language), wait_until="load")
    assert response.status == 200
    count, report = axe_violations(page)
    assert count == 0, report
    assert not page.csp_violations, page.csp_violations
    page.set_viewport_size({"width": 320, "height": 640})
    assert not page.evaluate(WIDER_THAN_THE_SCREEN)


def test_choosing_a_province_lists_its_districts_and_keeps_what_was_typed(page, site_url):
    from playwright.sync_api import expect

    page.goto(f"{site_url}/th/network/join/", wait_until="load")
    page.locator("#id_name").fill("กลุ่มทดลองเบราว์เซอร์")
    page.locator("#id_province").select_option("52")  # Lampang
    expect(page.locator("#id_district option", has_text="เมืองลำปาง")).to_have_count(1)
    expect(page.locator("#id_name")).to_have_value("กลุ่มทดลองเบราว์เซอร์")
    expect(page.locator("#id_province")).to_have_value("52")
    assert not page.csp_violations, page.csp_violations
