"""The case-study index's units as the database counts and pages them (issue 22): how many units each filter option
would show, how many there are and match, and the page of cards with their target groups and occupations, in one
query of about a hundred rows however many units there are.

The rules are those of ``filtering`` (a unit matches a selection when it has every value chosen; an option counts
the units it would show with the rest of the selection), asked of the database: the units below the index are read
once (``u``), each marked with whether it has each value chosen (``m``), then counted per value of each facet with
``COUNT(*) FILTER (WHERE <the rest of the selection>)``; the cards are the page's slice of those that match, in tree
order. ``tests/test_listing.py`` checks the two agree for every selection.
"""

from dataclasses import dataclass, field

from django.db import connection

from wagtail.models import Page

from home import compiled_sql
from home.visibility import public_pages

from .filtering import FACETS
from .models import CaseStudyPage, Occupation, TargetGroup
from .terms import UnitRow

CARD_COLUMNS = ("pk", "path", "url_path", "title", "summary", "hero_image_id", "province_id")  # as terms.UnitRow

# ``u``: the public units below the index (``{units}``, SQL compiled from ``children``); ``m``: each unit with whether
# it has each value chosen (``{region_ok}`` and the like: a condition, or true when the facet is not chosen); ``c``:
# the page of cards. Each row: (kind, shown, every, value, *``CARD_COLUMNS``): a facet's value with the units it
# would show and the units that have it ("count-" + facet); a card ("unit"); a card's link to a target group or an
# occupation ("group-link" | "occupation-link", page id, NULL, slug). Links are always read from their tables by a
# unit's id (one index lookup each), never scanned in a join: the planner cannot tell how many units a path prefix
# holds (it guesses one), and a nested loop over all of them was 13 ms at 200 units.
_NO_CARD = "".join(f", CAST(NULL AS {kind})" for kind in ("integer", *["text"] * 4, "integer", "integer"))  # (typed)
_LINKED = """SELECT DISTINCT {unit}.id AS id, t.{{slug}} AS slug{flags} FROM {unit}
    JOIN {{{facet}_links}} AS k ON k.{{{facet}_unit}} = {unit}.id JOIN {{{facet}s}} AS t ON t.{{pk}} = k.{{{facet}_term}}"""
LINK_FACETS = ("group", "occupation")  # the facets of a unit's links to terms; the others are its own columns


def _count(facet):
    """The part of ``facet``: each of its values with the units it would show (those with the rest of the selection)
    and the units that have it."""
    rest = [other for other in FACETS if other != facet]
    if facet in LINK_FACETS:
        flags = "".join(f", m.{other}_ok" for other in rest)
        source, value = f"({_LINKED.format(unit='m', facet=facet, flags=flags)}) AS x", "slug"
    else:
        source, value = "m", facet
    shown = " AND ".join(f"{other}_ok" for other in rest)
    select = f"SELECT 'count-{facet}', COUNT(*) FILTER (WHERE {shown}), COUNT(*), {value}{_NO_CARD}"
    return f"{select}\n    FROM {source} GROUP BY {value}"


def _card_links(facet):
    """The part of the cards' links to ``facet``'s terms."""
    linked = _LINKED.format(unit="c", facet=facet, flags="")
    return f"SELECT '{facet}-link', id, NULL, slug{_NO_CARD} FROM ({linked}) AS x"  # noqa: S608 - names, no values


_CARDS = """SELECT 'unit', NULL, NULL, NULL, c.id, c.path, p.{url_path}, p.{title}, s.{summary}, s.{hero_image},
    c.province_id FROM c JOIN {pages} AS p ON p.{pk} = c.id JOIN {units_table} AS s ON s.{unit_pk} = c.id"""
_PARTS = "\nUNION ALL ".join([*map(_count, FACETS), _CARDS, *map(_card_links, LINK_FACETS)])
LISTING = f"""WITH u (id, path, province_id, province, region) AS ({{units}}),
m AS (SELECT u.*, {{region_ok}} AS region_ok, {{province_ok}} AS province_ok, {{group_ok}} AS group_ok,
    {{occupation_ok}} AS occupation_ok FROM u),
c AS (SELECT * FROM m WHERE region_ok AND province_ok AND group_ok AND occupation_ok ORDER BY path LIMIT %s OFFSET %s)
{_PARTS}"""  # noqa: S608 - names from the models' metadata, values as parameters
_HAS = (
    "EXISTS (SELECT 1 FROM {{{facet}_links}} AS k JOIN {{{facet}s}} AS t ON t.{{pk}} = k.{{{facet}_term}}"
    " WHERE k.{{{facet}_unit}} = u.id AND t.{{slug}} = %s)"
)
_CONDITIONS = {
    "region": "u.region = %s",
    "province": "u.province = %s",
    "group": _HAS.format(facet="group"),
    "occupation": _HAS.format(facet="occupation"),
}


@dataclass(frozen=True)
class ListingQuery:
    """What the index asks: the public children at ``depth`` of the index ``index_id`` in ``locale_id``, the
    ``selection`` (``{facet: value}``) and the cards ranked ``first`` + 1 to ``first`` + ``count`` in tree order among
    the units that match."""

    locale_id: int
    index_id: int
    depth: int
    selection: dict
    first: int
    count: int


@dataclass
class Counts:
    """Of one facet: ``{value: (units shown if chosen with the rest of the selection, units with it)}`` (a unit
    without a province: value None)."""

    values: dict = field(default_factory=dict)

    def shown(self, value):
        return self.values.get(value, (0, 0))[0]

    def used(self):
        """The values some unit has."""
        return {value for value, (_shown, every) in self.values.items() if every and value is not None}


@dataclass
class Listing:
    """What the index lists: ``counts`` (``{facet: Counts}``), the page's ``cards`` (``terms.UnitRow`` in tree order)
    and each card's target groups and occupations by slug (``links``: ``{page id: {"group" | "occupation": {slug}}}``).
    """

    counts: dict
    cards: list
    links: dict

    @property
    def total(self):
        """How many units there are (with or without a province)."""
        return sum(every for _shown, every in self.counts["region"].values.values())

    def matched(self, selection):
        """How many units match ``selection`` (those of the region chosen, else of every region)."""
        if "region" in selection:
            return self.counts["region"].shown(selection["region"])
        return sum(shown for shown, _every in self.counts["region"].values.values())


def children(locale_id, index_id, hidden, depth):
    """The public case studies in ``locale_id`` directly below the index ``index_id`` (at ``depth``, its path read
    by the query itself: ``compiled_sql.below``), as the columns of ``u`` in ``LISTING``."""
    pages = compiled_sql.below(CaseStudyPage, index_id, depth).filter(locale_id=locale_id)
    return (
        public_pages(pages, hidden)
        .order_by()
        .values_list("pk", "path", "province_id", "province__slug", "province__region")
    )


def _sql(units, selected):
    """``LISTING`` over the units' SQL ``units``, the facets ``selected`` chosen, tables and columns named from the
    models' metadata."""
    quote = connection.ops.quote_name
    names = {}
    links = (("group", TargetGroup, CaseStudyPage.target_groups), ("occupation", Occupation, CaseStudyPage.occupations))
    for facet, model, relation in links:
        through = relation.through
        names[f"{facet}_links"] = quote(through._meta.db_table)
        names[f"{facet}_unit"] = quote(through._meta.get_field("casestudypage").column)
        names[f"{facet}_term"] = quote(through._meta.get_field(model._meta.model_name).column)
        names[f"{facet}s"] = quote(model._meta.db_table)
    names.update(slug=quote("slug"), pk=quote("id"), pages=quote(Page._meta.db_table))
    unit = CaseStudyPage._meta
    names.update(units_table=quote(unit.db_table), unit_pk=quote(unit.pk.column))
    names.update({name: quote(unit.get_field(name).column) for name in ("url_path", "title", "summary")})
    names["hero_image"] = quote(unit.get_field("hero_image").column)
    conditions = {
        f"{facet}_ok": _CONDITIONS[facet].format(**names) if facet in selected else "1 = 1" for facet in FACETS
    }
    return LISTING.format(units=units, **names, **conditions)


_SQL = {}


def listing(query, hidden):
    """The ``Listing`` of ``query`` (a ``ListingQuery``; ``hidden``: the ids ``hidden_page_ids()`` gives): one
    query, its SQL written once per process for each set of facets chosen."""
    units, params = compiled_sql.sql(
        ("listing-units", query.depth),
        lambda *ids: children(*ids, query.depth),
        query.locale_id,
        query.index_id,
        hidden,
    )
    selected = tuple(facet for facet in FACETS if facet in query.selection)
    key = (units, selected)
    if key not in _SQL:
        _SQL[key] = _sql(units, selected)
    values = [query.selection[facet] for facet in FACETS if facet in selected]
    with connection.cursor() as cursor:
        cursor.execute(_SQL[key], [*params, *values, query.count, query.first])
        rows = cursor.fetchall()
    counts = {facet: Counts() for facet in FACETS}
    cards, links = [], {}
    for kind, shown, every, value, *card in rows:
        if kind == "unit":
            cards.append(UnitRow(*card))
        elif kind.endswith("-link"):
            links.setdefault(shown, {}).setdefault(kind.removesuffix("-link"), set()).add(value)
        else:
            counts[kind.removeprefix("count-")].values[value] = (shown, every)
    cards.sort(key=lambda unit: unit.path)
    return Listing(counts, cards, links)
