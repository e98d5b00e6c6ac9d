"""Template context for the news list and a news item, and the news about a case study (``news_tags``).

Related objects are stored as the Thai originals (wagtail-localize copies many-to-many fields as they
are); ``home.localisation`` swaps each for its public version in the reader's language.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear

from casestudies.models import CaseStudyPage  # allowed: NewsPage.related_case_studies (docs/architecture.md)
from home.dates import display_year
from home.hero_image import prefetch_hero_images
from home.localisation import current_language, in_locale, public_in_locale
from home.visibility import public_pages

from .filters import parse_choice, parse_year
from .models import NewsPage


def live_news(locale):
    """News items in ``locale`` that the public may see (``home.visibility``), newest first."""
    return public_pages(NewsPage.objects.filter(locale=locale)).order_by("-date", "-pk")


def index_context(index_page, request):
    """Filters (year, unit), the active selection and one page of news items."""
    language = current_language()
    locale = index_page.locale
    news = live_news(locale).child_of(index_page)

    years = sorted({y for y in news.annotate(y=ExtractYear("date")).values_list("y", flat=True)}, reverse=True)
    units = public_in_locale(
        CaseStudyPage.objects.filter(news_items__in=news).distinct().order_by("path").defer_streamfields(), locale
    )
    unit_slugs = {unit.slug: unit for unit in units}

    ignored = []
    year = None
    if request.GET.get("year"):
        year = parse_year(request.GET["year"], language)
        if year is None or year not in years:
            ignored.append("year")
            year = None
    unit = None
    if request.GET.get("unit"):
        unit = parse_choice(request.GET["unit"], unit_slugs)
        if unit is None:
            ignored.append("unit")

    selected = news
    if year is not None:
        selected = selected.filter(date__year=year)
    if unit is not None:
        selected = selected.filter(related_case_studies__slug=unit).distinct()
    selected = selected.defer_streamfields()

    paginator = Paginator(selected, index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    items = list(page_obj.object_list)
    prefetch_hero_images(items)

    selection = {}
    if year is not None:
        selection["year"] = display_year(year, language)
    if unit is not None:
        selection["unit"] = unit
    return {
        "news_items": items,
        "page_obj": page_obj,
        "paginator": paginator,
        "years": [(y, display_year(y, language)) for y in years],
        "units": units,
        "selected_year": year,
        "selected_unit": unit_slugs.get(unit) if unit else None,
        "selection": selection,
        "filter_query": urlencode(selection),
        "ignored_filters": ignored,
    }


def detail_context(page):
    """The pilot units, partners and tags of a news item, in the page's language."""
    locale = page.locale
    case_studies = public_in_locale(page.related_case_studies.all().defer_streamfields(), locale)
    return {
        "index_page": page.get_parent(),
        "related_case_studies": case_studies,
        "related_partners": in_locale(page.partners.all(), locale),
        "tags": in_locale(page.tags.all(), locale),
    }


def news_about(case_study, limit=5):
    """Live news items in the case study's language that name the case study (in any language version)."""
    return list(
        live_news(case_study.locale)
        .filter(related_case_studies__translation_key=case_study.translation_key)
        .distinct()
        .defer_streamfields()[:limit]
    )
