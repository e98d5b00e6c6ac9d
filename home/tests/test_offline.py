import json
import re

import pytest

from django.apps import apps

from home import offline
from home.models import StandardPage

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
def toolkit(thai_home, english_home):
    """A toolkit found by URL (the fallback used while no toolkit.ToolkitPage model exists on this branch)."""
    from home.demo_translation import translate

    root = thai_home.add_child(instance=StandardPage(title="ชุดเครื่องมือ", slug="toolkit", intro="ชุดเครื่องมือ"))
    root.save_revision().publish()
    step = root.add_child(instance=StandardPage(title="ขั้นที่ 1", slug="step-1", intro="ขั้นแรก"))
    step.save_revision().publish()
    draft = root.add_child(instance=StandardPage(title="ร่าง", slug="draft-step", live=False))
    draft.save_revision()
    for source, twin in [
        (root, StandardPage(title="Toolkit", slug="toolkit", intro="Toolkit")),
        (step, StandardPage(title="Step 1", slug="step-1", intro="First step")),
    ]:
        translate(source, twin).save_revision().publish()
    return root


def test_service_worker_lists_toolkit_urls_per_language(client, toolkit):
    if apps.is_installed("toolkit") and _has_toolkit_model():
        pytest.skip("toolkit.ToolkitPage exists: the list comes from the model (see test_toolkit_model_is_used)")
    config, _text = sw_config(client)
    assert config["toolkit"]["th"] == ["/th/toolkit/", "/th/toolkit/toolkit.pdf", "/th/toolkit/step-1/"]
    assert config["toolkit"]["en"] == ["/en/toolkit/", "/en/toolkit/toolkit.pdf", "/en/toolkit/step-1/"]
    assert config["toolkitPrefixes"] == {"th": ["/th/toolkit/"], "en": ["/en/toolkit/"]}
    every_url = [url for urls in config["toolkit"].values() for url in urls] + config["core"]
    assert not any(url.startswith("/admin/") or "draft-step" in url for url in every_url)
    assert "/admin/" in config["neverCache"]
    assert config["offlineUrl"] == "/offline/"


def _has_toolkit_model():
    try:
        apps.get_model(offline.TOOLKIT_MODEL)
    except LookupError:
        return False
    return True


def test_no_toolkit_means_an_empty_list(client):
    config, _text = sw_config(client)
    if not _has_toolkit_model():
        assert config["toolkit"] == {}
    assert config["core"] and all(url.startswith("/static/") for url in config["core"])


def test_version_changes_when_the_toolkit_is_republished(client, toolkit):
    before, _ = sw_config(client)
    assert sw_config(client)[0]["version"] == before["version"]  # stable while nothing changes
    step = toolkit.get_children().get(slug="step-1").specific
    step.intro = "ขั้นแรก (แก้ไข)"
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


def test_service_worker_skips_admin_previews_and_private_responses(client):
    _config, text = sw_config(client)
    assert 'url.pathname.includes("/preview")' in text
    assert '!control.includes("no-store") && !control.includes("private")' in text


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
