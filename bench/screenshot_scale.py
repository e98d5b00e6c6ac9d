import sys
from playwright.sync_api import sync_playwright
base="http://127.0.0.1:8181"
with sync_playwright() as p:
    b=p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox","--disable-background-networking"])
    for lang in ("th","en"):
        for w in (390,1280):
            pg=b.new_page(viewport={"width":w,"height":900})
            pg.goto(f"{base}/{lang}/case-studies/", wait_until="networkidle")
            h=pg.evaluate("document.documentElement.scrollHeight")
            pg.screenshot(path=f"/tmp/shots/case-studies-top-{lang}-{w}.png")
            pg.locator(".cs-map").screenshot(path=f"/tmp/shots/case-studies-map-{lang}-{w}.png")
            print(lang,w,"page height",h)
            pg.close()
    b.close()
