"""One headless Chromium (Debian's ``chromium``, driven by Playwright; no browser download) against the
session's live server (``site_server`` in the root conftest). The browser only reads, so the committed demo
content is all it needs.
"""

import os
import shutil

import pytest

from tests.tools import in_ci

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"]

# How long any action or awaited condition may take before the test fails. A ceiling, not a budget that is spent:
# every wait ends as soon as its event happens, so a loaded machine (another process on every core) only makes the
# waits longer, and nothing sleeps for a fixed time.
EVENT_TIMEOUT_MS = 120_000


def chromium_path():
    """Debian's chromium, or ``None`` when it is not installed."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def skip_loudly(reason):
    """Skip with a banner on a developer's machine; in CI (``CI`` set, as ``.ci/run`` does) a missing browser is a
    failure, so the accessibility suite can never pass by not running."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    message = f"\n{'!' * 78}\n!!! BROWSER TESTS SKIPPED: {reason}\n{'!' * 78}\n"
    print(message)  # noqa: T201 - shown with -s and in CI logs
    pytest.skip(message)


@pytest.fixture(scope="package")
def browser(site_server):
    """One Chromium for all browser tests. Package-scoped: Playwright's event loop marks the main thread as async
    while it runs, which Django refuses for database access, so it must be gone before the other tests run."""
    executable = chromium_path()
    if executable is None:
        skip_loudly("chromium not found (apt-get install chromium); accessibility is NOT checked")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        skip_loudly("the playwright package is missing (pip install -r requirements-dev.txt)")
    expect.set_options(timeout=EVENT_TIMEOUT_MS)
    # While Playwright runs, Django sees an event loop in this thread and refuses database calls; the only ones
    # made here are the test transaction's own (plain synchronous code), so allow them until the browser closes.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site_url(site_server, django_db_blocker):
    """The live server's address, with database access for its thread while the test runs."""
    with django_db_blocker.unblock():
        yield site_server.url


@pytest.fixture
def page(browser, site_url):
    """A fresh tab that records every request it makes and every Content-Security-Policy violation."""
    # Service workers are blocked here: one registered by a page would fetch /sw.js after its test has ended,
    # when the database is closed to the live server. The offline test (tests/browser/test_offline.py) allows them.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=True, service_workers="block"
    )
    tab = context.new_page()
    tab.requests = []
    tab.csp_violations = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on(
        "console",
        lambda message: tab.csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    tab.set_default_timeout(EVENT_TIMEOUT_MS)
    yield tab
    context.close()
