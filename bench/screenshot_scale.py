# ruff: noqa: T201 - a developer's command-line tool: it prints the pages' heights
"""Screenshots of the case-study index at programme scale for docs/scale/ (phone and desktop, Thai and English):
the first screenful and the map section. Serve the programme-scale site first, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/odf_bench_scale_programme \
        .venv/bin/python manage.py runserver 127.0.0.1:8181
    .venv/bin/python bench/screenshot_scale.py [base URL] [output folder]

Needs Debian's chromium (/usr/bin/chromium) and the playwright package (requirements-dev.txt).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8181"
out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/scale")
with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-background-networking"]
    )
    for lang in ("th", "en"):
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}/{lang}/case-studies/", wait_until="networkidle")
            height = page.evaluate("document.documentElement.scrollHeight")
            page.screenshot(path=str(out / f"case-studies-top-{lang}-{width}.png"))
            page.locator(".cs-map").screenshot(path=str(out / f"case-studies-map-{lang}-{width}.png"))
            print(lang, width, "page height", height)
            page.close()
    browser.close()
