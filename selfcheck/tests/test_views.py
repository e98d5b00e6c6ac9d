"""The readiness self-check as readers use it: a GET form, a result page, both languages, no JavaScript."""

import re

import pytest

from wagtail.models import Locale

from home.models import StandardPage
from selfcheck.models import ReadinessQuestion, ReadinessTheme

pytestmark = pytest.mark.django_db

QUESTION_NAME = r"q-[0-9a-f]{8}"


def q(number):
    """The query-string name of the demo's question ``number`` (1 to 9, in reading order)."""
    from selfcheck.views import load_themes

    names = [question.field_name for theme in load_themes(Locale.get_default()) for question in theme.ordered_questions]
    return names[number - 1]


def answers(*given, default=None):
    """Query parameters: ``default`` (an answer number) for all 9 demo questions, then ``(number, answer)`` pairs."""
    params = {q(number): default for number in range(1, 10)} if default else {}
    params.update((q(number), value) for number, value in given)
    return params


def all_first():
    return answers(default="1")  # the demo has 9 questions; answer 1 scores 0 on each


def all_last():
    return answers(default="3")  # the last answer of every demo question scores 10


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
    given = answers((7, "2"), (8, "1"), (9, "1"), default="3")
    # Warm the fragment caches once, as a running server is; the bound is for an ordinary uncached request.
    get(client, "/en/toolkit/self-check/", given)
    with django_assert_max_num_queries(12):
        response, body = get(client, "/en/toolkit/self-check/", given)
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
    assert set(re.findall(r"[?&]([\w-]+)=", share.replace("&amp;", "&"))) == {q(n) for n in range(1, 10)}
    assert ReadinessQuestion.objects.count() == 18  # nothing stored by answering


def test_thai_result_and_thai_digits_in_the_url(client):
    response, body = get(client, "/th/toolkit/self-check/", answers(default="๓"))
    assert response.status_code == 200
    assert "<h1>ผลการประเมินความพร้อมของคุณ</h1>" in body
    assert "20 จาก 20 คะแนน (100%)" in body
    assert "ทุกด้านได้คะแนนดี" in body  # nothing to start with


def test_themes_link_to_the_steps_editors_chose(client, thai_home):
    step = thai_home.get_children().type(StandardPage).live().first().specific
    theme = ReadinessTheme.objects.get(locale__language_code="th", sort_order=0)  # weakest first, ties in order
    theme.start_steps = [("page", step)]
    theme.save()
    _, body = get(client, "/th/toolkit/self-check/", all_first())
    start = body.split('id="start-title"')[1].split('id="scores-title"')[0]
    assert f'href="{step.url}"' in start and step.title in start


def test_draft_steps_are_not_linked(client, thai_home):
    step = thai_home.get_children().type(StandardPage).live().first().specific
    step.unpublish()
    theme = ReadinessTheme.objects.get(locale__language_code="th", sort_order=0)
    theme.start_steps = [("page", step)]
    theme.save()
    _, body = get(client, "/th/toolkit/self-check/", all_first())
    assert step.url is None or f'href="{step.url}"' not in body


@pytest.mark.parametrize(
    ("lang", "params", "message"),
    [
        ("en", {"default": None, "given": [(1, "1")]}, "Please choose an answer."),
        ("th", {"default": None, "given": [(1, "1")]}, "กรุณาเลือกคำตอบ"),
        ("en", {"default": "1", "given": [(2, "9")]}, "Please choose one of the answers."),
        ("th", {"default": "1", "given": [(2, "abc")]}, "กรุณาเลือกหนึ่งในคำตอบที่มี"),
        ("en", {"default": "1", "given": [(2, "")]}, "Please choose an answer."),
    ],
)
def test_incomplete_or_bad_answers_keep_the_form_with_messages(client, lang, params, message):
    response, body = get(client, f"/{lang}/toolkit/self-check/", answers(*params["given"], default=params["default"]))
    assert response.status_code == 400
    assert message in body
    assert '<div class="tool-errors' in body
    assert re.search(f'id="id_{q(2)}-error">[^<]*' + re.escape(message), body)
    # Answers already given stay selected.
    assert f'name="{q(1)}" value="1" id="id_{q(1)}_0" checked' in body


def test_unknown_parameters_and_post_are_harmless(client):
    response, _ = get(client, "/en/toolkit/self-check/", {"q1": "1", "q-00000000": "1", "name": "Somchai"})
    assert response.status_code == 200  # no answers of ours: the empty form
    assert client.post("/en/toolkit/self-check/", all_first()).status_code == 405


def test_change_answers_shows_the_form_filled_in(client):
    response, body = get(client, "/en/toolkit/self-check/", {**all_last(), "edit": "1"})
    assert response.status_code == 200
    assert "<h1>Readiness self-check</h1>" in body
    assert len(re.findall(f'value="3" id="id_{QUESTION_NAME}_2" checked', body)) == 9


def test_a_language_without_questions_says_so(client):
    ReadinessQuestion.objects.filter(locale__language_code="en").delete()
    ReadinessTheme.objects.filter(locale__language_code="en").delete()
    response, body = get(client, "/en/toolkit/self-check/")
    assert response.status_code == 200
    assert "have not been written in this language yet" in body
    assert Locale.objects.filter(language_code="en").exists()


def test_demo_loading_is_idempotent():
    from selfcheck import demo

    before = (ReadinessTheme.objects.count(), ReadinessQuestion.objects.count())
    demo.load()
    assert (ReadinessTheme.objects.count(), ReadinessQuestion.objects.count()) == before == (10, 18)


def test_demo_links_themes_to_toolkit_steps_in_both_languages(client, thai_home, monkeypatch):
    """When toolkit step pages exist, the demo links each theme to the steps its keywords match."""
    from selfcheck import demo

    about = thai_home.get_children().live().get(slug="about")
    monkeypatch.setattr(demo, "_step_pages", lambda locale: [about])
    monkeypatch.setattr(demo, "THEMES", [{**demo.THEMES[0], "keywords": ("about",)}])
    ReadinessQuestion.objects.all().delete()
    ReadinessTheme.objects.all().delete()
    demo.load()
    _, thai = get(client, "/th/toolkit/self-check/", answers((1, "1"), (2, "1")))
    _, english = get(client, "/en/toolkit/self-check/", answers((1, "1"), (2, "1")))
    assert 'href="/th/about/"' in thai
    assert 'href="/en/about/"' in english


def test_a_shared_result_keeps_its_meaning_when_editors_reorder_questions(client):
    """Links name questions by their translation key, not their position, and work in either language."""
    given = answers((1, "3"), (2, "1"), default="3")  # existing groups and capital: 10 + 0 points
    _, before = get(client, "/en/toolkit/self-check/", given)
    assert "10 of 20 points (50%)" in before
    first, second = ReadinessQuestion.objects.filter(locale__language_code="th").order_by("sort_order", "pk")[:2]
    for language in ("th", "en"):  # as publishing the reordered Thai questions and syncing the translation does
        one = first.get_translation(Locale.objects.get(language_code=language))
        two = second.get_translation(Locale.objects.get(language_code=language))
        one.sort_order, two.sort_order = two.sort_order, one.sort_order
        one.save()
        two.save()
    assert q(1) != list(given)[0]  # the questions did swap places
    _, after = get(client, "/en/toolkit/self-check/", given)
    assert "10 of 20 points (50%)" in after
    _, thai = get(client, "/th/toolkit/self-check/", given)
    assert "10 จาก 20 คะแนน (50%)" in thai
