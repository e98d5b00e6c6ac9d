"""Template context for the case study index (filters, cards, map) and a case study's own page.

Every list is built with a fixed number of queries, however many units there are (issue 18: with every cache
off). The index: one query for every term (``terms.taxonomy``), one for what the database counts and pages of
its units (``listing``: each filter option's count, the page of cards and their links), the renditions of the
cards' images. A case study: the terms with its links (to terms, toolkit steps and partners),
related units, one query for the renditions of its own and the related units' hero images, partners, steps.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from urllib.parse import quote_plus, urlencode

from pythainlp.util import collate

from django.core.paginator import Paginator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Locale, Page

from home import thai_map
from home.hero_image import card_pictures
from home.query_parameters import SLUG
from home.request_site import page_url
from home.seo import SHARE_RENDITION
from home.translations import relative_page_url
from home.visibility import hidden_page_ids, public_pages

from . import filtering
from .listing import ListingQuery, listing
from .models import CaseStudyPage, Province, Region
from .terms import RELATED, Term, taxonomy

# The renditions of a case study's own hero image (``fill-{640x320,1200x600} format-webp`` in its template).
HERO_RENDITIONS = ("fill-640x320|format-webp", "fill-1200x600|format-webp")

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
    url: str = ""  # the page's URL, worked out once (on the index, relative to it: ``relative_to``)


LIST_UNFOLDED = 12  # provinces (of several regions) beyond which the map and its list link regions, not provinces
# Provinces with units beyond which the province filter lists only the provinces of one region (chosen first).
PROVINCE_OPTIONS_MAX = 12


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""  # a province's region: the ``<optgroup>`` it is listed under


def live_case_studies(locale):
    """Case studies in ``locale`` that the public may see (``home.visibility``), in the editors' tree order."""
    return public_pages(CaseStudyPage.objects.filter(locale=locale)).order_by("path")


def index_card(page, terms, linked, region_labels, index_url, request):
    """The index's ``Card`` of ``page`` (a ``terms.UnitRow`` of a ``listing.Listing``), named from ``terms`` (a
    ``Taxonomy``): ``linked`` its target groups and occupations (``{"group" | "occupation": {slug}}``)."""
    province = terms.province_of(page)
    return Card(
        page,
        province,
        region_labels.get(province.region, "") if province else "",
        _names(linked.get("group", ()), terms.groups),
        _names(linked.get("occupation", ()), terms.occupations),
        url=relative_to(index_url, page_url(request, page.url_path)),
    )


def relative_to(index_url, url):
    """``url`` relative to the index at ``index_url`` (which ends with a slash) when it is one of its children's,
    "unit-slug/" (issue 22: a page of cards in fewer bytes); else as it is."""
    return url[len(index_url) :] if url and index_url and url.startswith(index_url) else url


def _names(slugs, terms):
    return sorted((terms[s] for s in slugs if s in terms), key=lambda t: t.name)


class _Slugs:
    """Whatever could be a slug: a value read before the terms are (``parse_selection``), checked against them after."""

    def __contains__(self, value):
        return bool(SLUG.fullmatch(value))


SLUGS = _Slugs()


def _page_number(text):
    """The page asked for, 1 for what is no page number (``Paginator.get_page`` takes the last for one too far)."""
    try:
        return max(1, int(text or 1))
    except ValueError:
        return 1


def _listing(index_page, selection, number, hidden):
    """What the index lists on page ``number`` with ``selection`` chosen (``listing.Listing``): one query."""
    per_page = index_page.per_page
    asked = ListingQuery(
        index_page.locale_id, index_page.pk, index_page.depth + 1, selection, (number - 1) * per_page, per_page
    )
    return listing(asked, hidden)


def index_context(index_page, request):
    """Filters, the paginated cards, the map marks and the text list of units for the index page: what the database
    counted and paged (``listing``: one query with a valid selection and page, whatever the number of units)."""
    region_labels = dict(Region.choices)
    hidden = hidden_page_ids()
    allowed = {"region": region_labels, "province": SLUGS, "group": SLUGS, "occupation": SLUGS}
    selection, ignored = filtering.parse_selection(request.GET, allowed)
    number = _page_number(request.GET.get("page"))
    terms = taxonomy(index_page.locale_id)
    found = _listing(index_page, selection, number, hidden)
    provinces, groups, occupations = terms.provinces, terms.groups, terms.occupations
    counts = found.counts
    # A value no term has is ignored, as one that is no slug (read again without it: a bad address only).
    allowed = {"region": region_labels, "province": provinces, "group": groups, "occupation": occupations}
    unknown = [facet for facet, value in selection.items() if value not in allowed[facet]]
    ignored = [facet for facet in filtering.FACETS if facet in ignored or facet in unknown]
    asked = {facet: value for facet, value in selection.items() if facet not in unknown}
    used = {facet: counts[facet].used() for facet in filtering.FACETS}

    def provinces_region(slug):
        return provinces[slug].region

    # Options: every value some unit has, with how many units it would show alongside the rest of the selection.
    # With many provinces the province filter lists one region's (the one chosen, else the chosen province's): the
    # reader chooses a region first, as the news index's unit filter (issue 22: the options stay bounded).
    few_provinces = len(used["province"]) <= PROVINCE_OPTIONS_MAX
    province_region = asked.get("region")
    if not few_provinces and "province" in asked:
        chosen_region = provinces[asked["province"]].region
        if province_region is None:
            province_region = chosen_region
        elif chosen_region != province_region:
            del asked["province"]  # a province of another region, left chosen when the reader changed region
    if asked != selection:
        selection = asked
        found = _listing(index_page, selection, number, hidden)
        counts = found.counts
    result_count = found.matched(selection)
    paginator = Paginator(range(result_count), index_page.per_page)  # (a range: the cards come from the query)
    page_obj = paginator.get_page(number)
    if page_obj.number != number:  # past the last page: the last one's cards
        found = _listing(index_page, selection, page_obj.number, hidden)

    def options(facet, ordered_values, label, group=lambda value: ""):
        chosen = selection.get(facet)
        return [
            Option(value, label(value), counts[facet].shown(value), value == chosen, group(value))
            for value in ordered_values
            if value in used[facet] or value == chosen
        ]

    # Provinces by region (the regions' fixed order), then by name: one ``<optgroup>`` per region (with many
    # provinces, the provinces of one region, without a group: none before a region is chosen).
    by_name = names_in_order(provinces)
    if few_provinces:
        province_order = [
            slug
            for _label, slugs in Region.grouped(sorted(provinces, key=lambda s: by_name[s]), provinces_region)
            for slug in slugs
        ]
        province_group = lambda v: region_labels.get(provinces[v].region, "")  # noqa: E731
    else:
        province_order = sorted((s for s in provinces if provinces[s].region == province_region), key=by_name.get)
        province_group = lambda v: ""  # noqa: E731
    filters = [
        ("region", options("region", region_labels, lambda v: region_labels[v])),
        (
            "province",
            options("province", province_order, lambda v: provinces[v].name, province_group),
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

    # Only this page's cards are built (their URLs, names, images); the map and the list count units per province.
    index_url = relative_page_url(index_page, request)
    cards = [
        index_card(page, terms, found.links.get(page.pk, {}), region_labels, index_url, request) for page in found.cards
    ]
    card_pictures([card.page for card in cards])

    if "province" in selection:
        in_province = {selection["province"]: result_count} if result_count else {}
    else:
        in_province = {slug: shown for slug, (shown, _every) in counts["province"].values.items() if shown}
    places = province_places(in_province, provinces, by_name, selection)
    per_province = len(places) <= LIST_UNFOLDED or len({place.province.region for place in places}) == 1
    regions = region_links(places, selection)
    return {
        "index_url": index_url,
        "filters": [(facet, FACET_LABELS[facet], opts) for facet, opts in filters],
        # Many provinces and no region chosen: the province filter waits for a region (a hint says so).
        "region_first": not few_provinces and province_region is None,
        "selection": selection,
        "ignored_filters": [FACET_LABELS[f] for f in ignored],
        "active_filters": active,
        "filter_query": urlencode(selection),
        "total_units": found.total,
        "result_count": result_count,
        "cards": cards,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1),
        "map": {
            "view_box": thai_map.view_box(),
            "outline": thai_map.outline_path(),
            "marks": marks_html(map_marks(places, provinces), None if per_province else regions),
            "per_province": per_province,
            # With many provinces marked the marks cover the regions' names (the list names them instead).
            "region_labels": [
                (region_labels[key], *thai_map.project(*position)) for key, position in thai_map.REGION_LABELS.items()
            ]
            if len(places) <= LIST_UNFOLDED
            else [],
        },
        # The list beside the map: each region with its provinces' links, or (many provinces over several regions)
        # each region's link only, its provinces reached from there (issue 22: the list collapses).
        "places_by_region": [
            (label, list_links_html(in_region), count) for _value, label, in_region, count in places_by_region(places)
        ]
        if per_province
        else [],
        "region_links": [] if per_province else regions,
    }


@dataclass
class Place:
    """A province with some of the units shown: how many, and the query of the list narrowed to it."""

    province: Term
    count: int
    query: str

    @property
    def name(self):
        """The province and its number of units, escaped for HTML: the list's link text and the mark's name."""
        return f"{escape(self.province.name)} ({self.count})"


def names_in_order(terms):
    """``{slug: position}`` of ``terms`` by name in dictionary order (Thai names with their leading vowels set aside,
    as ``pythainlp.util.collate``; Latin ones A to Z)."""
    order = _collated(tuple(sorted({term.name for term in terms.values()})))
    return {slug: order[term.name] for slug, term in terms.items()}


@lru_cache(maxsize=16)
def _collated(names):
    """``{name: position}`` in dictionary order, kept per process (the same 77 provinces' names on every request)."""
    return {name: index for index, name in enumerate(collate(names))}


def province_places(per_province, provinces, by_name, selection):
    """A ``Place`` for each province with units that match (``per_province``: ``{slug: how many}``), by name
    (``by_name``): the map's marks and the list's links, as many as there are provinces however many units share
    them. Each links to the ``selection`` narrowed to its province (on the first page), without the region (the
    province's own, implied)."""
    counts = {slug: count for slug, count in per_province.items() if slug in provinces}
    # The same query for each of up to 77 places, the province last: the rest encoded once (issue 22).
    kept = {facet: value for facet, value in selection.items() if facet not in ("region", "province")}
    rest = urlencode(kept) + "&" if kept else ""
    return [
        Place(provinces[slug], counts[slug], f"{rest}province={quote_plus(slug)}")
        for slug in sorted(counts, key=by_name.get)
    ]


def map_marks(places, provinces):
    """``(Place, x, y)`` of the ``places`` that have a position, where ``home.thai_map.place_layout`` puts them
    among every province (laid out once: a province's mark is in the same spot whatever the filters)."""
    layout = thai_map.place_layout(
        tuple(
            (slug, term.latitude, term.longitude)
            for slug, term in sorted(provinces.items())
            if term.latitude is not None and term.longitude is not None
        )
    )
    return [(place, *layout[place.province.slug]) for place in places if place.province.slug in layout]


# The map's marks and the list's links are written here, not in a template loop (issue 22: 77 provinces at the
# programme's scale; ``format_html_join`` cost as much as the loop). A mark ``<use>``s the symbol of its count (a
# circle with the number, defined once per count: ``mark_symbols``) at whole SVG units (``place_layout`` keeps marks
# 24 apart, so rounding leaves them more than the circles' 22 apart). With one region or few provinces shown
# (``per_province``) each mark is a link named by its ``<title>`` (a tooltip too) as the list names it: the province
# and its number of units. Many provinces over several regions: the marks of a region make one link to the region's
# units, named as the list names the region (77 titled links were 12 KB; the reader narrows to a region first, as
# the province filter asks).


def mark_symbols(marks):
    """The symbols the ``marks`` use, one per count: ``#m3`` is a circle with 3 in it. A ``<use>``d copy takes
    no style from selectors, only what it inherits (the link's colours, the marks' font) and its own attributes."""
    return "".join(
        f'<g id="m{count}"><circle r="11"/><text fill="#fff" stroke="none" dy=".35em" aria-hidden="true">{count}'
        "</text></g>"
        for count in sorted({place.count for place, _x, _y in marks})
    )


def _use(place, x, y):
    return f'<use href="#m{place.count}" x="{round(x)}" y="{round(y)}"/>'


def marks_html(marks, regions=None):
    """The map's marks (``map_marks``) as SVG: a link per province, or with ``regions`` (``RegionLink``s) a link
    per region holding its provinces' marks."""
    if regions is None:
        links = (f'<a href="?{escape(p.query)}"><title>{p.name}</title>{_use(p, x, y)}</a>' for p, x, y in marks)
    else:
        links = (
            f'<a href="?{escape(region.query)}"><title>{escape(region.name)}</title>'
            + "".join(_use(p, x, y) for p, x, y in marks if p.province.region == region.value)
            + "</a>"
            for region in regions
        )
    return mark_safe(f"<defs>{mark_symbols(marks)}</defs>{''.join(links)}")


def list_links_html(places):
    """The list's links to the ``places`` (one region's), as HTML list items."""
    return mark_safe("".join(f'<li><a href="?{escape(p.query)}">{p.name}</a></li>' for p in places))


@dataclass
class RegionLink:
    """A region with some of the units shown: its name with their number, and the query narrowed to it."""

    value: str
    name: str
    query: str


def region_links(places, selection):
    """A ``RegionLink`` for each region of the ``places``, in the regions' fixed order: the ``selection`` narrowed
    to the region (a province chosen is dropped)."""
    kept = {facet: value for facet, value in selection.items() if facet not in ("region", "province")}
    return [
        RegionLink(
            value,
            ngettext("%(region)s region (%(counter)s unit)", "%(region)s region (%(counter)s units)", count)
            % {"region": label, "counter": count},
            urlencode({**kept, "region": value}),
        )
        for value, label, _in_region, count in places_by_region(places)
    ]


def places_by_region(places):
    """``[(region, region label, [Place], units)]`` in the regions' fixed order, regions without units left out."""
    by_region = []
    for value, label in Region.choices:
        in_region = [place for place in places if place.province.region == value]
        if in_region:
            by_region.append((value, label, in_region, sum(place.count for place in in_region)))
    return by_region


def toolkit_steps(page, step_ids):
    """The toolkit steps ``step_ids`` (linked from ``page``, in order) in the reader's language where translated;
    public pages only (as ``home.localisation.public_in_locale`` with aliases). One query: every public language
    version of the linked steps."""
    if not step_ids:
        return []
    linked_keys = Page.objects.filter(pk__in=step_ids).values("translation_key")
    versions = {p.pk: p for p in Page.objects.filter(translation_key__in=linked_keys)}
    hidden = hidden_page_ids()
    public = {pk for pk, p in versions.items() if p.live and pk not in hidden}  # as ``home.visibility.public_pages``
    local = {p.translation_key: p for pk, p in versions.items() if pk in public and p.locale_id == page.locale_id}
    linked = [versions[pk] for pk in step_ids if pk in versions]
    return [local.get(p.translation_key, p) for p in linked if p.translation_key in local or p.pk in public]


def partners_of(page, terms):
    """The partners linked from ``page`` in its language where translated, else as linked, in their order
    (``terms.partners``, a ``Taxonomy`` read with ``other_links``; no query)."""
    partner_ids = set(terms.partner_ids.get(page.pk, ()))
    if not partner_ids:
        return []
    local = {p.translation_key: p for p in terms.partners if p.locale_id == page.locale_id}
    return [local.get(p.translation_key, p) for p in terms.partners if p.pk in partner_ids]


def adopt_active_locale(page):
    """Give ``page`` the active ``Locale`` (read once per request, ``home.locale_memo``) when it is the page's own,
    so ``page.locale`` costs no query here, in the figures or in the news."""
    active = Locale.get_active()
    if active.pk == page.locale_id:
        page.locale = active


def detail_context(page, request):
    """Taxonomy names in the page's language, related case studies and toolkit steps.

    The unit's impact figures and news come from their own apps' template tags (``impact_tags``, ``news_tags``).
    Five queries: the terms, partners, related units, the renditions of every hero image, toolkit steps.
    """
    adopt_active_locale(page)
    terms = taxonomy(page.locale_id, [page.pk], other_links=True, units=RELATED, hidden=hidden_page_ids())
    groups, occupations = terms.terms_of(page.pk, "group"), terms.terms_of(page.pk, "occupation")
    # Other public units in tree order sharing a target group or an occupation with the page: the read left out the
    # page itself, drafts and hidden pages, and kept the first ``RELATED_LIMIT`` (none when the page has no terms).
    related = terms.units
    card_pictures(related, page, (*HERO_RENDITIONS, SHARE_RENDITION))
    province = terms.province_of(page)
    index_page = page.get_parent()
    return {
        "index_page": index_page,
        "index_url": relative_page_url(index_page, request),
        "province": province,
        "region_label": dict(Region.choices).get(province.region, "") if province else "",
        "target_groups": groups,
        "occupations": occupations,
        "partners": partners_of(page, terms),
        "related": [Card(p, terms.province_of(p), url=page_url(request, p.url_path)) for p in related],
        "toolkit_steps": toolkit_steps(page, terms.step_ids.get(page.pk, [])),
    }
