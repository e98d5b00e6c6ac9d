"""Issue 10: the home page's first view stays within its byte budget (HTML, CSS, JS, fonts, images)."""

import gzip
import re

import pytest

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db

HOME_BUDGET = 250 * 1024
CSS_JS_BUDGET = 40 * 1024
ASSET = re.compile(r'<(?:link|script)[^>]*?(?:href|src)="(/static/[^"]+)"')
IMAGE = re.compile(r"<img\b[^>]*>")


def static_bytes(url):
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is linked but missing"
    with open(path, "rb") as f:
        return f.read()


def largest_candidate(tag):
    """The largest file an <img> may fetch: its src or any srcset candidate (a wide screen's worst case)."""
    urls = re.findall(r'src="([^"]+)"', tag)
    srcset = re.search(r'srcset="([^"]+)"', tag)
    if srcset:
        urls += [candidate.strip().split(" ")[0] for candidate in srcset.group(1).split(",")]
    return max(default_storage.size(url.removeprefix("/media/")) for url in urls)


@pytest.mark.parametrize("language", ["th", "en"])
def test_home_first_view_within_budget(client, language):
    html = client.get(f"/{language}/").content
    text = html.decode()
    assets = sorted(set(ASSET.findall(text)))
    css_js = [url for url in assets if url.endswith((".css", ".js"))]
    fonts = [url for url in assets if url.endswith(".woff2")]
    assert css_js and fonts, "the page links its stylesheet, script and (subset) fonts"
    css_js_compressed = sum(len(gzip.compress(static_bytes(url))) for url in css_js)
    other_static = sum(len(static_bytes(url)) for url in assets if url not in css_js)
    images = [tag for tag in IMAGE.findall(text) if "/media/" in tag]
    image_bytes = sum(largest_candidate(tag) for tag in images)
    total = len(gzip.compress(html)) + css_js_compressed + other_static + image_bytes
    assert css_js_compressed <= CSS_JS_BUDGET, css_js_compressed
    assert total <= HOME_BUDGET, total


def test_images_are_responsive_webp_with_dimensions(client):
    text = client.get("/th/").content.decode()
    images = [tag for tag in IMAGE.findall(text) if "/media/" in tag]
    assert images
    for tag in images:
        assert 'srcset="' in tag and 'width="' in tag and 'height="' in tag
        assert ".webp" in tag
        assert 'loading="lazy"' in tag  # the home page's images are all below the fold


def test_fonts_are_subset_woff2():
    for name in ("sarabun-thai-400-normal", "sarabun-thai-700-normal"):
        assert len(static_bytes(f"/static/fonts/{name}.woff2")) < 20 * 1024
