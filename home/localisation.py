"""The reader's language, and an object in a given language.

Pages and snippets that are translations of one another share a ``translation_key``. wagtail-localize copies
many-to-many fields as they are, so a translated page keeps pointing at the Thai terms, partners and pages;
the functions here swap each object for its version in the wanted locale, with one query for all of them.
"""

from django.conf import settings
from django.utils.translation import get_language

from .visibility import public_pages


def current_language():
    """The active language code; the site's default language (Thai) when none is active."""
    return get_language() or settings.LANGUAGE_CODE


def in_locale(objects, locale):
    """The versions of ``objects`` (translatable instances of one model) in ``locale``, in the same order.

    An object with no version in ``locale`` is returned as it is.
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    found = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in={o.translation_key for o in objects}, locale=locale)
    }
    return [found.get(obj.translation_key, obj) for obj in objects]


def public_in_locale(pages, locale, include_aliases=False):
    """The public version in ``locale`` of each page (``home.visibility``), the page itself where there is none.

    Pages the public may not see in either form are left out. An untranslated alias counts as the version in
    ``locale`` only with ``include_aliases``. One query for every language version.
    """
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    visible = list(public_pages(model.objects.filter(translation_key__in={p.translation_key for p in pages})))
    found = {
        p.translation_key: p for p in visible if p.locale_id == locale.pk and (include_aliases or p.alias_of_id is None)
    }
    visible_ids = {p.pk for p in visible}
    return [found.get(p.translation_key, p) for p in pages if p.translation_key in found or p.pk in visible_ids]
