"""Every page type, in both languages, in real headless Chromium: axe-core finds no violation, nothing is
requested from another site, the CSP blocks nothing, and the keyboard reaches everything with visible focus."""

from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

from django.template.loader import render_to_string
from django.utils import translation

from tests.csp import csp_directives

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["th", "en"]


class Check(NamedTuple):
    name: str
    path: str  # ``{lang}`` becomes each language code; ``{answers}`` / ``{one_answer}`` self-check answers
    status: int = 200

    def url(self, site_url, language):
        answers = self_check_answers() if "answer" in self.path else {}  # the self-check's questions, from the database
        return site_url + self.path.format(lang=language, **answers)


def self_check_answers():
    """Query strings answering every question of the demo self-check, and only its first question."""
    from wagtail.models import Locale

    from selfcheck.views import load_themes

    questions = [question for theme in load_themes(Locale.get_default()) for question in theme.ordered_questions]
    every = "&".join(f"{question.field_name}={number % 3 + 1}" for number, question in enumerate(questions))
    return {"answers": every, "one_answer": f"{questions[0].field_name}=1"}


THAI_QUERY = "%E0%B8%81%E0%B8%AD%E0%B8%87%E0%B8%97%E0%B8%B8%E0%B8%99"  # กองทุน, "fund"

# Every page type the site has, and the states readers meet on them (filtered, with results, with errors).
# Adding a page type is one line here.
PAGES = [
    Check("home", "/{lang}/"),
    Check("standard page", "/{lang}/about/"),
    Check("partners page", "/{lang}/partners/"),
    Check("privacy page", "/{lang}/privacy/"),
    Check("case study index", "/{lang}/case-studies/"),
    Check("case study index, filtered", "/{lang}/case-studies/?region=north"),
    Check("case study", "/{lang}/case-studies/ban-pho-thong/"),
    Check("toolkit", "/{lang}/toolkit/"),
    Check("toolkit step", "/{lang}/toolkit/set-fund-rules/"),
    Check("self-check", "/{lang}/toolkit/self-check/"),
    Check("self-check result", "/{lang}/toolkit/self-check/?{answers}"),
    Check("self-check, unanswered", "/{lang}/toolkit/self-check/?{one_answer}", 400),
    Check("planner, worked example", "/{lang}/toolkit/planner/"),
    Check("planner, bad input", "/{lang}/toolkit/planner/?capital=-5&members=abc", 400),
    Check("impact dashboard", "/{lang}/impact/"),
    Check("impact dashboard, one unit", "/{lang}/impact/?unit=ban-pho-thong"),
    Check("search, Thai query", "/{lang}/search/?q=" + THAI_QUERY),
    Check("search, no results", "/{lang}/search/?q=zzzz-nothing"),
    Check("news index", "/{lang}/news/"),
    Check("news index, by year", "/{lang}/news/?year=2023"),
    Check("news article", "/{lang}/news/eef-scg-occupation-fund-2023/"),
    Check("404", "/{lang}/no-such-page/", 404),
]

# Pages whose layout changes most on a phone, checked by axe again at phone width (contrast, target size).
PHONE_PAGES = ["home", "case study", "toolkit step", "planner, worked example", "impact dashboard", "news article"]
PHONE = {"width": 375, "height": 740}

# WCAG 2.2 AA's target size rule is off in axe by default; everything else axe checks by default stays on.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}

# Error pages rendered from their templates (they are hard to provoke in a running server).
ERROR_TEMPLATES = ["400.html", "403.html", "403_csrf.html", "500.html", "lockout.html"]


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    return results.violations_count, results.generate_report()


def third_party_requests(page, site_url):
    own = urlsplit(site_url).netloc
    return [url for url in page.requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]


def phone_checks():
    by_name = {check.name: check for check in PAGES}
    return [by_name[name] for name in PHONE_PAGES]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("check", "viewport"),
    [pytest.param(check, None, id=check.name) for check in PAGES]
    + [pytest.param(check, PHONE, id=f"{check.name} (phone)") for check in phone_checks()],
)
def test_page_type_is_accessible_and_private(page, site_url, check, viewport, language):
    if viewport:
        page.set_viewport_size(viewport)
    response = page.goto(check.url(site_url, language), wait_until="load")
    assert response.status == check.status
    assert page.get_attribute("html", "lang") == language
    count, report = axe_violations(page)
    assert count == 0, report
    assert not third_party_requests(page, site_url)
    assert not page.csp_violations, page.csp_violations
    assert csp_directives(response.headers["content-security-policy"])["script-src"] == ["'self'"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("check", PAGES, ids=[check.name for check in PAGES])
def test_page_reflows_on_a_phone(page, site_url, check, language):
    """WCAG 1.4.10: at 320 CSS pixels nothing makes the whole page scroll sideways (wide tables scroll alone)."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(check.url(site_url, language), wait_until="load")
    overflow = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert not overflow, overflow


# Elements reaching past the right edge whose own children all fit: the ones that push the page wider.
WIDER_THAN_THE_SCREEN = """() => {
    const width = document.documentElement.clientWidth;
    const wide = el => el.getBoundingClientRect().right > width + 1;
    const insideScroller = el => {
        for (let box = el.parentElement; box; box = box.parentElement) {
            if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return true;
        }
        return false;
    };
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
        .filter(el => wide(el) && ![...el.children].some(wide) && !insideScroller(el))
        .map(el => `${el.tagName.toLowerCase()}.${el.getAttribute("class")} ${el.textContent.trim().slice(0, 40)}`);
}"""


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
    }}).filter(el => {{
        // Tab enters a radio group once (at the checked radio, else the first); arrow keys move inside it.
        if (el.type !== "radio") return true;
        const group = [...el.form.elements].filter(other => other.type === "radio" && other.name === el.name);
        return el === (group.find(radio => radio.checked) || group[0]);
    }});
    all.forEach((el, i) => el.dataset.kb = String(i));
    document.querySelectorAll("svg a circle, svg a rect, svg a path").forEach(
        shape => shape.dataset.unfocusedStroke = getComputedStyle(shape).stroke);
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
        // An outline, or for a link drawn in SVG (the map's marks) a thick ring around its shape.
        outline: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || (el instanceof SVGElement && [...el.querySelectorAll("circle, rect, path")].some(shape => {
                const stroke = getComputedStyle(shape);
                return parseFloat(stroke.strokeWidth) >= 3 && stroke.stroke !== shape.dataset.unfocusedStroke;
            })),
        inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
}"""


@pytest.mark.parametrize(
    "path",
    ["/th/about/", "/en/", "/en/case-studies/", "/th/toolkit/set-fund-rules/", "/th/toolkit/planner/", "/en/impact/"],
)
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


def tab_until(page, selector, presses):
    """Press Tab until the focused element matches ``selector``; False if it never does in ``presses`` presses."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return True
    return False


@pytest.mark.parametrize(("start", "target", "name"), [("th", "en", "English"), ("en", "th", "ไทย")])
def test_language_switcher_works_by_keyboard(page, site_url, start, target, name):
    page.goto(f"{site_url}/{start}/about/")
    assert tab_until(page, ".lang-switch a", 10)
    assert page.evaluate("document.activeElement.textContent.trim()") == name
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}/{target}/about/"
    assert page.get_attribute("html", "lang") == target


FILTERS = [
    pytest.param("/th/case-studies/", "#cs-filter-region", "region", id="case studies"),
    pytest.param("/en/news/", "#news-filter-unit", "unit", id="news"),
    pytest.param("/en/impact/members_total/", "[name=unit]", "unit", id="impact indicator (checkboxes)"),
]


@pytest.mark.parametrize(("path", "select", "parameter"), FILTERS)
def test_filters_work_by_keyboard(page, site_url, path, select, parameter):
    """Tab to a filter, pick a value with the arrow keys (or tick a box with Space), Tab to the button and press
    Enter: the list is filtered."""
    page.goto(site_url + path)
    assert tab_until(page, select, 60), f"Tab never reached the filter {select}"
    checkbox = page.evaluate("document.activeElement.type === 'checkbox'")
    page.keyboard.press("Space" if checkbox else "ArrowDown")  # tick the first box / the first choice after "All"
    chosen = page.evaluate("document.activeElement.value")
    assert chosen
    button = page.evaluate("document.activeElement.form.querySelector('button[type=submit]').textContent.trim()")
    assert tab_until(page, "button[type=submit]", 30)
    assert page.evaluate("document.activeElement.textContent.trim()") == button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"{parameter}={chosen}" in page.url
    if checkbox:  # the box stays ticked on the page
        assert page.evaluate(f"document.querySelector('{select}[value=\"{chosen}\"]').checked")
    else:  # the choice is kept on the page
        assert page.evaluate(f"document.querySelector({select!r}).value") == chosen
