from collections import Counter
from itertools import product

from django.http import QueryDict

from casestudies.filtering import FACETS, UnitFacets, apply_selection, facet_counts, matches, parse_selection

UNITS = [
    UnitFacets(1, "west", "kanchanaburi", frozenset({"youth", "informal-workers"})),
    UnitFacets(2, "northeast", "bueng-kan", frozenset({"youth", "informal-workers"}), frozenset({"mat-weaving"})),
    UnitFacets(3, "north", "lampang", frozenset({"people-with-disabilities", "informal-workers"})),
]
ALLOWED = {
    "region": {"west", "northeast", "north"},
    "province": {"kanchanaburi", "bueng-kan", "lampang"},
    "group": {"youth", "informal-workers", "people-with-disabilities"},
    "occupation": {"mat-weaving"},
}


def ids(units):
    return [u.page_id for u in units]


def test_parse_keeps_known_values_and_reports_unknown_ones():
    selection, ignored = parse_selection(QueryDict("region=north&province=../../etc&group=99999&occupation="), ALLOWED)
    assert selection == {"region": "north"}
    assert ignored == ["province", "group"]


def test_parse_ignores_unrelated_parameters():
    assert parse_selection(QueryDict("page=abc&utm_source=x"), ALLOWED) == ({}, [])


def test_each_facet_filters():
    assert ids(apply_selection(UNITS, {"region": "north"})) == [3]
    assert ids(apply_selection(UNITS, {"province": "bueng-kan"})) == [2]
    assert ids(apply_selection(UNITS, {"group": "youth"})) == [1, 2]
    assert ids(apply_selection(UNITS, {"occupation": "mat-weaving"})) == [2]
    assert ids(apply_selection(UNITS, {})) == [1, 2, 3]


def test_facets_combine_with_and():
    assert ids(apply_selection(UNITS, {"group": "youth", "region": "west"})) == [1]
    assert ids(apply_selection(UNITS, {"group": "people-with-disabilities", "occupation": "mat-weaving"})) == []


def test_counts_show_what_each_option_would_give_with_the_rest_of_the_selection():
    counts = facet_counts(UNITS, {"group": "youth"})
    # The group facet ignores its own selection, so other groups keep their counts.
    assert counts["group"] == {"youth": 2, "informal-workers": 3, "people-with-disabilities": 1}
    # Other facets count only units with the selected group.
    assert counts["region"] == {"west": 1, "northeast": 1}
    assert counts["occupation"] == {"mat-weaving": 1}


def test_counts_in_one_pass_agree_with_matching_each_unit_without_the_facet():
    """Every selection of the units' values (and one value no unit has): each facet counts the units that match
    the rest of the selection, as ``matches(..., skip=facet)`` says."""
    choices = [[None, *sorted(values), "unknown"] for values in ALLOWED.values()]
    for chosen in product(*choices):
        selection = {facet: value for facet, value in zip(FACETS, chosen, strict=True) if value}
        counts = facet_counts(UNITS, selection)
        for facet in FACETS:
            expected = Counter(v for u in UNITS if matches(u, selection, skip=facet) for v in u.values(facet))
            assert counts[facet] == expected, (selection, facet)
