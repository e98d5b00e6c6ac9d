"""``SameLanguagePageForm``: the case study and news forms offer only objects in the page's own language."""

import pytest

from django.contrib.auth import get_user_model

from casestudies.models import CaseStudyPage
from home.language_forms import SameLanguagePageForm
from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (CaseStudyPage, {"province", "target_groups", "occupations", "partners"}),
        (NewsPage, {"partners", "tags", "related_case_studies"}),
    ],
)
@pytest.mark.parametrize("language", ["th", "en"])
def test_choices_are_in_the_pages_language(model, fields, language):
    page = model.objects.filter(locale__language_code=language).first()
    form_class = model.get_edit_handler().get_form_class()
    assert issubclass(form_class, SameLanguagePageForm) and set(form_class.same_language_fields) == fields
    user = get_user_model().objects.filter(is_superuser=True).first()
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    for name in fields:
        offered = form.fields[name].queryset
        assert offered.exists(), name
        assert set(offered.values_list("locale__language_code", flat=True)) == {language}, name
    # A new page takes its parent's language.
    new = form_class(instance=model(), parent_page=page.get_parent(), for_user=user)
    assert set(new.fields["partners"].queryset.values_list("locale__language_code", flat=True)) == {language}
