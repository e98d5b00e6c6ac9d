"""Issue 22: the figures summed per indicator and period (``FigureSum``) are kept equal to the figures by every
write, and the overview and the home page read them, less the units the public may not see, with the numbers of
summing the published figures directly."""

import datetime
from decimal import Decimal

import pytest

from django.core.management import call_command

from wagtail.models import Locale, PageViewRestriction

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.visibility import hidden_page_ids
from impact import services
from impact.figure_sums import SUM_FIELDS, differences, rebuild
from impact.models import FigureStatus, FigureSum, ImpactFigure, Indicator
from impact.queries import headline_sums, overview_sums

pytestmark = pytest.mark.django_db

Q1 = (datetime.date(2031, 1, 1), datetime.date(2031, 3, 31))
Q2 = (datetime.date(2031, 4, 1), datetime.date(2031, 6, 30))


def published_slugs():
    figures = ImpactFigure.objects.published().of_pilots().order_by()
    return sorted(set(figures.values_list("page__slug", flat=True)))


def ordered(sums):
    return sorted(sums, key=lambda s: (s.indicator, s.period))


def assert_exact():
    """The summary is the figures summed again, and the overview from it is the published figures summed directly
    (``overview_sums`` of every published unit by name reads the figures, not the summary)."""
    assert differences() == []
    assert ordered(overview_sums()) == ordered(overview_sums(published_slugs()))


def stored():
    return list(FigureSum.objects.order_by("pk").values_list("indicator_id", "period_start", *SUM_FIELDS))


def row(slug, code, period, value, status="reported"):
    return {
        "unit_slug": slug,
        "indicator_code": code,
        "period_start": period[0],
        "period_end": period[1],
        "value": Decimal(value),
        "baseline": None,
        "status": status,
        "source": "test",
    }


@pytest.fixture
def units(db):
    index = thai_index()
    return [case_study(index, f"sums-unit-{n}", title=f"หน่วยผลรวม {n}") for n in range(2)]


@pytest.fixture
def imported(units):
    """Members and the share of youth (weighted by members) of two units over two quarters."""
    rows = []
    for number, unit in enumerate(units):
        for period in (Q1, Q2):
            rows.append(row(unit.slug, "members_total", period, 100 + number * 50))
            rows.append(row(unit.slug, "share_youth", period, 20 + number * 10, "verified"))
    services.save_figures(rows)
    return units


def figure(unit, code, period=Q1):
    return ImpactFigure.objects.get(page=unit, indicator__code=code, period_start=period[0])


def test_the_summary_holds_the_imported_figures(imported):
    youth = FigureSum.objects.get(indicator__code="share_youth", indicator__locale__language_code="th",
                                  period_start=Q1[0])  # fmt: skip
    assert (youth.figures, youth.weighted, youth.verified) == (2, 2, 2)
    assert youth.products == Decimal(20 * 100 + 30 * 150)
    assert_exact()


def test_saving_one_figure_keeps_the_sums(imported):
    members = figure(imported[0], "members_total")
    members.value = 400  # also the weight of the unit's share of youth
    members.save()
    assert_exact()
    youth = figure(imported[1], "share_youth")
    youth.period_start, youth.period_end = datetime.date(2031, 7, 1), datetime.date(2031, 9, 30)  # moves: both keys
    youth.status = FigureStatus.ILLUSTRATIVE
    youth.save()
    assert_exact()
    ImpactFigure.objects.create(
        page=imported[1], indicator=youth.indicator, period_start=Q1[0], period_end=Q1[1], value=5
    )
    assert_exact()


def test_importing_again_and_marking_keep_the_sums(imported):
    services.save_figures([row(imported[1].slug, "members_total", Q1, 1000)])
    assert_exact()
    services.set_status(ImpactFigure.objects.filter(page__in=imported), FigureStatus.ILLUSTRATIVE)
    assert_exact()
    assert {s.status for s in overview_sums() if s.period in (Q1, Q2)} == {"illustrative"}


def test_deleting_figures_keeps_the_sums(imported):
    services.delete_figures([figure(imported[0], "members_total")])
    assert_exact()
    figure(imported[1], "members_total", Q2).delete()
    assert_exact()
    ImpactFigure.objects.filter(page=imported[1], period_start=Q1[0]).delete()
    assert_exact()


def test_bulk_writes_of_the_queryset_keep_the_sums(imported):
    ImpactFigure.objects.filter(page=imported[0]).update(value=7)
    assert_exact()
    ImpactFigure.objects.filter(page=imported[0], period_start=Q2[0]).update(review="pending")
    assert_exact()
    ImpactFigure.objects.bulk_create(
        [ImpactFigure(page=imported[0], indicator=figure(imported[1], "members_total").indicator,
                      period_start=datetime.date(2031, 10, 1), period_end=datetime.date(2031, 12, 31), value=3)]
    )  # fmt: skip
    assert_exact()


def test_deleting_a_unit_keeps_the_sums(imported):
    CaseStudyPage.objects.get(pk=imported[0].pk).delete()
    assert_exact()
    assert [s.figures for s in overview_sums() if s.indicator == "share_youth" and s.period == Q1] == [1]


def test_changing_an_indicators_weight_keeps_the_sums(imported):
    youth = Indicator.objects.get(code="share_youth", locale__language_code="th")
    youth.weight_code = ""
    youth.save()
    assert_exact()
    assert FigureSum.objects.get(indicator=youth, period_start=Q1[0]).weighted == 0


def test_an_unpublished_or_private_unit_leaves_the_overview_but_not_the_summary(imported):
    def youth_figures():
        return [s.figures for s in overview_sums() if s.indicator == "share_youth" and s.period == Q1]

    assert youth_figures() == [2]
    before = stored()
    CaseStudyPage.objects.filter(pk=imported[0].pk).update(live=False)
    assert youth_figures() == [1]
    assert_exact()
    CaseStudyPage.objects.filter(pk=imported[0].pk).update(live=True)
    PageViewRestriction.objects.create(page=imported[1], restriction_type="password", password="secret-1")
    assert youth_figures() == [1]
    assert_exact()
    assert stored() == before
    thai = Locale.objects.get(language_code="th")
    with_hidden = headline_sums(thai.pk, sorted(hidden_page_ids()))
    assert all(found.sum.period != Q1 or found.sum.figures == 1 for found in with_hidden)


def test_the_headline_sums_are_those_of_the_latest_periods(imported):
    thai = Locale.objects.get(language_code="th")
    found = {s.sum.indicator: s.sum for s in headline_sums(thai.pk, [])}
    members = found["members_total"]
    assert (members.period, members.figures, members.total) == (Q2, 2, Decimal(250))


def test_overview_sums_are_one_query(imported, django_assert_max_num_queries):
    hidden_page_ids()
    with django_assert_max_num_queries(2):  # the hidden pages (outside a request: not kept), the sums
        overview_sums()


def test_the_command_finds_and_mends_a_wrong_sum(imported):
    FigureSum.objects.filter(period_start=Q1[0]).update(figures=99)
    assert differences()
    with pytest.raises(SystemExit):
        call_command("rebuild_figure_sums", "--check")
    call_command("rebuild_figure_sums")
    call_command("rebuild_figure_sums", "--check")
    assert_exact()
    assert rebuild() >= 4
