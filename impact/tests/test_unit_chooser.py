"""Issue 22: the unit choosers of the impact pages list every unit while they are few, else one region's units
(chosen first) and the units already chosen (``casestudies.choosers``)."""

from dataclasses import dataclass

import pytest

from django.utils import translation

from casestudies.choosers import UNIT_OPTIONS_MAX, unit_chooser


@dataclass
class Unit:
    slug: str
    region: str


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def units(count, regions=("north", "south", "")):
    return [Unit(f"u{number:03}", regions[number % len(regions)]) for number in range(count)]


def choose(items, region="", chosen=()):
    return unit_chooser(items, lambda u: u.region, lambda u: u.slug, region, chosen)


def slugs(chooser):
    return [unit.slug for _label, members in chooser.groups for unit in members]


def test_few_units_are_all_listed_by_region():
    chooser = choose(units(UNIT_OPTIONS_MAX), region="north")
    assert chooser.regions == [] and chooser.region is None and chooser.count == UNIT_OPTIONS_MAX
    assert [str(label) for label, _members in chooser.groups] == ["North", "South", ""]  # no region last


def test_many_units_list_none_until_a_region_is_chosen():
    chooser = choose(units(200))
    assert chooser.count == 0
    assert [value for value, _label in chooser.regions] == ["north", "south"]


def test_a_region_lists_its_units_and_those_chosen():
    chooser = choose(units(200), region=" north ", chosen=("u001", "u002"))
    assert chooser.region == "north" and str(chooser.region_label) == "North"
    listed = slugs(chooser)
    assert "u001" in listed and "u002" in listed  # chosen in the South and in no region: still listed, still chosen
    assert len(listed) == 67 + 2
    assert {unit.region for _label, members in chooser.groups for unit in members} == {"north", "south", ""}


def test_an_unknown_region_is_ignored_and_reported():
    for asked in ("nowhere", "east", "North", "<b>"):  # not a region, or one without units, or not its value
        chooser = choose(units(200), region=asked, chosen=("u005",))
        assert chooser.region is None and chooser.ignored_region
        assert slugs(chooser) == ["u005"]
    assert not choose(units(200), region="").ignored_region
