"""Template context for the news list and a news item, and the news about a case study (``news_tags``).

Related objects are stored as the Thai originals (wagtail-localize copies many-to-many fields as they
are); ``news.related`` swaps each for its public version in the reader's language, one query for each kind.
With every cache off a news page costs four queries of its own, however many items or links it shows (issue 18).
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator

from wagtail.images import get_image_model
from wagtail.models import Page

from casestudies import choosers
from casestudies.models import CaseStudyPage, Region
from home import compiled_sql
from home.dates import display_year
from home.hero_image import prefetch_hero_renditions
from home.localisation import current_language
from home.models import Partner
from home.query_parameters import parse_choice
from home.request_site import page_url
from home.seo import SHARE_RENDITION
from home.translations import relative_page_url
from home.visibility import hidden_page_ids, public_pages

from .filters import parse_year
from .models import NewsPage, NewsTag
from .related import LinkTable, linked_ids, pages_in_locale, snippets_in_locale

# The renditions of the hero image at the top of a news item (``news/news_page.html``).
HERO_RENDITIONS = ("fill-640x320|format-webp", "fill-1200x600|format-webp")


def live_news(locale):
    """News items in ``locale`` that the public may see (``home.visibility``), newest first."""
    return public_pages(NewsPage.objects.filter(locale=locale)).order_by("-date", "-pk")


# The unit filter lists every unit linked from a news item while they are this few (by region, ``<optgroup>``); with
# more, the reader chooses a region first and the filter lists that region's units (issue 22: the list's markup and
# the units read for it stay bounded however many units the programme has). The impact pages' choosers share the
# limit (``casestudies.choosers``).
UNIT_OPTIONS_MAX = choosers.UNIT_OPTIONS_MAX


def index_context(index_page, request):
    """Filters (year, region, unit), the active selection and one page of news items.

    Cold cost, whatever the number of news items: one query for the dates of every item with its units' translation
    groups and regions, one for the units the filter lists in the reader's language (``news.related``; none when
    there are more than ``UNIT_OPTIONS_MAX`` and no region is chosen), one for the page's items with their hero
    images and one for those images' renditions (and, with many units, one more when the unit chosen is not in the
    region chosen).
    """
    language = current_language()
    news = live_news(index_page.locale_id).child_of(index_page)

    # Newest first; an item linked to several units comes once for each, then once here. The same rows carry each
    # linked unit's translation group and region (a unit's language versions share its province): the filters
    # by region and by unit are answered from them, no query of their own.
    dated, unit_region, unit_group, item_groups = {}, {}, {}, {}
    for pk, day, unit_id, group, region in news.values_list(
        "pk",
        "date",
        "related_case_studies",
        "related_case_studies__translation_key",
        "related_case_studies__province__region",
    ):
        dated[pk] = day
        if unit_id is not None:
            unit_region[unit_id], unit_group[unit_id] = region or "", group
            item_groups.setdefault(pk, set()).add(group)
    group_region = {unit_group[unit_id]: region for unit_id, region in unit_region.items()}
    dated = list(dated.items())
    years = sorted({day.year for _pk, day in dated}, reverse=True)
    regions = [value for value in Region.values if value in group_region.values()]
    few_units = len(unit_region) <= UNIT_OPTIONS_MAX

    ignored = []
    year = None
    if request.GET.get("year"):
        year = parse_year(request.GET["year"], language)
        if year is None or year not in years:
            ignored.append("year")
            year = None
    region = None
    if request.GET.get("region"):
        region = parse_choice(request.GET["region"], regions)
        if region is None:
            ignored.append("region")
    slug = (request.GET.get("unit") or "").strip()

    def load_units(in_regions):
        ids = sorted(unit_id for unit_id, r in unit_region.items() if in_regions is None or r in in_regions)
        return pages_in_locale(ids, index_page.locale_id)

    units = load_units(None) if few_units else load_units({region}) if region else []
    unit = None
    if slug and few_units or slug and region:
        unit = next((u for u in units if u.slug == slug), None)
        if unit is None and not few_units and units_named(slug).exists():
            slug = ""  # a unit of another region, left chosen when the reader changed region: not an error
    elif slug:
        # Chosen by its address alone (a link from a case study): the linked units of its region, in one query.
        units = pages_in_locale(linked_units_in_region_of(slug, unit_region), index_page.locale_id)
        unit = next((u for u in units if u.slug == slug), None)
        region = group_region[unit.translation_key] if unit is not None else None
    if unit is None and slug:
        ignored.append("unit")

    selected = [pk for pk, day in dated if year is None or day.year == year]
    if region is not None:
        in_region = {group for group, r in group_region.items() if r == region}
        selected = [pk for pk in selected if item_groups.get(pk, set()) & in_region]
    if unit is not None:
        selected = [pk for pk in selected if unit.translation_key in item_groups.get(pk, ())]

    paginator = Paginator(selected, index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    items = news_cards(page_obj.object_list, request)

    region_labels = dict(Region.choices)
    selection = {}
    if year is not None:
        selection["year"] = display_year(year, language)
    if region is not None:
        selection["region"] = region
    if unit is not None:
        selection["unit"] = unit.slug
    index_url = relative_page_url(index_page, request)  # once, for the form, its reset link and the feeds
    return {
        "index_url": index_url,
        "rss_url": index_url + index_page.reverse_subpage("rss"),
        "atom_url": index_url + index_page.reverse_subpage("atom"),
        "news_items": items,
        "page_obj": page_obj,
        "paginator": paginator,
        "years": [(y, display_year(y, language)) for y in years],
        "regions": [] if few_units else [(value, region_labels[value]) for value in regions],
        "units": units,
        "unit_groups": Region.grouped(units, lambda u: group_region.get(u.translation_key)),
        "selected_year": year,
        "selected_region": region,
        "selected_region_label": region_labels.get(region, ""),
        "selected_unit": unit,
        "selection": selection,
        "filter_query": urlencode(selection),
        "ignored_filters": ignored,
    }


def units_named(slug):
    """The learning units (any language) with this slug."""
    return CaseStudyPage.objects.filter(slug=slug)


def linked_units_in_region_of(slug, linked):
    """The SQL selecting those of the ``linked`` unit ids in the region of a unit named ``slug`` (``LinkTable``)."""
    regions = units_named(slug).values("province__region")
    ids = CaseStudyPage.objects.filter(pk__in=sorted(linked), province__region__in=regions).values("pk")
    return LinkTable(*ids.query.sql_with_params())


# What a news card shows (``news/includes/news_card.html``), as ``NewsPage`` attribute names.
CARD_FIELDS = ("page_ptr_id", "id", "title", "url_path", "locale_id", "date", "summary", "hero_image_id")


def _card_fields():
    """``CARD_FIELDS`` in the model's order, as ``Model.from_db`` reads values."""
    return [field.attname for field in NewsPage._meta.concrete_fields if field.attname in CARD_FIELDS]


def _card_rows(ids):
    return NewsPage.objects.filter(pk__in=ids).values_list(*_card_fields())


def news_cards(ids, request):
    """The news items with these ids, in this order, with their hero images and the cards' renditions (two
    queries, their SQL compiled once per process for each number of items: ``home.compiled_sql``); each item's
    ``card_url`` is its address, as ``{% pageurl %}`` gives it (``home.request_site.page_url``: no ``reverse()`` and
    no language switch per card)."""
    ids = list(ids)
    if not ids:
        return []
    db, fields = NewsPage.objects.db, _card_fields()
    cards = (NewsPage.from_db(db, fields, row) for row in compiled_sql.rows("news-cards", _card_rows, ids))
    found = {card.pk: card for card in cards}
    items = [found[pk] for pk in ids if pk in found]
    for item in items:
        item.card_url = page_url(request, item.url_path)
    prefetch_hero_renditions(items)
    return items


def detail_context(page):
    """The learning units, partners and tags of a news item, in the page's language (one query each), and its hero
    image with the renditions of the page and of its link preview (one query)."""
    locale_id = page.locale_id
    with_hero_renditions(page, HERO_RENDITIONS + (SHARE_RENDITION,))
    return {
        "index_page": page.get_parent(),
        "related_case_studies": pages_in_locale(linked_ids(page, "related_case_studies"), locale_id),
        "related_partners": snippets_in_locale(Partner, linked_ids(page, "partners"), locale_id),
        "tags": snippets_in_locale(NewsTag, linked_ids(page, "tags"), locale_id),
    }


def with_hero_renditions(page, specs):
    """Load ``page.hero_image`` together with its ``specs`` renditions in one query (renditions not made yet are
    made when asked for, as usual)."""
    if not page.hero_image_id or "hero_image" in page._state.fields_cache:
        return
    renditions = list(
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id=page.hero_image_id, filter_spec__in=specs)
        .select_related("image")
    )
    image = renditions[0].image if renditions else page.hero_image
    for rendition in renditions:
        rendition.image = image
    image.prefetched_renditions = renditions
    page.hero_image = image


@dataclass(frozen=True)
class NewsLink:
    """A news item as a list of links shows it."""

    title: str
    date: datetime.date
    url: str


def news_about(case_study, request, limit=5):
    """Live news items the public may see in the case study's language that name the case study (in any language
    version), newest first, as ``NewsLink``: one query, its SQL compiled once (``home.compiled_sql``)."""

    def build(locale_id, case_study_id, hidden):
        group = Page.objects.filter(pk=case_study_id).values("translation_key")
        return (
            NewsPage.objects.filter(locale_id=locale_id, live=True, related_case_studies__translation_key__in=group)
            .exclude(pk__in=hidden)
            .distinct()
            .order_by("-date", "-pk")
            .values_list("title", "date", "url_path")[:limit]
        )

    hidden = sorted(hidden_page_ids())  # as ``home.visibility.public_pages``
    rows = compiled_sql.rows(("news-about", limit), build, case_study.locale_id, case_study.pk, hidden)
    return [NewsLink(title, date, page_url(request, url_path)) for title, date, url_path in rows]
