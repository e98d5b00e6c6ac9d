import html
import re

import pytest

from toolkit.demo import STEPS
from toolkit.models import ToolkitStepPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "lang_attr"), [("th", "th"), ("en", "en")])
def test_overview_lists_all_eight_steps_in_order(client, django_assert_max_num_queries, language, lang_attr):
    with django_assert_max_num_queries(25):
        response = client.get(f"/{language}/toolkit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{lang_attr}">' in body
    titles = [getattr(step["title"], language) for step in STEPS]
    positions = [body.find(f">{html.escape(title)}</a>") for title in titles]
    assert all(p > 0 for p in positions), titles
    assert positions == sorted(positions)
    assert f'href="/{language}/toolkit/toolkit.pdf"' in body
    assert f'href="/{language}/toolkit/toolkit.zip"' in body


def test_overview_shows_each_resource_with_type_size_and_language(client):
    body = client.get("/en/toolkit/").content.decode()
    item = re.search(r'<li class="resource">.*?Member ledger and loan register.*?</li>', body, re.S).group(0)
    assert "XLSX" in item
    assert re.search(r"\d+(\.\d)?\xa0KB", item)
    assert "Language: English" in item
    assert "Ledger" in item
    thai = client.get("/th/toolkit/").content.decode()
    assert "ภาษา: ไทย" in thai


@pytest.mark.parametrize(
    ("path", "progress", "previous", "next_"),
    [
        ("/en/toolkit/understand-the-model/", "Step 1 of 8", None, "assess-the-community"),
        ("/en/toolkit/form-the-committee/", "Step 3 of 8", "assess-the-community", "set-fund-rules"),
        ("/en/toolkit/share-and-scale/", "Step 8 of 8", "monitor-results", None),
        ("/th/toolkit/form-the-committee/", "ขั้นที่ 3 จาก 8", "assess-the-community", "set-fund-rules"),
    ],
)
def test_step_progress_and_previous_next(client, django_assert_max_num_queries, path, progress, previous, next_):
    with django_assert_max_num_queries(30):
        response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert progress in body
    prev_link = re.search(r'<a class="step-nav__prev" href="([^"]+)"', body)
    next_link = re.search(r'<a class="step-nav__next" href="([^"]+)"', body)
    assert (prev_link.group(1).rstrip("/").rsplit("/", 1)[1] if prev_link else None) == previous
    assert (next_link.group(1).rstrip("/").rsplit("/", 1)[1] if next_link else None) == next_


def test_step_shows_checklist_tips_and_resources(client):
    body = client.get("/en/toolkit/set-fund-rules/").content.decode()
    assert body.count('<span class="checklist__box" aria-hidden="true"></span>') == 3
    assert "Fund constitution template" in body and "DOCX" in body
    assert "Read more:" in body


def test_steps_follow_tree_order_after_reordering(client, thai_toolkit):
    last = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="share-and-scale")
    first = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="understand-the-model")
    last.move(first, pos="left")
    body = client.get("/th/toolkit/share-and-scale/").content.decode()
    assert "ขั้นที่ 1 จาก 8" in body
    assert 'class="step-nav__prev"' not in body


def test_draft_step_is_private_and_not_listed(client, thai_toolkit):
    step = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="share-and-scale")
    step.unpublish()
    assert client.get("/th/toolkit/share-and-scale/").status_code == 404
    body = client.get("/th/toolkit/").content.decode()
    assert 'href="/th/toolkit/share-and-scale/"' not in body
    assert 'href="/th/toolkit/monitor-results/"' in body
    assert "ขั้นที่ 7 จาก 7" in client.get("/th/toolkit/monitor-results/").content.decode()


def test_only_step_pages_under_the_toolkit_and_toolkit_under_home():
    from home.models import HomePage
    from toolkit.models import ToolkitPage

    assert ToolkitPage.allowed_subpage_models() == [ToolkitStepPage]
    assert ToolkitStepPage.allowed_subpage_models() == []
    assert ToolkitPage in HomePage.allowed_subpage_models()
    assert ToolkitPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize("language", ["th", "en"])
def test_home_page_has_a_way_into_the_toolkit(client, language):
    body = client.get(f"/{language}/").content.decode()
    assert 'class="toolkit-entry"' in body
    assert f'href="/{language}/toolkit/"' in body


def test_toolkit_tips_link_to_live_pages(client):
    linked = [tip.linked_page for step in ToolkitStepPage.objects.live() for tip in step.tips.all() if tip.linked_page]
    assert linked, "the demo's tips link no page"
    assert all(page.live for page in linked), [page.url_path for page in linked if not page.live]
