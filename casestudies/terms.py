"""Taxonomy terms by slug in the reader's language, in one query per taxonomy.

A translated case study keeps pointing at the Thai target groups and occupations (wagtail-localize
synchronises many-to-many fields as they are); their names in the reader's language come from
``home.localisation.in_locale``, or from this module when terms are looked up by their shared slug.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, DecimalField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast

from home import compiled_sql
from home.models import Partner

from .models import CaseStudyPage, CaseStudyToolkitStep, Occupation, Province, TargetGroup


def terms_by_slug(model, locale):
    """``{slug: term}`` for every term of ``model``: the ``locale`` version where there is one, else another."""
    terms = {}
    for term in model.objects.order_by("pk"):
        if term.slug not in terms or term.locale_id == locale.pk:
            terms[term.slug] = term
    return terms


@dataclass(slots=True, unsafe_hash=True)
class Term:
    """A province, target group or occupation as readers see it (only what pages show of it). Compared and hashed
    by its fields, never changed once made (not frozen: a frozen dataclass's ``__init__`` cost a tenth of the
    index page's taxonomy at 200 units, 162 terms per request)."""

    pk: int
    locale_id: int
    slug: str
    name: str
    region: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass(frozen=True)
class PartnerRow:
    """A partner as a case study names it (only what its page shows, and what picks its language version)."""

    pk: int
    locale_id: int
    translation_key: str
    name: str
    short_name: str
    website: str
    sort_order: int


@dataclass
class UnitRow:
    """Another live case study in the language, as a card shows it (``hero_image`` is set by the renditions' read)."""

    pk: int
    path: str
    url_path: str
    title: str
    summary: str
    hero_image_id: int | None
    province_id: int | None
    hero_image: object = None


@dataclass
class Taxonomy:
    """Every term by slug in one language, and the terms each of some case studies is linked to."""

    provinces: dict  # {slug: Term}, as ``terms_by_slug``
    groups: dict
    occupations: dict
    slugs: dict  # {(kind, pk): slug} of every term, any language
    links: dict  # {page_id: {"group" | "occupation": [Term linked, any language]}}
    step_ids: dict  # {page_id: [toolkit step page id, in the editors' order]}
    partner_ids: dict  # {page_id: [partner id]}
    partners: list = field(default_factory=list)  # [PartnerRow] linked, and their versions in the language
    units: list = field(default_factory=list)  # [UnitRow] of every live case study in the language, in tree order

    def province_of(self, page):
        """The page's province in this language (else as linked), or None."""
        slug = self.slugs.get(("province", page.province_id))
        return self.provinces.get(slug) if slug else None

    def terms_of(self, page_id, kind):
        """The ``kind`` terms page ``page_id`` is linked to, in this language where translated (else as linked),
        in the order of the linked terms' names (as ``in_locale(page.target_groups.all(), locale)``)."""
        local = self.groups if kind == "group" else self.occupations
        linked = sorted(self.links.get(page_id, {}).get(kind, ()), key=lambda term: term.name)
        return [local.get(term.slug, term) for term in linked]


_TERMS = {"province": Province, "group": TargetGroup, "occupation": Occupation}
_LINKS = {"group": (CaseStudyPage.target_groups.through, "targetgroup_id"), "occupation": (CaseStudyPage.occupations.through, "occupation_id")}  # fmt: skip
_TERM_MODELS = {"group": TargetGroup, "occupation": Occupation}
_LINK_KINDS = {f"{kind}-link": kind for kind in _LINKS}
# ``taxonomy(units=RELATED)``: the first ``RELATED_LIMIT`` live case studies in tree order (not the pages) that share
# a target group or an occupation with the page (a term of the same slug, any language), none of the hidden ones.
RELATED = "related"
RELATED_LIMIT = 3
_OTHER_LINKS = {"step": (CaseStudyToolkitStep, "page_id", "step_id", "sort_order"), "partner": (CaseStudyPage.partners.through, "casestudypage_id", "partner_id", Value(0))}  # fmt: skip


def _decimal(value):
    return value if value is None or isinstance(value, Decimal) else Decimal(str(value))


def taxonomy(locale_id, page_ids=(), other_links=False, units=False, hidden=()):
    """The ``Taxonomy`` of ``locale_id`` with the links of the case studies ``page_ids``, in one query.

    The three taxonomies and the link tables are read as one ``UNION ALL`` of rows of the same shape:
    ``(kind, pk, locale_id, slug, name, region, latitude, longitude, extra)``; a link to a term is
    ``(kind + "-link", page_id, term_id, "", "", "", NULL, NULL, "")``; with ``other_links``, a link to a toolkit
    step or a partner is ``("step-link" | "partner-link", page_id, linked_id, "", "", "", sort_order, link_id, "")``
    and a partner linked, or the version in ``locale_id`` of one, is
    ``("partner", pk, locale_id, translation_key, name, short_name, sort_order, NULL, website)``. With
    ``units=RELATED``, the case studies related to ``page_ids`` (see ``RELATED``; none of the page ids
    ``hidden``), without their links but with what their cards show:
    ``("unit", pk, locale_id, url_path, title, summary, hero_image_id, province_id, path)``: as many rows at 200
    units as at 3.
    """
    page_ids = list(page_ids)
    other_links = bool(other_links and page_ids)
    units = RELATED if units == RELATED and page_ids else None
    hidden = sorted(hidden) if units == RELATED else []
    rows = compiled_sql.rows(
        ("taxonomy", other_links, units),
        lambda *ids: _union(*ids, other_links, units),
        locale_id,
        page_ids,
        hidden,
    )
    terms = {kind: {} for kind in _TERMS}
    by_pk, slugs, link_rows, term_rows, other = {}, {}, [], [], {"step": {}, "partner": {}}
    partners, unit_rows = [], []
    for row in rows:  # only the terms need an order (by id: the first of a slug wins, ``terms_by_slug``)
        kind, pk, locale, slug, name, region, latitude, longitude, extra = row
        if kind in _TERMS:
            term_rows.append(row)
        elif kind in _LINK_KINDS:
            link_rows.append((_LINK_KINDS[kind], pk, locale))
        elif kind == "unit":  # its image and province ids come in the decimal columns
            hero = None if latitude is None else int(latitude)
            unit_rows.append(
                UnitRow(pk, extra, slug, name, region, hero, None if longitude is None else int(longitude))
            )
        elif kind == "partner":
            partners.append(PartnerRow(pk, locale, slug, name, region, extra, int(latitude)))
        else:  # "step-link", "partner-link"
            other[kind.removesuffix("-link")].setdefault(pk, []).append((latitude, longitude, locale))
    term_rows.sort(key=lambda row: row[:2])
    for kind, pk, locale, slug, name, region, latitude, longitude, _extra in term_rows:
        term = Term(pk, locale, slug, name, region, _decimal(latitude), _decimal(longitude))
        by_pk[kind, pk] = term
        slugs[kind, pk] = slug
        if slug not in terms[kind] or locale == locale_id:
            terms[kind][slug] = term
    links = {}
    for kind, page_id, term_id in link_rows:
        term = by_pk.get((kind, term_id))
        if term is not None:
            links.setdefault(page_id, {}).setdefault(kind, []).append(term)
    step_ids, partner_ids = ({page: [linked for *_order, linked in sorted(found)] for page, found in other[kind].items()} for kind in ("step", "partner"))  # fmt: skip
    partners.sort(key=lambda partner: (partner.sort_order, partner.pk))
    unit_rows.sort(key=lambda unit: unit.path)
    return Taxonomy(
        terms["province"], terms["group"], terms["occupation"], slugs, links, step_ids, partner_ids, partners, unit_rows
    )


def _related_units(live_units, page_ids, hidden):
    """The ``pk`` of the first ``RELATED_LIMIT`` of ``live_units`` in tree order (not ``page_ids``, not ``hidden``)
    linked to a target group or occupation of the same slug as one the pages ``page_ids`` are linked to."""
    shares = Q()
    for kind, (through, term_id) in _LINKS.items():
        linked = through.objects.filter(casestudypage_id__in=page_ids).values(term_id)
        slugs = _TERM_MODELS[kind].objects.filter(pk__in=linked).values("slug")
        term = term_id.removesuffix("_id")
        shares |= Exists(through.objects.filter(casestudypage_id=OuterRef("pk"), **{f"{term}__slug__in": slugs}))
    others = live_units.exclude(pk__in=[*page_ids, *hidden])
    return others.filter(shares).order_by("path").values("pk")[:RELATED_LIMIT]


def _union(locale_id, page_ids, hidden, other_links, units):
    """The queryset of ``taxonomy``'s rows (see there)."""
    text, number = CharField(), DecimalField(max_digits=7, decimal_places=4)
    blank, none = Value("", text), Value(None, number)
    parts = []
    for kind, model in _TERMS.items():
        place = ("region", "latitude", "longitude") if model is Province else (blank, none, none)
        parts.append(model.objects.order_by().values_list(Value(kind, text), "pk", "locale_id", "slug", "name", *place, blank))  # fmt: skip
    live_units = CaseStudyPage.objects.filter(locale_id=locale_id, live=True).order_by()
    if units == RELATED:
        shown = live_units.filter(pk__in=_related_units(live_units, page_ids, hidden))
        parts.append(shown.values_list(Value("unit", text), "pk", "locale_id", "url_path", "title", "summary", "hero_image_id", "province_id", "path"))  # fmt: skip
    if page_ids:
        for kind, (through, term_id) in _LINKS.items():
            parts.append(
                through.objects.filter(casestudypage_id__in=page_ids)
                .order_by()
                .values_list(
                    Value(f"{kind}-link", text), "casestudypage_id", term_id, blank, blank, blank, none, none, blank
                )  # fmt: skip
            )
    if other_links:
        for kind, (through, page_id, linked_id, order) in _OTHER_LINKS.items():
            parts.append(
                through.objects.filter(**{f"{page_id}__in": page_ids})
                .order_by()
                .values_list(Value(f"{kind}-link", text), page_id, linked_id, blank, blank, blank, order, "pk", blank)
            )
        partner_ids = CaseStudyPage.partners.through.objects.filter(casestudypage_id__in=page_ids).values("partner_id")
        keys = Partner.objects.filter(pk__in=partner_ids).values("translation_key")
        parts.append(
            Partner.objects.filter(Q(pk__in=partner_ids) | Q(locale_id=locale_id, translation_key__in=keys))
            .order_by()
            .values_list(
                Value("partner", text),
                "pk",
                "locale_id",
                Cast("translation_key", text),
                "name",
                "short_name",
                "sort_order",
                none,
                "website",
            )  # fmt: skip
        )
    return parts[0].union(*parts[1:], all=True)
