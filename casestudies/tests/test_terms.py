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


TERM_MODELS = ["casestudies.Province", "casestudies.TargetGroup", "casestudies.Occupation", "news.NewsTag"]


@pytest.mark.parametrize("label", TERM_MODELS)
def test_every_term_has_one_slug_per_language(label):
    """The constraint comes from ``TranslatableTerm`` and keeps each model's own name (no migration)."""
    import uuid

    from django.apps import apps
    from django.db import IntegrityError, transaction

    model = apps.get_model(label)
    name = f"unique_{model._meta.model_name}_slug_locale"
    assert name in {constraint.name for constraint in model._meta.constraints}
    copy = model.objects.filter(locale__language_code="th").first()
    copy.pk = copy.id = None
    copy.translation_key = uuid.uuid4()
    copy.name = "another name"
    with pytest.raises(IntegrityError, match="slug|unique|UNIQUE"), transaction.atomic():
        copy.save()


def test_every_term_admin_is_a_term_viewset():
    from casestudies.wagtail_hooks import CaseStudyTaxonomyGroup
    from home.term_admin import TermViewSet
    from news.wagtail_hooks import NewsTagViewSet

    for viewset in (*CaseStudyTaxonomyGroup.items, NewsTagViewSet):
        assert issubclass(viewset, TermViewSet)
        assert {"name", "slug"} <= set(viewset.list_display) and viewset.search_fields == ["name", "slug"]


def test_term_listings_open_in_the_admin(admin_client):
    for url in ("/admin/snippets/casestudies/province/", "/admin/snippets/news/newstag/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
