"""Test data for case studies: learning units (pilots or not) under the case study index, with their terms."""

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


def case_studies_in_bulk(index, slugs, provinces=("kanchanaburi",)):
    """Live case studies under ``index``, one per slug, written straight into the page tree: one bulk insert of the
    page rows and one insert per case study row, without Wagtail's save (no revision, search index or reference
    index; slugs are not checked). For tests at programme scale, where ``case_study`` would take minutes."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page

    terms = [thai_term(Province, province) for province in provinces]
    last = index.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    rows = Page.objects.bulk_create(
        [
            Page(
                title=f"Unit {slug}",
                draft_title=f"Unit {slug}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, step + number + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
            for number, slug in enumerate(slugs)
        ]
    )
    for number, row in enumerate(rows):
        page = CaseStudyPage(
            page_ptr_id=row.pk, unit_name=row.title, summary="สรุป", province=terms[number % len(terms)]
        )
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(rows))
    return list(CaseStudyPage.objects.filter(pk__in=[row.pk for row in rows]).order_by("path"))
