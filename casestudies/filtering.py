"""Faceted filtering of case studies: which units match a selection, and how many each option would show.

Plain functions over plain data, so they are tested directly. Each unit is described by its facet
values (slugs, the same in every language); a selection holds at most one value per facet.
"""

from collections import Counter

FACETS = ("region", "province", "group", "occupation")
EMPTY = frozenset()


class UnitFacets:
    """The facet values of one case study: a region and a province (slugs, "" for none), target groups and
    occupations (frozensets of slugs)."""

    # A plain class with slots, each facet's values kept as a set from the start: the index builds one per unit on
    # every request and asks for their values several times each (issue 22: 200 units; a frozen dataclass building
    # its sets after ``__init__`` cost a tenth of the page).
    __slots__ = ("page_id", "region", "province", "groups", "occupations", "_sets")

    def __init__(self, page_id, region="", province="", groups=EMPTY, occupations=EMPTY):
        self.page_id, self.region, self.province = page_id, region, province
        self.groups, self.occupations = groups, occupations
        self._sets = {
            "region": frozenset((region,)) if region else EMPTY,
            "province": frozenset((province,)) if province else EMPTY,
            "group": groups,
            "occupation": occupations,
        }

    def __eq__(self, other):
        return isinstance(other, UnitFacets) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"UnitFacets{self._key()!r}"

    def _key(self):
        return (self.page_id, self.region, self.province, self.groups, self.occupations)

    def values(self, facet):
        """The unit's values for ``facet`` as a set (a unit has one region and province, many groups)."""
        return self._sets[facet]


def parse_selection(query, allowed):
    """Read the selection from a query dict; values not in ``allowed[facet]`` are dropped, never an error.

    Returns ``(selection, ignored)``: the valid ``{facet: value}`` and the names of facets whose value
    was not recognised (so the page can say so).
    """
    selection, ignored = {}, []
    for facet in FACETS:
        value = (query.get(facet) or "").strip()
        if not value:
            continue
        if value in allowed.get(facet, ()):
            selection[facet] = value
        else:
            ignored.append(facet)
    return selection, ignored


def matches(unit, selection, skip=None):
    """True if ``unit`` has every selected value (ignoring the facet ``skip``)."""
    return all(value in unit.values(facet) for facet, value in selection.items() if facet != skip)


def apply_selection(units, selection):
    """The units that match the whole selection, in their original order."""
    return [unit for unit in units if matches(unit, selection)]


def facet_counts(units, selection):
    """For each facet, how many units each value would show if chosen with the rest of the selection.

    One pass over the units: a unit counts for every facet when it matches the whole selection, for one facet when
    that facet's value is all it misses (as ``matches(unit, selection, skip=facet)``), else for none."""
    counts = {facet: Counter() for facet in FACETS}
    for unit in units:
        missed = [facet for facet, value in selection.items() if value not in unit.values(facet)]
        if not missed:
            for facet in FACETS:
                _count(counts[facet], unit.values(facet))
        elif len(missed) == 1:
            _count(counts[missed[0]], unit.values(missed[0]))
    return counts


def _count(counter, values):
    # ``Counter.update`` first asks whether its argument is a mapping (an ABC check): a tenth of the index's facets
    # at 200 units (issue 22). A unit's values are a set: each counts once.
    for value in values:
        counter[value] += 1
