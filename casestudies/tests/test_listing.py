"""``casestudies.listing``: the case-study index's counts and cards as the database works them out agree with the
rules of ``casestudies.filtering`` applied to every unit in Python, whatever the selection and page."""

import itertools

import pytest

from casestudies import filtering
from casestudies.factories import case_study, thai_index
from casestudies.listing import ListingQuery, listing
from casestudies.models import CaseStudyPage, TargetGroup
from home.visibility import hidden_page_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    """The demo's units and six more over two provinces, groups and occupations; a draft and one in a language
    version of a term (linked to the Thai and the English term of one slug: it counts once)."""
    index = thai_index()
    for number, (province, groups, occupations) in enumerate(
        [
            ("lampang", ("youth",), ("mat-weaving",)),
            ("lampang", ("youth", "people-with-disabilities"), ()),
            ("bueng-kan", (), ("mat-weaving",)),
            ("kanchanaburi", ("people-with-disabilities",), ()),
            ("kanchanaburi", (), ()),
            ("bueng-kan", ("youth",), ("mat-weaving",)),
        ]
    ):
        case_study(index, f"listing-unit-{number}", province=province, groups=groups, occupations=occupations)
    case_study(index, "listing-draft", live=False, province="lampang")
    twice = CaseStudyPage.objects.get(slug="listing-unit-0")
    twice.target_groups.add(*TargetGroup.objects.filter(slug="youth"))
    return index


def reference(index):
    """Every public unit below ``index`` as ``filtering.UnitFacets``, in tree order, read one by one."""
    hidden = hidden_page_ids()
    found = []
    for page in CaseStudyPage.objects.child_of(index).live().order_by("path"):
        if page.pk in hidden:
            continue
        found.append(
            filtering.UnitFacets(
                page.pk,
                page.province.region if page.province else "",
                page.province.slug if page.province else "",
                frozenset(page.target_groups.values_list("slug", flat=True)),
                frozenset(page.occupations.values_list("slug", flat=True)),
            )
        )
    return found


def listed(index, selection, first=0, count=100, hidden=None):
    asked = ListingQuery(index.locale_id, index.pk, index.depth + 1, selection, first, count)
    return listing(asked, hidden_page_ids() if hidden is None else hidden)


def test_counts_and_cards_agree_with_the_rules_for_every_selection(units, django_assert_num_queries):
    expected_units = reference(units)
    assert len(expected_units) == 9
    values = {
        facet: sorted(set().union(*(unit.values(facet) for unit in expected_units))) for facet in filtering.FACETS
    }
    choices = [[None, *values[facet][:2], "no-such-value"] for facet in filtering.FACETS]
    hidden = hidden_page_ids()
    for chosen in itertools.product(*choices):
        selection = {facet: value for facet, value in zip(filtering.FACETS, chosen, strict=True) if value}
        with django_assert_num_queries(1):
            found = listed(units, selection, hidden=hidden)
        expected = filtering.facet_counts(expected_units, selection)
        for facet in filtering.FACETS:
            counts = found.counts[facet]
            assert {value: counts.shown(value) for value in values[facet]} == {
                value: expected[facet].get(value, 0) for value in values[facet]
            }, (selection, facet)
            assert counts.used() == set(values[facet])
        matched = [unit.page_id for unit in filtering.apply_selection(expected_units, selection)]
        assert [card.pk for card in found.cards] == matched and found.matched(selection) == len(matched), selection


def test_a_page_of_cards_is_its_slice_of_the_units_that_match(units):
    matched = [unit.page_id for unit in reference(units)]
    for first in (0, 3, 6, 9):
        found = listed(units, {}, first, 3)
        assert [card.pk for card in found.cards] == matched[first : first + 3]
        assert set(found.links) <= set(matched[first : first + 3])  # the links of the cards shown only
    card = listed(units, {"province": "lampang"}, 0, 1).cards[0]
    page = CaseStudyPage.objects.get(pk=card.pk)
    assert (card.path, card.url_path, card.title, card.summary, card.hero_image_id, card.province_id) == (
        page.path,
        page.url_path,
        page.title,
        page.summary,
        page.hero_image_id,
        page.province_id,
    )
    found = listed(units, {"occupation": "mat-weaving"})
    assert found.cards
    for card in found.cards:
        page = CaseStudyPage.objects.get(pk=card.pk)
        linked = {
            "group": set(page.target_groups.values_list("slug", flat=True)),
            "occupation": set(page.occupations.values_list("slug", flat=True)),
        }
        assert found.links[card.pk] == {facet: slugs for facet, slugs in linked.items() if slugs}


def test_drafts_and_private_units_are_neither_counted_nor_listed(units):
    from wagtail.models import PageViewRestriction

    private = CaseStudyPage.objects.get(slug="listing-unit-1")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    found = listed(units, {})
    shown = {card.pk for card in found.cards}
    assert private.pk not in shown and not CaseStudyPage.objects.filter(slug="listing-draft", pk__in=shown).exists()
    assert found.total == len(reference(units)) == 8
