"""Demo content for the toolkit: the overview, eight steps, and real resource files, in Thai and English.

The text lives in toolkit/demo/toolkit.yaml (Thai and English side by side), the files' text in
toolkit/demo/files.yaml; this module only creates the resources, pages and bundles. Tips link to the
pilot units' case studies when those pages exist, otherwise to the page about the model.
"""

import json
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from home.demo import ensure_page
from home.demo_data import pick, pilot_slugs, read, stream
from home.demo_translation import translate
from home.models import HomePage

from . import bundles, demo_files
from .models import StepResource, StepTip, ToolkitPage, ToolkitResource, ToolkitStepPage

# Each resource's file is built, in each language, by its function in toolkit/demo_files.py.
BUILDERS = {
    "constitution": demo_files.constitution_docx,
    "ledger": demo_files.ledger_xlsx,
    "minutes": demo_files.minutes_pdf,
    "monitoring": demo_files.monitoring_pdf,
}
STEP_FIELDS = ("slug", "title", "purpose", "participants", "time_needed", "activities", "checklist")
DATA = read(
    Path(__file__).parent / "demo" / "toolkit.yaml",
    required={
        "resources": tuple(BUILDERS),
        "toolkit": ("title", "slug", "how_to_use"),
        "steps": (*STEP_FIELDS, "tips", "resources"),
    },
)

RESOURCES = {
    key: {**spec, "kind": ToolkitResource.Kind(spec["kind"]), "build": BUILDERS[key]}
    for key, spec in DATA["resources"].items()
}
TOOLKIT = {**DATA["toolkit"], "how_to_use": stream(DATA["toolkit"]["how_to_use"])}


def _step(row, slugs):
    tips = [(tip["text"], slugs[tip["pilot"]] if "pilot" in tip else tip["page"]) for tip in row["tips"]]
    return {
        **row,
        "activities": stream(row["activities"]),
        "checklist": [("item", item) for item in row["checklist"]],
        "tips": tips,
    }


STEPS = [_step(row, pilot_slugs()) for row in DATA["steps"]]


def _document(key, language):
    spec = RESOURCES[key]
    Document = get_document_model()
    title = f"{pick(spec['title'], language)} ({language})"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(spec["filename"].format(lang=language), ContentFile(spec["build"](language)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _override(source_object, locale, values):
    """Give a translation its own value for overridable fields (its own file, its own language)."""
    source, _ = TranslationSource.get_or_create_from_instance(source_object)
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if segment.context.path in values:
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(values[segment.context.path])}
            )
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)


def _ensure_resources():
    thai, english = Locale.objects.get(language_code="th"), Locale.objects.get(language_code="en")
    resources = {}
    for key, spec in RESOURCES.items():
        thai_values = {"title": spec["title"].th, "description": spec["description"].th, "kind": spec["kind"]}
        resource = ToolkitResource.objects.filter(locale=thai, title=thai_values["title"]).first()
        if resource is None:
            resource = ToolkitResource.objects.create(
                locale=thai, language="th", document=_document(key, "th"), **thai_values
            )
        english_twin = ToolkitResource(title=spec["title"].en, description=spec["description"].en, kind=spec["kind"])
        translated = translate(resource, english_twin)
        english_document = _document(key, "en")
        if translated.document_id != english_document.pk or translated.language != "en":
            _override(resource, english, {"document": english_document.pk, "language": "en"})
        resources[key] = resource
    return resources


def _linked_page(slug, thai):
    return Page.objects.filter(locale=thai, slug=slug).first() or Page.objects.filter(locale=thai, slug="about").first()


def _ensure_step(toolkit, order, data, resources, thai):
    content = {
        key: data[key] for key in ("slug", "title", "purpose", "participants", "time_needed", "activities", "checklist")
    }
    step = ToolkitStepPage.objects.child_of(toolkit).filter(slug=data["slug"]).first()
    if step is None:
        values = pick(content, "th")
        step = ToolkitStepPage(locale=thai, **values)
        step.tips = [StepTip(text=text.th, linked_page=_linked_page(slug, thai)) for text, slug in data["tips"]]
        step.resource_links = [StepResource(resource=resources[key]) for key in data["resources"]]
        toolkit.add_child(instance=step)
        step.save_revision().publish()
    twin = ToolkitStepPage(**pick(content, "en"))
    twin.tips = [StepTip(text=text.en) for text, _slug in data["tips"]]
    translate(step, twin)
    return step


def load(stdout=None):
    with bundles.deferred():
        resources = _ensure_resources()
        home = HomePage.objects.get(locale__language_code="th")
        toolkit = ensure_page(home, ToolkitPage, TOOLKIT)
        for order, data in enumerate(STEPS):
            _ensure_step(toolkit, order, data, resources, toolkit.locale)
    if stdout:
        stdout.write(f"toolkit: overview, {len(STEPS)} steps, {len(RESOURCES)} resources in each language, bundles")
