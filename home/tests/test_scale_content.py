"""``manage.py generate_scale_content``: illustrative units, news and figures at (here, small) programme scale."""

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource

from casestudies.models import CaseStudyPage, Province
from home.app_modules import ContentOrderError, apps_with_module
from home.demo_data import pilot_slugs
from home.scale_content import NEWS_PREFIX, UNIT_PREFIX
from impact.factories import ILLUSTRATIVE
from impact.models import ImpactFigure, Indicator
from news.models import NewsPage

pytestmark = pytest.mark.django_db

UNITS, NEWS, QUARTERS = 3, 4, 2


@pytest.fixture
def generate(django_capture_on_commit_callbacks):
    """Run the command; wagtail-localize publishes each English translation on commit, which a test must run."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("generate_scale_content", units=UNITS, news=NEWS, quarters=QUARTERS, verbosity=0)

    return run


def units(language):
    return CaseStudyPage.objects.filter(locale__language_code=language, slug__startswith=UNIT_PREFIX)


def news(language):
    return NewsPage.objects.filter(locale__language_code=language, slug__startswith=NEWS_PREFIX)


def scale_figures():
    return ImpactFigure.objects.filter(page__in=units("th"))


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        TranslationSource.objects.count(),
        ImpactFigure.objects.count(),
        Province.objects.count(),
    )


# One test for what a run makes and for a second run adding nothing: each run of the command takes tens of seconds
# (77 provinces and every page translated through wagtail-localize), so the first run is not made twice.
@pytest.mark.heavy
def test_generated_units_news_and_figures_and_a_second_run_adds_nothing(client, generate):
    generate()

    for language in ("th", "en"):
        assert units(language).filter(live=True).count() == UNITS, language
        assert news(language).filter(live=True).count() == NEWS, language
        assert Province.objects.filter(locale__language_code=language).count() == 77, language
    # Units are spread over different provinces, are labelled illustrative and none of them is a pilot.
    assert units("th").values("province").distinct().count() == UNITS
    assert not units("th").filter(slug__in=pilot_slugs().values()).exists()
    assert not units("th").filter(is_pilot=True).exists() and not units("en").filter(is_pilot=True).exists()
    home = client.get("/th/").content.decode()
    assert "scale-unit-" not in home.split('id="home-pilots-heading"')[1].split("</section>")[0]
    for unit in units("en"):
        assert unit.title.startswith("Illustrative unit"), unit.title
    for unit in units("th"):
        assert "ตัวอย่าง" in unit.title, unit.title
    # One figure per indicator, unit and quarter, every one of them illustrative.
    indicators = Indicator.objects.filter(locale__language_code="th").count()
    assert indicators == 14
    assert scale_figures().count() == indicators * UNITS * QUARTERS
    assert scale_figures().filter(**ILLUSTRATIVE).count() == scale_figures().count()
    assert scale_figures().values("period_start").distinct().count() == QUARTERS

    for page in [*units("th")[:1], *units("en")[:1], *news("th")[:1], *news("en")[:1]]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    english_unit = units("en").order_by("slug").first()
    assert english_unit.title in client.get("/en/case-studies/").content.decode()

    # A second run with the same numbers adds nothing.
    before = snapshot()
    generate()
    assert snapshot() == before


def test_scale_modules_run_after_what_they_refer_to():
    order = [config.label for config in apps_with_module("scale")]
    assert set(order) == {"casestudies", "news", "impact"}
    assert order.index("casestudies") < order.index("news")
    assert order.index("casestudies") < order.index("impact")


def test_a_circle_in_demo_after_is_refused(monkeypatch, generate):
    from django.apps import apps

    monkeypatch.setattr(apps.get_app_config("casestudies"), "demo_after", ("news",), raising=False)
    with pytest.raises(ContentOrderError):
        apps_with_module("scale")
    with pytest.raises(CommandError):
        generate()
