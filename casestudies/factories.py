"""Test data for case studies: pilot units under the case study index, with their terms."""

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, Occupation, Province, TargetGroup


def thai_index():
    return CaseStudyIndexPage.objects.get(locale__language_code="th")


def thai_term(model, slug):
    """The Thai province, target group or occupation called ``slug``."""
    return model.objects.get(slug=slug, locale__language_code="th")


def case_study(index, slug, live=True, province="kanchanaburi", groups=("youth",), occupations=(), **fields):
    """A case study under ``index``, saved in the tree without a revision (live by default)."""
    fields.setdefault("title", f"Unit {slug}")
    fields.setdefault("unit_name", fields["title"])
    fields.setdefault("summary", "สรุป")
    page = CaseStudyPage(
        slug=slug,
        live=live,
        province=thai_term(Province, province),
        target_groups=[thai_term(TargetGroup, group) for group in groups],
        occupations=[thai_term(Occupation, occupation) for occupation in occupations],
        **fields,
    )
    index.add_child(instance=page)
    return page
