"""Issue 18: with every cache off, the toolkit's pages cost a few queries of their own, the same however many steps,
resources and tips there are; a tip links only to a page the public may see."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from toolkit.factories import step_copy, step_resource
from toolkit.models import StepTip, ToolkitStepPage

pytestmark = pytest.mark.django_db


def cold_queries(client, path):
    client.get(path)  # the first request of a process may fill per-process tables; count the next one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def steps(toolkit):
    return list(ToolkitStepPage.objects.child_of(toolkit).order_by("path"))


def add_tips(step, count):
    pages = list(Page.objects.live().filter(locale=step.locale, depth=3).order_by("path")[:count])
    for number, page in enumerate(pages):
        StepTip.objects.create(page=step, text=f"Tip {number} (test)", linked_page=page, locale=step.locale)
    return pages


def test_overview_queries_do_not_grow_with_steps_and_resources(client, caches_off, thai_toolkit):
    few = cold_queries(client, "/th/toolkit/")
    first = steps(thai_toolkit)[0]
    for index in range(4):
        copy = step_copy(first, index)
        step_resource(copy, f"extra-{index}.csv", f"Extra form {index}")
    assert cold_queries(client, "/th/toolkit/") == few
    body = client.get("/th/toolkit/").content.decode()
    assert "extra-step-3/" in body and "Extra form 3" in body
    # Its own work: the steps, their resources, and the stored bundles' sizes.
    assert few - cold_queries(client, "/th/about/") <= 3


@pytest.mark.parametrize("language", ["th", "en"])
def test_step_queries_do_not_grow_with_tips_and_resources(client, caches_off, thai_toolkit, english_toolkit, language):
    toolkit = thai_toolkit if language == "th" else english_toolkit
    step = steps(toolkit)[3]  # with a previous and a next step
    path = step.url
    few = cold_queries(client, path)
    add_tips(step, 4)
    for index in range(4):
        step_resource(step, f"more-{index}.csv", f"More form {index}")
    assert cold_queries(client, path) == few
    body = client.get(path).content.decode()
    assert 'class="step-nav__prev"' in body and 'class="step-nav__next"' in body
    assert "More form 3" in body and "Tip 3 (test)" in body
    # Its own work: the steps beside it, its tips and its resources; and the routing one level deeper (two).
    assert few - cold_queries(client, f"/{language}/about/") <= 3 + 2


def test_a_tip_links_only_to_a_public_page(client, thai_toolkit):
    step = steps(thai_toolkit)[2]
    shown, restricted, draft = add_tips(step, 3)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft.live = False
    draft.save(update_fields=["live"])
    body = client.get(step.url).content.decode()
    assert f'Tip 0 (test) <a href="{shown.url}">' in body
    assert "Tip 1 (test)</li>" in body  # the restricted page: no link
    assert "Tip 2 (test)</li>" in body  # the draft: no link
