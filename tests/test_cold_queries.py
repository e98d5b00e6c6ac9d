"""Issue 18: with every cache off (a dummy Django cache, no page or fragment cache), each public page type renders
with at most 12 SQL queries, in both languages.

Slugs and query values come from the demo content (its data files and the database), not typed out here."""

from urllib.parse import urlencode

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

MAX_QUERIES = 12

PAGE_TYPES = [
    "home",
    "standard",
    "partners",
    "faq",
    "privacy",
    "case-study index",
    "case-study index, filtered",
    "case study",
    "toolkit",
    "toolkit step",
    "self-check form",
    "self-check result",
    "planner example",
    "planner, a plan",
    "impact, overview",
    "impact, an indicator",
    "impact, an indicator, units chosen",
    "impact, an indicator, a time chosen",
    "impact, compare two units",
    "data package",
    "figures.csv",
    "news index",
    "news article",
    "search",
    "sitemap",
    "sitemap of a section",
    "RSS feed",
    "Atom feed",
    "network",
    "network, join form",
    "network, a group's report form",
]

# Tighter bounds for the page types that pay little beyond the shared floor (the request's site and root pages in
# two queries, the restrictions, the home page's sections, the language versions, the footer's partners): their
# cold counts on SQLite and PostgreSQL, Thai and English.
TIGHTER = {
    "standard": 7,
    "partners": 7,
    "faq": 7,
    "privacy": 7,
    "search": 7,
    "self-check form": 8,
    "self-check result": 9,
    "planner example": 5,
    "planner, a plan": 5,
    "sitemap": 4,
    "sitemap of a section": 4,
    "RSS feed": 7,
    "Atom feed": 7,
    "impact, overview": 11,  # with the network groups' figures apart from the pilots'
    # each unit's latest figure, the figures summed per period and the drawn units' figures: three small queries in
    # place of one reading every figure (issue 22)
    "impact, an indicator": 12,
    "impact, an indicator, units chosen": 12,
    "impact, an indicator, a time chosen": 12,  # each unit's latest figure within the time asked: one read, not two
    "impact, compare two units": 9,
    "data package": 7,
    "figures.csv": 9,  # the groups' rows, then the pilots' streamed
    "news index": 11,  # the items' dates with their units' regions, the units, the cards, their renditions
}


def _live(model, language, **filters):
    return model.objects.live().public().filter(locale__language_code=language, **filters).order_by("path").first()


def page_url(page_type, language):
    """The path of one page of ``page_type`` in ``language``, found from the demo content."""
    from casestudies.models import CaseStudyIndexPage, CaseStudyPage
    from home.demo import PAGES
    from home.demo_data import pilots
    from home.models import HomePage, StandardPage
    from impact.models import ImpactDashboardPage, Indicator
    from news.models import NewsIndexPage, NewsPage
    from planner.forms import DEFAULTS
    from selfcheck.models import ReadinessQuestion
    from selfcheck.views import question_field_name
    from toolkit.models import ToolkitPage, ToolkitStepPage

    first_pilot = pilots()[0]["slug"]
    with translation.override(language):
        if page_type == "home":
            return _live(HomePage, language).get_url()
        standard = {"standard": "about", "partners": "partners_page", "faq": "faq", "privacy": "privacy"}
        if page_type in standard:
            return _live(StandardPage, language, slug=PAGES[standard[page_type]]["slug"]).get_url()
        if page_type == "case-study index":
            return _live(CaseStudyIndexPage, language).get_url()
        if page_type == "case-study index, filtered":
            unit = _live(CaseStudyPage, language, slug=first_pilot)
            region = unit.province.region
            return _live(CaseStudyIndexPage, language).get_url() + "?" + urlencode({"region": region})
        if page_type == "case study":
            return _live(CaseStudyPage, language, slug=first_pilot).get_url()
        if page_type == "toolkit":
            return _live(ToolkitPage, language).get_url()
        if page_type == "toolkit step":
            return _live(ToolkitStepPage, language).get_url()
        if page_type == "self-check form":
            return reverse("toolkit_self_check")
        if page_type == "self-check result":
            questions = ReadinessQuestion.objects.filter(locale__language_code=language)
            assert questions, "the demo content has self-check questions"
            answers = {question_field_name(q): str(len(q.answers)) for q in questions}
            return reverse("toolkit_self_check") + "?" + urlencode(answers)
        if page_type == "planner example":
            return reverse("toolkit_planner")
        if page_type == "planner, a plan":
            plan = {**DEFAULTS, "members": str(int(DEFAULTS["members"]) + 5)}
            return reverse("toolkit_planner") + "?" + urlencode(plan)
        dashboard = _live(ImpactDashboardPage, language)
        code = Indicator.objects.filter(locale__language_code=language).order_by("pk").first().code
        if page_type == "impact, overview":
            return dashboard.get_url()
        if page_type == "impact, an indicator":
            return f"{dashboard.get_url()}{code}/"
        if page_type == "impact, an indicator, units chosen":
            second_pilot = pilots()[1]["slug"]
            return f"{dashboard.get_url()}{code}/?" + urlencode({"unit": f"{first_pilot}~{second_pilot}"})
        if page_type == "impact, an indicator, a time chosen":
            second_pilot = pilots()[1]["slug"]
            query = {"unit": f"{first_pilot}~{second_pilot}", "time": "2023Q1..2024Q4"}
            return f"{dashboard.get_url()}{code}/?" + urlencode(query)
        if page_type == "impact, compare two units":
            second_pilot = pilots()[1]["slug"]
            return f"{dashboard.get_url()}compare/?" + urlencode({"unit": f"{first_pilot}~{second_pilot}"})
        if page_type == "figures.csv":
            return dashboard.get_url() + "figures.csv"
        if page_type == "data package":
            return dashboard.get_url() + "datapackage.json"
        if page_type == "network":
            return reverse("network_index")
        if page_type == "network, join form":
            return reverse("network_join")
        if page_type == "network, a group's report form":
            from network.models import Registration

            group = Registration.objects.public().order_by("pk").first()  # a demo group
            token = group.new_report_token()
            group.save()
            return reverse("impact_group_report", args=[token])
        news = _live(NewsIndexPage, language)
        if page_type == "news index":
            return news.get_url()
        if page_type == "news article":
            return _live(NewsPage, language).get_url()
        if page_type == "search":
            return reverse("search") + "?" + urlencode({"q": "อาชีพ"})
        if page_type == "sitemap":
            return reverse("sitemap")
        if page_type == "sitemap of a section":
            return reverse("sitemap_section", args=["case-studies"])
        if page_type == "RSS feed":
            return news.get_url() + news.reverse_subpage("rss")
        if page_type == "Atom feed":
            return news.get_url() + news.reverse_subpage("atom")
    raise AssertionError(page_type)


def test_every_page_type_is_listed():
    """The list above names every page model of the site (a new page type needs a cold bound too)."""
    from wagtail.models import get_page_models

    models = {model.__name__ for model in get_page_models() if model is not Page}
    assert models == {
        "HomePage",
        "StandardPage",
        "CaseStudyIndexPage",
        "CaseStudyPage",
        "ToolkitPage",
        "ToolkitStepPage",
        "ImpactDashboardPage",
        "NewsIndexPage",
        "NewsPage",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_cold_page_within_12_queries(client, caches_off, django_assert_max_num_queries, page_type, language):
    """The second request of a page with every cache off (the first warms the process: renditions, imports)."""
    url = page_url(page_type, language)
    assert url.startswith(f"/{language}/") or page_type.startswith("sitemap"), url
    first = client.get(url)
    assert first.status_code == 200, url
    with django_assert_max_num_queries(TIGHTER.get(page_type, MAX_QUERIES)):
        second = client.get(url)
    assert second.status_code == 200, url
