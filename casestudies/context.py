"""Template context for the case study index (filters, cards, map) and a case study's own page.

Every list is built with a fixed number of queries, however many units there are: facet values come
from three flat queries, names from one query per taxonomy, images with their renditions prefetched.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home import thai_map
from home.hero_image import prefetch_hero_images
from home.localisation import in_locale, public_in_locale
from home.visibility import public_pages

from . import filtering
from .models import CaseStudyPage, Occupation, Province, Region, TargetGroup
from .terms import terms_by_slug

FACET_LABELS = {
    "region": _("Region"),
    "province": _("Province"),
    "group": _("Target group"),
    "occupation": _("Occupation"),
}


@dataclass
class Card:
    """A case study with its taxonomy names in the reader's language."""

    page: CaseStudyPage
    province: Province | None = None
    region_label: str = ""
    groups: list = field(default_factory=list)
    occupations: list = field(default_factory=list)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def live_case_studies(locale):
    """Case studies in ``locale`` that the public may see (``home.visibility``), in the editors' tree order."""
    return public_pages(CaseStudyPage.objects.filter(locale=locale)).order_by("path")


def unit_facets(queryset):
    """The ``UnitFacets`` of every page in ``queryset`` (three queries)."""
    rows = list(queryset.values_list("pk", "province__slug", "province__region"))
    ids = [pk for pk, _slug, _region in rows]
    groups, occupations = {}, {}
    for pk, slug in CaseStudyPage.target_groups.through.objects.filter(casestudypage_id__in=ids).values_list(
        "casestudypage_id", "targetgroup__slug"
    ):
        groups.setdefault(pk, set()).add(slug)
    for pk, slug in CaseStudyPage.occupations.through.objects.filter(casestudypage_id__in=ids).values_list(
        "casestudypage_id", "occupation__slug"
    ):
        occupations.setdefault(pk, set()).add(slug)
    return [
        filtering.UnitFacets(
            pk,
            region or "",
            slug or "",
            frozenset(groups.get(pk, ())),
            frozenset(occupations.get(pk, ())),
        )
        for pk, slug, region in rows
    ]


def _names(slugs, terms):
    return sorted((terms[s] for s in slugs if s in terms), key=lambda t: t.name)


def index_context(index_page, request):
    """Filters, the paginated cards, the map marks and the text list of units for the index page."""
    locale = index_page.locale
    queryset = live_case_studies(locale).child_of(index_page)
    units = unit_facets(queryset)
    provinces = terms_by_slug(Province, locale)
    groups = terms_by_slug(TargetGroup, locale)
    occupations = terms_by_slug(Occupation, locale)
    region_labels = dict(Region.choices)

    allowed = {"region": region_labels, "province": provinces, "group": groups, "occupation": occupations}
    selection, ignored = filtering.parse_selection(request.GET, allowed)
    matched = filtering.apply_selection(units, selection)
    counts = filtering.facet_counts(units, selection)

    # Options: every value some unit has, with how many units it would show alongside the rest of the selection.
    used = {facet: set() for facet in filtering.FACETS}
    for unit in units:
        for facet in filtering.FACETS:
            used[facet] |= unit.values(facet)

    def options(facet, ordered_values, label):
        chosen = selection.get(facet)
        return [
            Option(value, label(value), counts[facet].get(value, 0), value == chosen)
            for value in ordered_values
            if value in used[facet] or value == chosen
        ]

    filters = [
        ("region", options("region", region_labels, lambda v: region_labels[v])),
        (
            "province",
            options("province", sorted(provinces, key=lambda s: provinces[s].name), lambda v: provinces[v].name),
        ),
        ("group", options("group", sorted(groups, key=lambda s: groups[s].name), lambda v: groups[v].name)),
        (
            "occupation",
            options(
                "occupation", sorted(occupations, key=lambda s: occupations[s].name), lambda v: occupations[v].name
            ),
        ),
    ]
    labels = {facet: {o.value: o.label for o in opts} for facet, opts in filters}
    active = [
        {
            "facet": FACET_LABELS[facet],
            "label": labels[facet].get(value, value),
            "remove_query": urlencode({k: v for k, v in selection.items() if k != facet}),
        }
        for facet, value in selection.items()
    ]

    pages = {
        p.pk: p
        for p in CaseStudyPage.objects.filter(pk__in=[u.page_id for u in matched])
        .select_related("hero_image")
        .defer_streamfields()
    }
    cards = []
    for unit in matched:
        page = pages.get(unit.page_id)
        if page is None:
            continue
        cards.append(
            Card(
                page,
                provinces.get(unit.province),
                region_labels.get(unit.region, ""),
                _names(unit.groups, groups),
                _names(unit.occupations, occupations),
            )
        )

    paginator = Paginator(cards, index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    prefetch_hero_images([card.page for card in page_obj.object_list])

    marks = thai_map.place_marks(
        [card for card in cards if card.province is not None],
        lambda card: (card.province.latitude, card.province.longitude),
    )
    by_region = []
    for value, label in Region.choices:
        in_region = [card for card in cards if card.province is not None and card.province.region == value]
        if in_region:
            by_province = {}
            for card in sorted(in_region, key=lambda c: (c.province.name, c.page.title)):
                by_province.setdefault(card.province, []).append(card)
            by_region.append((label, list(by_province.items())))

    return {
        "filters": [(facet, FACET_LABELS[facet], opts) for facet, opts in filters],
        "selection": selection,
        "ignored_filters": [FACET_LABELS[f] for f in ignored],
        "active_filters": active,
        "filter_query": urlencode(selection),
        "total_units": len(units),
        "result_count": len(cards),
        "cards": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "map": {
            "view_box": thai_map.view_box(),
            "outline": thai_map.outline_path(),
            "marks": marks,
            "region_labels": [
                (region_labels[key], *thai_map.project(*position)) for key, position in thai_map.REGION_LABELS.items()
            ],
        },
        "units_by_region": by_region,
    }


def related_case_studies(page, groups, occupations, limit=3):
    """Other live case studies in the page's language that share one of ``groups`` or ``occupations``."""
    if not groups and not occupations:
        return []
    related = (
        live_case_studies(page.locale)
        .exclude(pk=page.pk)
        .filter(
            Q(target_groups__slug__in=[g.slug for g in groups]) | Q(occupations__slug__in=[o.slug for o in occupations])
        )
        .distinct()
        .select_related("province", "hero_image")
        .defer_streamfields()[:limit]
    )
    return list(related)


def toolkit_steps(page):
    """The toolkit steps the unit illustrates, in the reader's language where translated; public pages only."""
    return public_in_locale(
        [link.step for link in page.toolkit_steps.select_related("step")], page.locale, include_aliases=True
    )


def detail_context(page, request):
    """Taxonomy names in the page's language, related case studies and toolkit steps.

    The unit's impact figures and news come from their own apps' template tags (``impact_tags``, ``news_tags``).
    """
    locale = page.locale
    provinces = terms_by_slug(Province, locale)
    groups, occupations = list(page.target_groups.all()), list(page.occupations.all())
    related = related_case_studies(page, groups, occupations)
    prefetch_hero_images(related)
    province = provinces.get(page.province.slug) if page.province_id else None
    return {
        "index_page": page.get_parent(),
        "province": province,
        "region_label": dict(Region.choices).get(province.region, "") if province else "",
        "target_groups": in_locale(groups, locale),
        "occupations": in_locale(occupations, locale),
        "partners": in_locale(page.partners.all(), locale),
        "related": [Card(p, provinces.get(p.province.slug) if p.province_id else None) for p in related],
        "toolkit_steps": toolkit_steps(page),
    }
