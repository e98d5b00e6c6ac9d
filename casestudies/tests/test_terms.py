import pytest

from wagtail.models import Locale

from casestudies.models import Occupation, TargetGroup
from casestudies.terms import terms_by_slug
from home.localisation import in_locale

pytestmark = pytest.mark.django_db


def test_in_locale_swaps_to_the_translation_and_keeps_order():
    english = Locale.objects.get(language_code="en")
    thai_groups = list(TargetGroup.objects.filter(locale__language_code="th").order_by("slug"))
    found = in_locale(thai_groups, english)
    assert [g.slug for g in found] == [g.slug for g in thai_groups]
    assert all(g.locale_id == english.pk for g in found)
    assert "Youth" in {g.name for g in found}


def test_untranslated_terms_fall_back_to_the_source(django_assert_num_queries):
    thai = Locale.objects.get(language_code="th")
    english = Locale.objects.get(language_code="en")
    new = Occupation.objects.create(locale=thai, name="จักสาน", slug="basketry")
    with django_assert_num_queries(1):
        assert in_locale([new], english) == [new]
    terms = terms_by_slug(Occupation, english)
    assert terms["basketry"].name == "จักสาน"
    assert terms["mat-weaving"].name == "Sedge-reed mat weaving"
    assert in_locale([], english) == []
