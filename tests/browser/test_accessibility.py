"""Every page type, in both languages, in real headless Chromium: axe-core finds no violation, nothing is
requested from another site, the CSP blocks nothing, and the keyboard reaches everything with visible focus."""

from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

from django.template.loader import render_to_string
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["th", "en"]


class Check(NamedTuple):
    name: str
    path: str  # ``{lang}`` is replaced by each language code
    status: int = 200


# Every page type the site has. Adding a page type is one line here.
PAGES = [
    Check("home", "/{lang}/"),
    Check("standard page", "/{lang}/about/"),
    Check("privacy page", "/{lang}/privacy/"),
    Check("404", "/{lang}/no-such-page/", 404),
]

# Error pages rendered from their templates (they are hard to provoke in a running server).
ERROR_TEMPLATES = ["400.html", "403.html", "403_csrf.html", "500.html", "lockout.html"]


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.violations_count, results.generate_report()


def third_party_requests(page, site_url):
    own = urlsplit(site_url).netloc
    return [url for url in page.requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("check", PAGES, ids=[check.name for check in PAGES])
def test_page_type_is_accessible_and_private(page, site_url, check, language):
    response = page.goto(site_url + check.path.format(lang=language), wait_until="load")
    assert response.status == check.status
    assert page.get_attribute("html", "lang") == language
    count, report = axe_violations(page)
    assert count == 0, report
    assert not third_party_requests(page, site_url)
    assert not page.csp_violations, page.csp_violations
    assert "script-src 'self';" in response.headers["content-security-policy"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", ERROR_TEMPLATES)
def test_error_page_is_accessible(page, site_url, template, language):
    with translation.override(language):
        html = render_to_string(template, {"failure_limit": 5})
    page.route("**/__error-page", lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto(f"{site_url}/__error-page", wait_until="load")
    count, report = axe_violations(page)
    assert count == 0, report
    assert not third_party_requests(page, site_url)


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"

# Each focusable, visible element gets a number; Tab then reports which one has focus and how it looks.
MARK_FOCUSABLE = f"""() => {{
    const all = [...document.querySelectorAll("{FOCUSABLE}")].filter(el => {{
        const box = el.getBoundingClientRect();
        return !el.disabled && getComputedStyle(el).visibility !== "hidden" && (box.width > 0 || el.matches(".skip-link"));
    }});
    all.forEach((el, i) => el.dataset.kb = String(i));
    return all.length;
}}"""

FOCUS_STATE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        kb: el.dataset.kb ?? null,
        tag: el.tagName,
        text: el.textContent.trim().slice(0, 40),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
}"""


@pytest.mark.parametrize("path", ["/th/about/", "/en/"])
def test_keyboard_reaches_everything_with_visible_focus(page, site_url, path):
    page.goto(site_url + path)
    total = page.evaluate(MARK_FOCUSABLE)
    assert total >= 5
    reached, problems = set(), []
    for _ in range(total + 3):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["kb"] is None:
            continue
        reached.add(state["kb"])
        if not state["outline"]:
            problems.append(f"no visible focus outline on {state['tag']} {state['text']!r}")
        if not state["inView"]:
            problems.append(f"focused {state['tag']} {state['text']!r} is off screen")
    assert reached == {str(i) for i in range(total)}, f"reached {len(reached)} of {total} by Tab"
    assert not problems, problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_is_first_and_moves_focus_to_the_content(page, site_url, language):
    page.goto(f"{site_url}/{language}/about/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0  # shown on screen while focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next Tab continues inside the content, not back in the header
    assert page.evaluate("!!document.activeElement.closest('main, footer')")


@pytest.mark.parametrize(("start", "target", "name"), [("th", "en", "English"), ("en", "th", "ไทย")])
def test_language_switcher_works_by_keyboard(page, site_url, start, target, name):
    page.goto(f"{site_url}/{start}/about/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.lang-switch') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == name
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}/{target}/about/"
    assert page.get_attribute("html", "lang") == target
