"""The readiness self-check as readers use it: a GET form, a result page, both languages, no JavaScript."""

import re

import pytest

from wagtail.models import Locale

from home.models import StandardPage
from toolkit.models import ReadinessQuestion, ReadinessTheme

pytestmark = pytest.mark.django_db

ALL_FIRST = {f"q{n}": "1" for n in range(1, 10)}  # the demo has 9 questions, each answer 1 scores 0
ALL_LAST = {f"q{n}": "3" for n in range(1, 10)}  # the last answer of every demo question scores 10


def get(client, url, params=None):
    response = client.get(url, params or {})
    return response, response.content.decode()


@pytest.mark.parametrize(
    ("lang", "heading", "question", "answer"),
    [
        ("th", "แบบประเมินความพร้อมด้วยตนเอง", "ชุมชนมีกลุ่มที่ทำงานร่วมกันอยู่แล้วหรือไม่", "ยังไม่มี"),
        ("en", "Readiness self-check", "Does the community already have groups that work together", "No, not yet"),
    ],
)
def test_form_lists_the_editors_questions_by_theme_in_each_language(
    client, lang, heading, question, answer, django_assert_max_num_queries
):
    # Warm the fragment caches once, as a running server is; the bound is for an ordinary uncached request.
    get(client, f"/{lang}/toolkit/self-check/")
    with django_assert_max_num_queries(12):
        response, body = get(client, f"/{lang}/toolkit/self-check/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{heading}</h1>" in body
    assert question in body and answer in body
    assert len(re.findall(r"<h2 id=\"theme-\d+\">", body)) == 5
    assert len(re.findall(r'<fieldset class="tool-question', body)) == 9
    assert '<form class="tool-form prose" method="get"' in body
    # A plain GET form: no CSRF token, and no script but the site's deferred enhancement file and JSON-LD.
    executable = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", body)
    assert all('src="/static/js/site.js"' in tag and "defer" in tag for tag in executable)
    assert "csrfmiddlewaretoken" not in body


def test_result_gives_a_score_per_theme_and_where_to_start(client, django_assert_max_num_queries):
    # Ready on every theme except money management (q8, q9) and learning partners (q7: middle answer).
    answers = {**ALL_LAST, "q7": "2", "q8": "1", "q9": "1"}
    # Warm the fragment caches once, as a running server is; the bound is for an ordinary uncached request.
    get(client, "/en/toolkit/self-check/", answers)
    with django_assert_max_num_queries(12):
        response, body = get(client, "/en/toolkit/self-check/", answers)
    assert response.status_code == 200
    assert "<h1>Your readiness result</h1>" in body
    assert "20 of 20 points (100%)" in body  # existing groups and capital
    assert "5 of 10 points (50%)" in body  # learning partners: getting there
    assert "0 of 20 points (0%)" in body  # money management: start here
    start = body.split('id="start-title"')[1].split('id="scores-title"')[0]
    # Weakest first: money management, then learning partners; their advice is shown.
    assert start.index("Money management") < start.index("Learning partners")
    assert "Existing groups and capital" not in start
    assert "Start recording every payment" in start
    # The shareable URL holds only the answers; nothing else about the reader.
    share = re.search(r'class="tool-share" href="([^"]+)"', body).group(1)
    assert share.startswith("http://testserver/en/toolkit/self-check/?")
    assert set(re.findall(r"[?&](\w+)=", share.replace("&amp;", "&"))) == {f"q{n}" for n in range(1, 10)}
    assert ReadinessQuestion.objects.count() == 18  # nothing stored by answering


def test_thai_result_and_thai_digits_in_the_url(client):
    answers = {f"q{n}": "๓" for n in range(1, 10)}
    response, body = get(client, "/th/toolkit/self-check/", answers)
    assert response.status_code == 200
    assert "<h1>ผลการประเมินความพร้อมของคุณ</h1>" in body
    assert "20 จาก 20 คะแนน (100%)" in body
    assert "ทุกด้านได้คะแนนดี" in body  # nothing to start with


def test_themes_link_to_the_steps_editors_chose(client, thai_home):
    step = thai_home.get_children().type(StandardPage).live().first().specific
    theme = ReadinessTheme.objects.get(locale__language_code="th", sort_order=0)  # weakest first, ties in order
    theme.start_steps = [("page", step)]
    theme.save()
    _, body = get(client, "/th/toolkit/self-check/", ALL_FIRST)
    start = body.split('id="start-title"')[1].split('id="scores-title"')[0]
    assert f'href="{step.url}"' in start and step.title in start


def test_draft_steps_are_not_linked(client, thai_home):
    step = thai_home.get_children().type(StandardPage).live().first().specific
    step.unpublish()
    theme = ReadinessTheme.objects.get(locale__language_code="th", sort_order=0)
    theme.start_steps = [("page", step)]
    theme.save()
    _, body = get(client, "/th/toolkit/self-check/", ALL_FIRST)
    assert step.url is None or f'href="{step.url}"' not in body


@pytest.mark.parametrize(
    ("lang", "params", "message"),
    [
        ("en", {"q1": "1"}, "Please choose an answer."),
        ("th", {"q1": "1"}, "กรุณาเลือกคำตอบ"),
        ("en", {**ALL_FIRST, "q2": "9"}, "Please choose one of the answers."),
        ("th", {**ALL_FIRST, "q2": "abc"}, "กรุณาเลือกหนึ่งในคำตอบที่มี"),
        ("en", {**ALL_FIRST, "q2": ""}, "Please choose an answer."),
    ],
)
def test_incomplete_or_bad_answers_keep_the_form_with_messages(client, lang, params, message):
    response, body = get(client, f"/{lang}/toolkit/self-check/", params)
    assert response.status_code == 400
    assert message in body
    assert '<div class="tool-errors' in body
    assert re.search(r'id="id_q2-error">[^<]*' + re.escape(message), body)
    # Answers already given stay selected.
    assert re.search(r'name="q1" value="1" id="id_q1_0" checked', body)


def test_unknown_parameters_and_post_are_harmless(client):
    response, _ = get(client, "/en/toolkit/self-check/", {"q99": "1", "name": "Somchai"})
    assert response.status_code == 200  # no answers of ours: the empty form
    assert client.post("/en/toolkit/self-check/", ALL_FIRST).status_code == 405


def test_change_answers_shows_the_form_filled_in(client):
    response, body = get(client, "/en/toolkit/self-check/", {**ALL_LAST, "edit": "1"})
    assert response.status_code == 200
    assert "<h1>Readiness self-check</h1>" in body
    assert len(re.findall(r'value="3" id="id_q\d_2" checked', body)) == 9


def test_a_language_without_questions_says_so(client):
    ReadinessQuestion.objects.filter(locale__language_code="en").delete()
    ReadinessTheme.objects.filter(locale__language_code="en").delete()
    response, body = get(client, "/en/toolkit/self-check/")
    assert response.status_code == 200
    assert "have not been written in this language yet" in body
    assert Locale.objects.filter(language_code="en").exists()


def test_demo_loading_is_idempotent():
    from toolkit import selfcheck_demo

    before = (ReadinessTheme.objects.count(), ReadinessQuestion.objects.count())
    selfcheck_demo.load()
    assert (ReadinessTheme.objects.count(), ReadinessQuestion.objects.count()) == before == (10, 18)


def test_demo_links_themes_to_toolkit_steps_in_both_languages(client, thai_home, monkeypatch):
    """When toolkit step pages exist, the demo links each theme to the steps its keywords match."""
    from toolkit import selfcheck_demo

    about = thai_home.get_children().live().get(slug="about")
    monkeypatch.setattr(selfcheck_demo, "_step_pages", lambda locale: [about])
    monkeypatch.setattr(selfcheck_demo, "THEMES", [{**selfcheck_demo.THEMES[0], "keywords": ("about",)}])
    ReadinessQuestion.objects.all().delete()
    ReadinessTheme.objects.all().delete()
    selfcheck_demo.load()
    _, thai = get(client, "/th/toolkit/self-check/", {"q1": "1", "q2": "1"})
    _, english = get(client, "/en/toolkit/self-check/", {"q1": "1", "q2": "1"})
    assert 'href="/th/about/"' in thai
    assert 'href="/en/about/"' in english
