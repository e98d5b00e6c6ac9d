"""Taxonomy terms and other translatable objects in the reader's language, in one query each.

A translated case study keeps pointing at the Thai target groups and occupations (wagtail-localize
synchronises many-to-many fields as they are), so names are looked up here by translation key,
falling back to the source object when a term is not translated yet.
"""


def in_locale(objects, locale):
    """The versions of ``objects`` (translatable model instances of one model) in ``locale``, same order.

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


def terms_by_slug(model, locale):
    """``{slug: term}`` for every term of ``model``: the ``locale`` version where there is one, else another."""
    terms = {}
    for term in model.objects.order_by("pk"):
        if term.slug not in terms or term.locale_id == locale.pk:
            terms[term.slug] = term
    return terms
