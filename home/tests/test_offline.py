import json
import re

import pytest

from home import offline

pytestmark = pytest.mark.django_db


def sw_config(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    text = response.content.decode()
    return json.loads(re.search(r"^const CONFIG = (.*);$", text, re.M).group(1)), text


@pytest.fixture
def toolkit(db):
    """The demo toolkit (toolkit.ToolkitPage and its eight steps) in Thai."""
    from toolkit.models import ToolkitPage

    return ToolkitPage.objects.get(locale__language_code="th")


def test_service_worker_lists_toolkit_urls_per_language(client, toolkit):
    config, _text = sw_config(client)
    steps = [f"/th/toolkit/{step.slug}/" for step in toolkit.get_children().live().order_by("path")]
    assert len(steps) == 8
    # The overview and its PDF first, then every step in reading order; the ZIP (the same files again) is not
    # fetched behind a reader's back on paid mobile data.
    assert config["kit"]["th"][:2] == ["/th/toolkit/", "/th/toolkit/toolkit.pdf"]
    assert [url for url in config["kit"]["th"] if url in steps] == steps
    assert "/th/toolkit/toolkit.zip" not in config["kit"]["th"]
    assert "/en/toolkit/" in config["kit"]["en"] and "/en/toolkit/toolkit.pdf" in config["kit"]["en"]
    assert config["kitPrefixes"] == {"th": ["/th/toolkit/"], "en": ["/en/toolkit/"]}
    every_url = [url for urls in config["kit"].values() for url in urls] + config["core"]
    assert not any(url.startswith("/admin/") for url in every_url)
    assert "/admin/" in config["neverCache"]
    assert config["offlineUrl"] == "/offline/"
    # Everything the worker stores up front really answers (a broken URL would fail the whole install).
    from django.contrib.staticfiles import finders

    for url in every_url:
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url  # served by WhiteNoise, not the test client
        else:
            assert client.get(url).status_code == 200, url


def test_drafts_are_not_precached(client, toolkit):
    from toolkit.models import ToolkitStepPage

    step = ToolkitStepPage.objects.child_of(toolkit).first()
    step.unpublish()
    config, _ = sw_config(client)
    assert f"/th/toolkit/{step.slug}/" not in config["kit"]["th"]


def test_core_static_files_are_precached(client):
    config, _text = sw_config(client)
    assert config["core"] and all(url.startswith("/static/") for url in config["core"])


def test_version_changes_when_the_toolkit_is_republished(client, toolkit):
    before, _ = sw_config(client)
    assert sw_config(client)[0]["version"] == before["version"]  # stable while nothing changes
    step = toolkit.get_children().first().specific
    step.purpose = step.purpose + " (แก้ไข)"
    step.save_revision().publish()
    after, _ = sw_config(client)
    assert after["version"] != before["version"]


def test_version_is_a_pure_function_of_pages_and_static_files():
    class Page:
        pk, url_path = 1, "/home/toolkit/"

        def __init__(self, stamp):
            self.last_published_at = stamp

    import datetime

    first = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    later = first + datetime.timedelta(minutes=1)
    assert offline.cache_version([("th", Page(first))], ["/a.css"]) == offline.cache_version(
        [("th", Page(first))], ["/a.css"]
    )
    assert offline.cache_version([("th", Page(first))], ["/a.css"]) != offline.cache_version(
        [("th", Page(later))], ["/a.css"]
    )
    assert offline.cache_version([], ["/a.css"]) != offline.cache_version([], ["/b.css"])


def test_service_worker_skips_admin_previews_and_no_store_responses(client):
    """Whatever a signed-in user gets is no-store (next test); counted downloads are private to the browser only, so
    the offline kit may keep the toolkit PDF."""
    _config, text = sw_config(client)
    assert 'url.pathname.includes("/preview")' in text
    assert 'return !control.includes("no-store");' in text


def test_offline_page_is_bilingual(client, toolkit):
    response = client.get("/offline/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "ขณะนี้ไม่มีการเชื่อมต่ออินเทอร์เน็ต" in body and "You are offline" in body
    assert '<section lang="en"' in body
    assert 'href="/th/toolkit/"' in body and 'href="/en/toolkit/"' in body


@pytest.mark.parametrize(
    ("language", "name"), [("th", "ตัวแบบกองทุนเพื่อพัฒนาอาชีพ"), ("en", "Occupational Development Fund model")]
)
def test_manifest_in_each_language(client, language, name):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["start_url"] == f"/{language}/" and manifest["scope"] == "/"
    assert manifest["lang"] == language and name in manifest["name"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    body = client.get(f"/{language}/").content.decode()
    assert f'<link rel="manifest" href="/{language}/manifest.webmanifest">' in body


def test_signed_in_responses_are_never_stored(client, admin_client):
    assert "no-store" not in client.get("/th/").get("Cache-Control", "")
    control = admin_client.get("/th/")["Cache-Control"]
    assert "no-store" in control and "private" in control


def test_site_works_without_the_service_worker(client):
    body = client.get("/th/").content.decode()
    # The only scripts are the deferred external enhancement file and JSON-LD data.
    assert re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", body) == ["/static/js/site.js"]
    assert "serviceWorker" not in body
