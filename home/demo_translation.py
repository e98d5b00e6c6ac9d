"""Publish demo translations through wagtail-localize, exactly as a translator would in the admin.

The demo content is read from data files with Thai and English side by side (``home.demo_data``).
``translate`` registers the Thai object as a translation source, fills each of its strings with the
English text found at the same position in an unsaved English twin, and saves the English version.
The translation editor then shows every demo page as fully translated, and the translation-status
view can tell when a source moves on.
"""

import json
import re

from django.db import transaction

from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class DemoTranslationMismatch(ValueError):
    """The English twin does not have the same shape as the Thai source."""


def _segments(instance, kind):
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            # Preparing a stream for saving gives its blocks ids, which segment paths are built from.
            field.get_prep_value(field.value_from_object(instance))
    return [s for s in extract_segments(instance) if isinstance(s, kind)]


def _strings(instance):
    return _segments(instance, StringSegmentValue)


def existing_translation(source, locale):
    """The real (non-alias) translation of ``source`` in ``locale``, or None."""
    found = source.get_translation_or_none(locale)
    if found is None or getattr(found, "alias_of_id", None):
        return None
    return found


@transaction.atomic
def translate(source, twin, language_code="en"):
    """Create the ``language_code`` translation of ``source`` whose strings are those of ``twin``.

    ``twin`` is an unsaved instance of the same model with the same structure (same blocks in the
    same order, same number of paragraphs) holding the translated text. Returns the translation;
    an existing translation is returned unchanged, so demo loading stays idempotent.
    """
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(source, Page):
        source = source.specific
    done = existing_translation(source, locale)
    if done is not None:
        return done

    source_strings = _strings(source)
    twin_strings = _strings(twin)
    shape = [_ID.sub("*", s.path) for s in source_strings]
    twin_shape = [_ID.sub("*", s.path) for s in twin_strings]
    if shape != twin_shape:
        raise DemoTranslationMismatch(f"{source!r}: Thai and English differ in shape:\n{shape}\n{twin_shape}")
    english_by_path = {s.path: t.string.data for s, t in zip(source_strings, twin_strings, strict=True)}

    translation_source, _ = TranslationSource.update_or_create_from_instance(source)
    for segment in translation_source.stringsegment_set.select_related("string", "context"):
        text = english_by_path.get(segment.context.path)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # wagtail-localize keeps the source's link addresses in rich text; where the twin links to the same page of the
    # site in its own language (/th/toolkit/ → /en/toolkit/), override the link as a translator would.
    source_prefix = f"/{source.locale.language_code}/"
    twin_links = {s.data for s in _segments(twin, OverridableSegmentValue) if isinstance(s.data, str)}
    for segment in translation_source.overridablesegment_set.select_related("context"):
        address = segment.data
        if isinstance(address, str) and address.startswith(source_prefix):
            localized = f"/{language_code}/" + address.removeprefix(source_prefix)
            if localized in twin_links:
                SegmentOverride.objects.update_or_create(
                    locale=locale, context=segment.context, defaults={"data_json": json.dumps(localized)}
                )
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=True)
    return source.get_translation(locale)


def ensure_terms(model, rows):
    """``{slug: Thai term}`` for the demo's ``rows`` of a translatable term model (``{field: (th, en)}``, see
    ``home.demo_data.pick``), each created in Thai when missing and translated to English through
    wagtail-localize."""
    from .demo_data import pick

    thai = Locale.objects.get(language_code="th")
    terms = {}
    for row in rows:
        term = model.objects.filter(locale=thai, slug=row["slug"]).first()
        if term is None:
            term = model.objects.create(locale=thai, **pick(row, "th"))
        translate(term, model(**pick(row, "en")))
        terms[row["slug"]] = term
    return terms
