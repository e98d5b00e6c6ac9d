"""Template helpers for case studies: years in the reader's era, and the pilot units for the home page."""

from django import template
from django.utils.translation import get_language

from wagtail.models import Locale

from casestudies.models import Province
from casestudies.terms import terms_by_slug
from casestudies.views import Card, live_case_studies, prefetch_hero_images
from home.dates import display_year

register = template.Library()


@register.filter
def local_year(year):
    """2566 for Thai readers, 2023 for English readers."""
    if not year:
        return ""
    return display_year(int(year), get_language() or "th")


@register.simple_tag
def pilot_case_studies(limit=6):
    """Cards for the first ``limit`` live case studies in the active language (four queries, any number of units)."""
    locale = Locale.get_active()
    pages = list(live_case_studies(locale).select_related("province").defer_streamfields()[:limit])
    prefetch_hero_images(pages)
    provinces = terms_by_slug(Province, locale) if pages else {}
    return [Card(p, provinces.get(p.province.slug) if p.province_id else None) for p in pages]
