"""Demo content for the readiness self-check: five themes and their questions, in Thai and English.

The text lives in the data file demo/selfcheck.yaml next to this module (Thai and English side by side).
Loaded after the toolkit's demo (``demo_after`` on the app's config), so the toolkit pages exist: each theme then
links to the toolkit steps whose slug matches its keywords. The questions are demo wording that editors replace;
no figure here is a measured result.
"""

from pathlib import Path

from django.apps import apps

from wagtail.models import Locale

from home.demo_data import pick, read
from home.demo_translation import translate

from .models import ReadinessQuestion, ReadinessTheme

THEMES = read(
    Path(__file__).parent / "demo" / "selfcheck.yaml", required={"themes": ("keywords", "theme", "questions")}
)["themes"]


def _step_pages(thai):
    """Live Thai toolkit step pages (when the toolkit app has them), for linking themes to steps."""
    try:
        model = apps.get_model("toolkit", "ToolkitStepPage")
    except LookupError:
        return []
    return list(model.objects.live().filter(locale=thai).order_by("path"))


def _steps_for(keywords, pages):
    return [("page", p) for p in pages if any(k in p.slug for k in keywords)][:2]


def _question_values(question, language):
    values = pick({"text": question["text"], "help_text": question["help_text"]}, language)
    values["answers"] = [("answer", answer) for answer in pick(question["answers"], language)]
    return values


def load(stdout=None):
    """Create (once) and translate the self-check themes and questions; idempotent."""
    thai = Locale.objects.get(language_code="th")
    pages = _step_pages(thai)
    question_order = 0
    for order, data in enumerate(THEMES):
        values = pick(data["theme"], "th")
        theme = ReadinessTheme.objects.filter(locale=thai, name=values["name"]).first()
        if theme is None:
            theme = ReadinessTheme.objects.create(
                locale=thai, sort_order=order, start_steps=_steps_for(data["keywords"], pages), **values
            )
        english_theme = translate(
            theme, ReadinessTheme(sort_order=order, start_steps=theme.start_steps.raw_data, **pick(data["theme"], "en"))
        )
        for question in data["questions"]:
            question_order += 1
            values = _question_values(question, "th")
            found = ReadinessQuestion.objects.filter(locale=thai, theme=theme, text=values["text"]).first()
            if found is None:
                found = ReadinessQuestion.objects.create(locale=thai, theme=theme, sort_order=question_order, **values)
            translate(
                found,
                ReadinessQuestion(theme=english_theme, sort_order=question_order, **_question_values(question, "en")),
            )
    if stdout:
        count = sum(len(d["questions"]) for d in THEMES)
        stdout.write(f"selfcheck: readiness self-check, {len(THEMES)} themes, {count} questions")
