"""Taxonomy terms by slug in the reader's language, in one query per taxonomy.

A translated case study keeps pointing at the Thai target groups and occupations (wagtail-localize
synchronises many-to-many fields as they are); their names in the reader's language come from
``home.localisation.in_locale``, or from this module when terms are looked up by their shared slug.
"""


def terms_by_slug(model, locale):
    """``{slug: term}`` for every term of ``model``: the ``locale`` version where there is one, else another."""
    terms = {}
    for term in model.objects.order_by("pk"):
        if term.slug not in terms or term.locale_id == locale.pk:
            terms[term.slug] = term
    return terms
