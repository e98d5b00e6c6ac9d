"""Issue 18: with every cache off, a case study, the case study index and the home page read a fixed number of
queries however many figures, news items, partners, toolkit steps, related units and images there are."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from casestudies.context import partners_of, toolkit_steps
from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage, CaseStudyToolkitStep, Occupation, Province, TargetGroup
from casestudies.terms import taxonomy, terms_by_slug
from home.localisation import in_locale
from home.models import Partner

pytestmark = pytest.mark.django_db

UNIT = "ban-pho-thong"


def _queries(client, path):
    client.get(path)  # warm: renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def _grow(count):
    """``count`` of everything a case study (``UNIT``) and the index show: units with images that share its terms,
    figures, news about it, partners and toolkit steps."""
    from impact.factories import figures_for
    from news.factories import news_item
    from news.factories import thai_index as news_index
    from toolkit.models import ToolkitStepPage

    index = thai_index()
    thai_unit = CaseStudyPage.objects.get(slug=UNIT, locale=index.locale)
    for i in range(count):
        case_study(
            index,
            f"more-{count}-{i}",
            hero_image=thai_unit.hero_image,
            hero_alt="ภาพ",
            groups=("youth", "informal-workers"),
            occupations=("mat-weaving",),
            province=["kanchanaburi", "lampang"][i % 2],
        )
    figures_for(thai_unit, 10 * count)
    for i in range(count):
        item = news_item(news_index(), f"about-{count}-{i}", datetime.date(2024, 1, i + 1))
        item.related_case_studies.add(thai_unit)
    for unit in CaseStudyPage.objects.filter(slug=UNIT):
        unit.partners.set(Partner.objects.filter(locale=unit.locale).order_by("pk")[:count])
        unit.save()
        for step in ToolkitStepPage.objects.filter(locale__language_code="th").order_by("path")[:count]:
            CaseStudyToolkitStep.objects.get_or_create(page=unit, step=step)


@pytest.mark.parametrize("language", ["th", "en"])
def test_cold_case_study_and_index_do_not_grow(client, caches_off, language):
    paths = [
        f"/{language}/case-studies/{UNIT}/",
        f"/{language}/case-studies/",
        f"/{language}/case-studies/?group=youth",
    ]
    _grow(1)
    before = {path: _queries(client, path) for path in paths}
    _grow(5)
    after = {path: _queries(client, path) for path in paths}
    assert after == before


def test_cold_case_study_page_specific_queries(client, caches_off):
    """A case study costs at most 6 queries more than a standard page: the route one level deeper, terms with
    links, partners and every unit in the language (for the related units), hero renditions, toolkit steps, figures,
    news (the floor is the standard page's; toolkit steps only when it links some)."""
    standard = _queries(client, "/th/about/")
    assert _queries(client, f"/th/case-studies/{UNIT}/") <= standard + 6
    assert _queries(client, "/th/case-studies/") <= standard + 3  # terms, the listing (counts, cards), renditions
    assert _queries(client, "/th/case-studies/?region=north") <= standard + 3


def test_taxonomy_is_one_query_and_matches_terms_by_slug(django_assert_num_queries):
    english = Locale.objects.get(language_code="en")
    unit = CaseStudyPage.objects.get(slug=UNIT, locale__language_code="en")
    with django_assert_num_queries(1):
        terms = taxonomy(english.pk, [unit.pk], other_links=True)
    for model, found in ((Province, terms.provinces), (TargetGroup, terms.groups), (Occupation, terms.occupations)):
        expected = terms_by_slug(model, english)
        assert {slug: term.name for slug, term in found.items()} == {slug: t.name for slug, t in expected.items()}
    assert terms.province_of(unit).name == unit.province.name
    for kind, linked in (("group", unit.target_groups.all()), ("occupation", unit.occupations.all())):
        expected = in_locale(linked, english)  # what the page showed before, two queries per taxonomy
        assert expected
        assert [(t.name, t.slug) for t in terms.terms_of(unit.pk, kind)] == [(t.name, t.slug) for t in expected]
        assert {t.locale_id for t in terms.terms_of(unit.pk, kind)} == {english.pk}
    assert terms.step_ids.get(unit.pk, []) == [link.step_id for link in unit.toolkit_steps.all()]
    assert set(terms.partner_ids.get(unit.pk, [])) == {p.pk for p in unit.partners.all()}


def test_partners_and_steps_in_the_readers_language(django_assert_num_queries):
    from toolkit.models import ToolkitStepPage

    unit = CaseStudyPage.objects.get(slug=UNIT, locale__language_code="en")
    thai_partners = list(Partner.objects.filter(locale__language_code="th"))
    thai_steps = list(ToolkitStepPage.objects.filter(locale__language_code="th").order_by("path")[:2])
    unit.partners.set(thai_partners)
    unit.save()
    with django_assert_num_queries(1):  # the partners come with the terms
        partners = partners_of(unit, taxonomy(unit.locale_id, [unit.pk], other_links=True))
    assert {p.locale_id for p in partners} == {unit.locale_id}
    assert len(partners) == len(thai_partners)
    with django_assert_num_queries(2):  # and the restrictions, which a request reads once for all (home.visibility)
        steps = toolkit_steps(unit, [s.pk for s in reversed(thai_steps)])
    assert [s.translation_key for s in steps] == [s.translation_key for s in reversed(thai_steps)]
    assert {s.locale_id for s in steps} == {unit.locale_id}
    # A step that is not live in any language is left out.
    ToolkitStepPage.objects.filter(translation_key=thai_steps[0].translation_key).update(live=False)
    assert [s.translation_key for s in toolkit_steps(unit, [s.pk for s in thai_steps])] == [
        thai_steps[1].translation_key
    ]
