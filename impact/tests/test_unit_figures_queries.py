"""Issue 18: a unit's figures and the home page's headline figures each cost one query, however many figures."""

import pytest

from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from impact.factories import figures_for
from impact.queries import indicators_in
from impact.unit_figures import case_study_figures, headline_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_request():
    """As during a request: the restrictions are read once for all (``home.visibility``), not counted here."""
    from home import request_memo, visibility

    request_memo.request_started()
    visibility.hidden_page_ids()
    yield
    request_memo.request_finished()


@pytest.mark.parametrize("language", ["th", "en"])
def test_headline_figures_in_one_query_named_in_the_language(in_request, django_assert_num_queries, language):
    locale = Locale.objects.get(language_code=language)
    catalogue = indicators_in(locale)
    with django_assert_num_queries(1):
        shown = headline_figures(locale)
    headline = [code for code, info in catalogue.items() if info.show_on_home]
    assert [figure.code for figure in shown] == headline  # catalogue order; the demo has figures for each
    assert [figure.name for figure in shown] == [catalogue[code].name for code in headline]


@pytest.mark.parametrize("language", ["th", "en"])
def test_unit_figures_in_one_query_whatever_their_number(django_assert_num_queries, language):
    locale = Locale.objects.get(language_code=language)
    page = CaseStudyPage.objects.filter(locale=locale).order_by("path").first()
    page.locale = locale  # as the page view does (casestudies.context.adopt_active_locale)
    source = CaseStudyPage.objects.get(translation_key=page.translation_key, locale__language_code="th")
    catalogue = indicators_in(locale)
    for count in (3, 40):
        figures_for(source, count)
        with django_assert_num_queries(1):
            shown = case_study_figures(page)
        assert len(shown) == len({figure.indicator_id for figure in source.impact_figures.all()})
        assert all(figure.name == catalogue[figure.code].name for figure in shown)
