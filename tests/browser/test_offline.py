"""The offline toolkit in real headless Chromium: open the toolkit once, lose the network, read it again.

Everything the reader saw offline comes from the service worker's cache: the network is switched off in the
browser (``context.set_offline``), so no request reaches the live server.
"""

import pytest

from home.offline import NEVER_CACHE_PREFIXES, kit_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The service worker has installed, activated and taken the page over (a condition, awaited with a ceiling: an
# awaited promise in ``page.evaluate`` would wait for ever if the worker never installed).
CONTROLLED = "() => navigator.serviceWorker.controller !== null"

CACHED_PATHS = """async () => {
    const paths = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
}"""

DOWNLOAD_LINKS = """() => [...document.querySelectorAll("a[href*='/toolkit/download/']")]
    .map(link => new URL(link.href).pathname)"""

FETCH_STATUS = "async (url) => { const r = await fetch(url); return [r.status, r.headers.get('Content-Type')]; }"


# A ceiling for the events below, not a polling budget: a loaded machine only makes the wait longer.
EVENT_TIMEOUT_MS = 180_000


@pytest.fixture
def reader(browser, site_url):
    """A tab whose context lets the site's service worker run, as a reader's browser does."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    tab = context.new_page()
    tab.set_default_timeout(EVENT_TIMEOUT_MS)
    yield context, tab
    context.close()


@pytest.mark.parametrize("language", ["th", "en"])
def test_toolkit_opens_with_the_network_off_after_one_visit(reader, site_url, language):
    from playwright.sync_api import expect

    context, page = reader
    toolkit = f"/{language}/toolkit/"
    page.goto(site_url + toolkit)
    page.wait_for_function(CONTROLLED)  # fails after EVENT_TIMEOUT_MS if the service worker never takes over
    # The worker tells the page once the toolkit is stored; the page then says so to the reader.
    page.wait_for_selector(f"html[data-offline-toolkit='{language}']", state="attached")
    expect(page.locator("[data-offline-status]")).to_be_visible()
    cached = set(page.evaluate(CACHED_PATHS))
    expected = set(kit_urls()[language])
    assert expected <= cached, f"not kept for offline use: {sorted(expected - cached)}"
    assert not any(path.startswith(NEVER_CACHE_PREFIXES) for path in cached)
    downloads = set(page.evaluate(DOWNLOAD_LINKS))
    assert downloads, "the toolkit page links no forms or templates"
    assert downloads <= cached, f"forms and templates not kept: {sorted(downloads - cached)}"

    context.set_offline(True)
    try:
        for path in sorted(path for path in expected if path.endswith("/")):
            response = page.goto(site_url + path)
            assert response.ok, path
            assert page.get_attribute("html", "lang") == language
            assert page.locator("h1").count() == 1, path
        for path in [f"{toolkit}toolkit.pdf", *sorted(downloads)]:
            status, content_type = page.evaluate(FETCH_STATUS, site_url + path)
            assert status == 200, path
            assert "html" not in content_type, path  # the file itself, not the offline page
        # A page the reader never opened: the bilingual offline page, not the browser's error.
        page.goto(site_url + f"/{language}/about/")
        text = page.locator("main").inner_text()
        assert "ไม่มีการเชื่อมต่ออินเทอร์เน็ต" in text and "You are offline" in text
    finally:
        context.set_offline(False)
