"""Shows the offline toolkit in real headless Chromium: open the toolkit once, go offline, read it again.

    .venv/bin/python bench/offline_toolkit.py http://127.0.0.1:8000 [/th/toolkit/]

Needs the Debian ``chromium`` package and ``playwright`` (requirements-dev.txt); no browser download.
Prints what loaded offline and exits non-zero if a toolkit page did not.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright


def main(base, toolkit="/th/toolkit/"):
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + toolkit)
        page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=20000)
        # The worker stores the toolkit in the background after the first visit; wait until its flag is there.
        has_flag = """async () => { for (const name of await caches.keys()) {
                 const c = await caches.open(name); if (await c.match('/__odf/toolkit-languages')) return true; }
               return false; }"""
        for _attempt in range(60):
            if page.evaluate(has_flag):
                break
            page.wait_for_timeout(500)
        else:
            print("the service worker did not store the toolkit")
            return 1
        cached = page.evaluate(
            """async () => { const out = []; for (const name of await caches.keys()) {
                 const c = await caches.open(name);
                 for (const r of await c.keys()) out.push(new URL(r.url).pathname); } return out; }"""
        )
        print(f"cached {len(cached)} URLs:", ", ".join(sorted(cached)))
        context.set_offline(True)
        toolkit_pages = [u for u in cached if u.startswith(toolkit)]
        for path in sorted(set(toolkit_pages)):
            response = page.goto(base + path)
            ok = response is not None and response.ok
            title = page.title()
            print(f"offline {path}: {'OK' if ok else 'FAILED'} — {title}")
            failures += not ok
        for path in sorted(u for u in set(cached) if u.startswith("/documents/") or u.endswith(".pdf")):
            status = page.evaluate("async (u) => (await fetch(u)).status", path)
            print(f"offline {path}: HTTP {status}")
            failures += status != 200
        response = page.goto(base + "/th/about/")
        print(
            "offline /th/about/ (never opened):",
            page.locator("h1").first.inner_text(),
            "/",
            page.locator("h2").first.inner_text(),
        )
        page.screenshot(path=Path(tempfile.gettempdir()) / "offline-other.png")
        page.goto(base + toolkit)
        page.screenshot(path=Path(tempfile.gettempdir()) / "offline-toolkit.png", full_page=True)
        context.set_offline(False)
        browser.close()
    return failures


if __name__ == "__main__":
    sys.exit(1 if main(*sys.argv[1:]) else 0)
