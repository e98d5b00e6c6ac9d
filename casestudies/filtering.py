"""Faceted filtering of case studies: which units match a selection, and how many each option would show.

Plain functions over plain data, so they are tested directly. Each unit is described by its facet
values (slugs, the same in every language); a selection holds at most one value per facet.
"""

from collections import Counter
from dataclasses import dataclass, field

FACETS = ("region", "province", "group", "occupation")


@dataclass(frozen=True)
class UnitFacets:
    """The facet values of one case study."""

    page_id: int
    region: str = ""
    province: str = ""
    groups: frozenset = field(default_factory=frozenset)
    occupations: frozenset = field(default_factory=frozenset)

    def __post_init__(self):
        # Each facet's values as a set, made once: the index asks for them several times per unit (issue 22: 200 units).
        region, province = (frozenset((value,)) if value else frozenset() for value in (self.region, self.province))
        sets = dict(zip(FACETS, (region, province, self.groups, self.occupations), strict=True))
        object.__setattr__(self, "_sets", sets)

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
                counts[facet].update(unit.values(facet))
        elif len(missed) == 1:
            counts[missed[0]].update(unit.values(missed[0]))
    return counts
