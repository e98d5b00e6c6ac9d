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


def test_headline_figures_read_only_the_latest_period(in_request):
    """Issue 22: the home page reads the sums of the latest periods only, not every period of the headline indicators
    (the demo's indicators all end in the same quarter, and it has several quarters)."""
    import datetime

    from home.visibility import hidden_page_ids
    from impact.models import ImpactFigure
    from impact.queries import headline_sums

    locale = Locale.objects.get(language_code="th")

    def headline_ends():  # the period end of each row the home page reads
        return [found.sum.period[1] for found in headline_sums(locale.pk, sorted(hidden_page_ids()))]

    published = ImpactFigure.objects.published().filter(indicator__show_on_home=True)
    latest_end = max(published.values_list("period_end", flat=True))
    assert published.exclude(period_end=latest_end).exists()  # older quarters are there, and left out:
    ends = headline_ends()
    assert ends and set(ends) == {latest_end}
    # A newer quarter of one headline indicator: the others' latest quarter is still read (and their weights).
    unit = published.filter(page__isnull=False).first().page  # a learning unit, not a network group
    members = published.filter(indicator__code="members_total").first().indicator
    ImpactFigure.objects.create(
        page=unit,
        indicator=members,
        period_start=latest_end + datetime.timedelta(days=1),
        period_end=latest_end + datetime.timedelta(days=90),
        value=7,
    )
    assert set(headline_ends()) == {latest_end, latest_end + datetime.timedelta(days=90)}


def test_headline_figures_are_each_indicators_latest_when_periods_differ(in_request):
    """One headline indicator a quarter ahead of the others: it shows its newer total, the others (and an average
    weighted by the first) keep theirs."""
    import datetime

    from impact.models import ImpactFigure

    locale = Locale.objects.get(language_code="en")
    before = {figure.code: figure for figure in headline_figures(locale)}
    members = ImpactFigure.objects.published().of_pilots().filter(indicator__code="members_total")
    latest_end = max(members.values_list("period_end", flat=True))
    ImpactFigure.objects.create(
        page=members.first().page,
        indicator=members.first().indicator,
        period_start=datetime.date(2031, 1, 1),
        period_end=datetime.date(2031, 3, 31),
        value=7,
    )
    after = {figure.code: figure for figure in headline_figures(locale)}
    assert (after["members_total"].value_label, after["members_total"].period_label) == ("7 people", "Jan–Mar 2031")
    assert latest_end < datetime.date(2031, 1, 1)
    assert {code: f for code, f in after.items() if code != "members_total"} == {
        code: f for code, f in before.items() if code != "members_total"
    }
    assert "share_youth" in after  # weighted by members_total: still its own latest quarter's weighted average


@pytest.mark.parametrize("language", ["th", "en"])
def test_headline_figures_as_every_figure_aggregated_gives_them(in_request, language):
    """The database's sums of the latest periods show what ``aggregation.aggregate`` of every published figure
    shows for each headline indicator's latest period (totals, weighted averages, statuses), with one unit's
    weight missing and one figure reported, so that the weighted mean falls back and the status is the weakest."""
    from impact.aggregation import aggregate, latest
    from impact.formatting import format_period, format_value
    from impact.models import FigureStatus, ImpactFigure
    from impact.queries import overview_records

    locale = Locale.objects.get(language_code=language)
    catalogue = indicators_in(locale)
    figures = ImpactFigure.objects.published().of_pilots()
    newest = figures.filter(indicator__code="members_total").order_by("-period_end").first()
    newest.status = FigureStatus.REPORTED
    newest.save()
    youth = figures.filter(indicator__code="share_youth").order_by("-period_end").first()
    weight = figures.filter(indicator__code="members_total", page=youth.page, period_end=youth.period_end)
    weight.exclude(pk=newest.pk).update(value=0)  # not a weight (only a positive one is): a plain mean, as aggregate's
    expected = []
    series = aggregate(overview_records(), {code: info.rule for code, info in catalogue.items()})
    for code, info in catalogue.items():
        last = latest(series.get(code, []))
        if info.show_on_home and last is not None and last.value is not None:
            label = format_value(last.value, info.unit, language)
            expected.append((code, label, format_period(*last.period, language), last.is_illustrative))
    shown = [(f.code, f.value_label, f.period_label, f.is_illustrative) for f in headline_figures(locale)]
    assert shown == expected
    assert len(expected) >= 3
