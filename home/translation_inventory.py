"""Gather every page and translatable snippet of the source language with the state of its translations.

A fixed number of queries whatever the number of pages: a handful for pages, wagtail-localize's
sources, translations and logs, plus three per translatable snippet model.
"""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse

from wagtail.models import Locale, ModelLogEntry, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from .translation_status import Row, classify

# Admin log actions that change a snippet's content (snippets without revisions have no other timestamp).
SNIPPET_CHANGE_ACTIONS = ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.revert"]


def translatable_snippet_models():
    """Registered snippet models that wagtail-localize can translate, in a stable order."""
    return sorted(
        (model for model in get_snippet_models() if issubclass(model, TranslatableMixin)),
        key=lambda model: model._meta.label_lower,
    )


def _localize_facts(source_locale, target_locale):
    """Per translation key: when its strings were synced, whether a translation record exists and when the
    target was last saved from it."""
    sources = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(locale=source_locale).values("id", "object_id", "last_updated_at")
    }
    enabled = set(
        Translation.objects.filter(source__locale=source_locale, target_locale=target_locale, enabled=True).values_list(
            "source_id", flat=True
        )
    )
    logged = dict(
        TranslationLog.objects.filter(source__locale=source_locale, locale=target_locale)
        .values("source_id")
        .annotate(last=Max("created_at"))
        .values_list("source_id", "last")
    )
    facts = {}
    for key, source in sources.items():
        facts[key] = {
            "synced_at": source["last_updated_at"],
            "translated_at": logged.get(source["id"]),
            "synced_translation": source["id"] in enabled,
        }
    return facts


def _pages_in_review():
    """Ids (as strings, like ``WorkflowState.object_id``) of pages with a workflow waiting for a moderator."""
    return set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
        ).values_list("object_id", flat=True)
    )


def _page_rows(source_locale, target_locale, facts):
    in_review = _pages_in_review()
    fields = ["id", "title", "content_type_id", "translation_key", "live", "last_published_at"]
    sources = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path").values(*fields)
    targets = {
        page["translation_key"]: page
        for page in Page.objects.filter(locale=target_locale).values(*fields, "alias_of_id")
    }
    for page in sources:
        target = targets.get(page["translation_key"])
        exists = target is not None and target["alias_of_id"] is None
        known = facts.get(page["translation_key"], {})
        state = classify(
            translation_exists=exists,
            translation_live=bool(target and target["live"]),
            source_changed_at=page["last_published_at"],
            synced_at=known.get("synced_at"),
            translated_at=known.get("translated_at"),
            translation_published_at=target and target["last_published_at"],
            in_review=exists and str(target["id"]) in in_review,
        )
        if target is not None:
            # An alias's edit view offers "Translate this page"; a translation's opens the translation editor.
            translation_url = reverse("wagtailadmin_pages:edit", args=[target["id"]])
        else:
            translation_url = reverse("wagtail_localize:submit_page_translation", args=[page["id"]])
        model = ContentType.objects.get_for_id(page["content_type_id"]).model_class()
        yield Row(
            kind=model._meta.label_lower if model else "wagtailcore.page",
            kind_label=str(model._meta.verbose_name if model else Page._meta.verbose_name),
            title=page["title"],
            source_edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
            state=state,
            translation_url=translation_url,
            language=target_locale.get_display_name(),
            source_live=page["live"],
            source_changed_at=page["last_published_at"],
            synced_at=known.get("synced_at"),
            translation_title=target["title"] if exists else "",
        )


def _snippet_rows(model, source_locale, target_locale, facts):
    content_type = ContentType.objects.get_for_model(model)
    sources = list(model.objects.filter(locale=source_locale))
    targets = {obj.translation_key: obj for obj in model.objects.filter(locale=target_locale)}
    changed = dict(
        ModelLogEntry.objects.filter(content_type=content_type, action__in=SNIPPET_CHANGE_ACTIONS)
        .values("object_id")
        .annotate(last=Max("timestamp"))
        .values_list("object_id", "last")
    )
    edit_url_name = model.snippet_viewset.get_url_name("edit")
    for obj in sources:
        target = targets.get(obj.translation_key)
        known = facts.get(obj.translation_key, {})
        changed_at = changed.get(str(obj.pk))
        live = getattr(obj, "live", True)
        state = classify(
            translation_exists=target is not None,
            translation_live=getattr(target, "live", True),
            source_changed_at=changed_at,
            synced_at=known.get("synced_at"),
            translated_at=known.get("translated_at"),
            translation_published_at=changed.get(str(target.pk)) if target is not None else None,
        )
        if target is not None:
            translation_url = reverse(edit_url_name, args=[quote(target.pk)])
        else:
            translation_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(obj.pk)],
            )
        yield Row(
            kind=model._meta.label_lower,
            kind_label=str(model._meta.verbose_name),
            title=str(obj),
            source_edit_url=reverse(edit_url_name, args=[quote(obj.pk)]),
            state=state,
            translation_url=translation_url,
            language=target_locale.get_display_name(),
            source_live=live,
            source_changed_at=changed_at,
            synced_at=known.get("synced_at"),
            translation_title=str(target) if target is not None else "",
        )


def translation_rows():
    """Every page and translatable snippet of the default (source) locale, one ``Row`` per other locale."""
    source_locale = Locale.get_default()
    rows = []
    for target_locale in Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"):
        facts = _localize_facts(source_locale, target_locale)
        rows.extend(_page_rows(source_locale, target_locale, facts))
        for model in translatable_snippet_models():
            rows.extend(_snippet_rows(model, source_locale, target_locale, facts))
    return rows


def kinds(rows):
    """``[(kind, label)]`` of the kinds present in ``rows``, sorted by label (for the filter menu)."""
    return sorted({(row.kind, row.kind_label) for row in rows}, key=lambda pair: pair[1].casefold())
