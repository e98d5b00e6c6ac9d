"""Writing figures: saving an import all-or-nothing, and keeping the case study's revisions in step.

Figures are edited inline on the Thai case study page, so the page's latest revision holds a copy of them.
Whenever figures are written outside the page editor (spreadsheet import, the figures listing, demo data),
``sync_page_revision`` writes them into the latest revision; otherwise the editor would show the old figures and
publishing the page would silently undo the change.
"""

from django.conf import settings
from django.db import transaction

from casestudies.models import CaseStudyPage

from .models import ImpactFigure, Indicator


def source_units():
    """Every Thai case study page (live or not, never an alias) by slug: the units figures belong to."""
    return {
        p.slug: p
        for p in CaseStudyPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
        ).defer_streamfields()
    }


def source_indicators():
    """Thai (source) indicators by code."""
    return {i.code: i for i in Indicator.objects.filter(locale__language_code=settings.LANGUAGE_CODE)}


def sync_page_revision(page, user=None):
    """Write the page's current figures into its latest revision (the one the editor opens).

    The revision is updated in place rather than followed by a new published one: figures are data, not
    translatable text, so a quarterly import must neither re-publish the page nor mark its English
    translation out of date. Without this, the editor would show old figures and publishing the page
    would silently undo the change.
    """
    page = CaseStudyPage.objects.get(pk=page.pk)
    revision = page.latest_revision
    if revision is None:
        page.save_revision(user=user, clean=False)
        return
    content = dict(revision.content)
    content["impact_figures"] = page.serializable_data()["impact_figures"]
    revision.content = content
    revision.save(update_fields=["content"])


def save_figures(values, user=None):
    """Create or update the figures in ``values`` (clean rows from ``importing.check_rows``) in one transaction.

    A figure is identified by unit, indicator and period, so importing the same period again updates it.
    Returns ``(created, updated)``.
    """
    created = updated = 0
    with transaction.atomic():
        units = source_units()
        indicators = source_indicators()
        touched = {}
        for row in values:
            page = units[row["unit_slug"]]
            _figure, was_created = ImpactFigure.objects.update_or_create(
                page=page,
                indicator=indicators[row["indicator_code"]],
                period_start=row["period_start"],
                period_end=row["period_end"],
                defaults={
                    "value": row["value"],
                    "baseline": row["baseline"],
                    "is_illustrative": row["is_illustrative"],
                    "source": row["source"],
                },
            )
            created += was_created
            updated += not was_created
            touched[page.pk] = page
        for page in touched.values():
            sync_page_revision(page, user)
    return created, updated
