"""The readiness self-check: a plain GET form; the result is computed from the query string and never stored."""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from home.localisation import current_language
from home.numbers import normalise_number
from home.query_parameters import reads_query
from home.translations import relative_page_url
from home.visibility import public_pages

from . import scoring
from .forms import readiness_form_class
from .models import ReadinessQuestion, ReadinessTheme

LEVEL_LABELS = {
    scoring.LEVEL_READY: _("Ready"),
    scoring.LEVEL_GETTING_THERE: _("Getting there"),
    scoring.LEVEL_START_HERE: _("Start here"),
}


def question_field_name(question):
    """The question's name in the form and in shared result links: from its translation key, so it is the same
    in both languages and a shared link keeps its meaning when editors reorder, add or remove questions."""
    return f"q-{question.translation_key.hex[:8]}"


def load_themes(locale, questions=None):
    """The themes of ``locale`` in order, each with its questions numbered as readers see them.

    ``questions``: the locale's questions in order when the caller has read them already (saves a query)."""
    ordered = ReadinessQuestion.objects.filter(locale=locale).order_by("sort_order", "pk")
    themes = ReadinessTheme.objects.filter(locale=locale).order_by("sort_order", "pk")
    if questions is None:
        themes = list(themes.prefetch_related(Prefetch("questions", queryset=ordered, to_attr="ordered_questions")))
    else:
        themes = list(themes)
        by_pk = {theme.pk: theme for theme in themes}
        for theme in themes:
            theme.ordered_questions = []
        for question in questions:
            theme = by_pk.get(question.theme_id)
            if theme is not None:
                question.theme = theme
                theme.ordered_questions.append(question)
    number = 0
    for theme in themes:
        for question in theme.ordered_questions:
            number += 1
            question.number = number
            question.field_name = question_field_name(question)
            question.choices = [(str(i), block.value["text"]) for i, block in enumerate(question.answers, start=1)]
    return themes


def _step_links(themes, request):
    """Public pages that editors chose as steps to start with, fetched in one query, per theme."""
    ids = {block["value"] for theme in themes for block in theme.start_steps.raw_data if block.get("value")}
    pages = {page.pk: page for page in public_pages(Page.objects.filter(pk__in=ids))}
    for theme in themes:
        theme.step_links = [
            (pages[b["value"]].title, relative_page_url(pages[b["value"]], request))
            for b in theme.start_steps.raw_data
            if b.get("value") in pages
        ]


def language_questions(request):
    """The questions of the reader's language in order, read once per request (kept on the request)."""
    questions = getattr(request, "_selfcheck_questions", None)
    if questions is None:
        read = ReadinessQuestion.objects.filter(locale__language_code=current_language()).order_by("sort_order", "pk")
        questions = list(read)
        if request is not None:
            request._selfcheck_questions = questions
    return questions


def answer_parameters(request):
    """What the self-check reads: one answer per question of the reader's language, and ``edit``."""
    return [*(question_field_name(question) for question in language_questions(request)), "edit"]


@require_GET
@reads_query(answer_parameters)
def self_check(request):
    """Questions by theme; with every answer in the query string, the score per theme and where to start."""
    language = current_language()
    try:
        locale = Locale.objects.get_for_language(language)  # read once per request (home.locale_memo)
    except (Locale.DoesNotExist, LookupError):
        locale = Locale.get_default()
    themes = load_themes(locale, language_questions(request) if locale.language_code == language else None)
    form_class = readiness_form_class(themes)
    field_names = list(form_class.base_fields)
    answered = {name: normalise_number(request.GET[name]) for name in field_names if name in request.GET}
    form = form_class(answered) if answered else form_class()
    context = {"form": form, "themes": themes, "language": language}
    status = 200
    if form.is_bound and form.is_valid():
        answers = {
            question.number: int(form.cleaned_data[question.field_name])
            for theme in themes
            for question in theme.ordered_questions
        }
        query = urlencode({name: form.cleaned_data[name] for name in field_names})
        if "edit" not in request.GET:
            scored = scoring.score(_scoring_themes(themes), answers)
            _step_links(themes, request)
            results = [{"theme": s.theme.key, "score": s, "level": LEVEL_LABELS[s.level]} for s in scored]
            by_theme = {r["theme"].pk: r for r in results}
            context.update(
                results=results,
                start_here=[by_theme[s.theme.key.pk] for s in scoring.where_to_start(scored)],
                share_url=request.build_absolute_uri(f"{request.path}?{query}"),
                edit_url=f"{request.path}?{query}&edit=1",
            )
            return render(request, "selfcheck/result.html", context)
    elif form.is_bound:
        status = 400
    context["questions"] = [(theme, [form[q.field_name] for q in theme.ordered_questions]) for theme in themes]
    return render(request, "selfcheck/self_check.html", context, status=status)


def _scoring_themes(themes):
    return [
        scoring.Theme(
            theme,
            tuple(
                scoring.Question(q.number, tuple(block.value["points"] for block in q.answers))
                for q in theme.ordered_questions
            ),
        )
        for theme in themes
    ]
