"""Plausible numbers only: the rules directly, then each bad value through the import preview and the admin form."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from casestudies.models import CaseStudyPage
from home.factories import set_admin_language, signed_in, user
from impact import plausibility
from impact.models import ImpactFigure, Indicator

TODAY = datetime.date(2025, 6, 15)


# The rules -------------------------------------------------------------------------------------------------------


def test_periods_lie_between_2000_and_one_year_from_today():
    plausibility.validate_period_date(datetime.date(2000, 1, 1), TODAY)
    plausibility.validate_period_date(datetime.date(2026, 6, 15), TODAY)
    for bad in (datetime.date(1999, 12, 31), datetime.date(2026, 6, 16), datetime.date(1900, 1, 1)):
        with translation.override("en"):
            with pytest.raises(ValidationError) as error:
                plausibility.validate_period_date(bad, TODAY)
            assert "2000-01-01 and 2026-06-15" in error.value.messages[0]
    assert plausibility.latest_period_date(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)


@pytest.mark.parametrize(("typed", "common_era"), [(2568, 2025), (2400, 1857), (9999, 9456)])
def test_a_buddhist_era_year_gets_its_common_era_year(typed, common_era):
    for language, words in (
        ("en", f"this looks like a Buddhist-Era year: {typed} is {common_era}"),
        ("th", f"พ.ศ. {typed} คือ ค.ศ. {common_era}"),
    ):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                plausibility.validate_period_date(datetime.date(typed, 1, 1), TODAY)
            assert words in error.value.messages[0]


def test_numbers_by_unit_of_measure():
    d = Decimal
    assert plausibility.number_errors("people", {"value": d(0), "baseline": None}) == {}
    assert set(plausibility.number_errors("people", {"value": d(-1), "baseline": d(-2)})) == {"value", "baseline"}
    assert set(plausibility.number_errors("thb", {"value": d("-0.01")})) == {"value"}
    assert set(plausibility.number_errors("count", {"value": d(-3)})) == {"value"}
    assert set(plausibility.number_errors("percent", {"value": d("100.01")})) == {"value"}
    assert plausibility.number_errors("percent", {"value": d(0), "baseline": d(100)}) == {}
    assert plausibility.number_errors("percent_change", {"value": d(-40)}) == {}  # a change may be negative
    assert plausibility.period_errors(datetime.date(2024, 2, 1), datetime.date(2024, 1, 31))
    assert not plausibility.period_errors(datetime.date(2024, 2, 1), datetime.date(2024, 2, 1))


# Through the import preview ---------------------------------------------------------------------------------------

URL = "/admin/impact/import/"
HEADER = "unit_slug,indicator_code,period_start,period_end,value,baseline,illustrative,source"
GOOD = ["ban-pho-thong", "members_total", "2025-01-01", "2025-03-31", "50", "40", "no", "ledger"]
FAR_FUTURE = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()

# (column index: bad text, indicator, English words in the row's error, Thai words in the row's error)
BAD_VALUES = {
    "buddhist-era start": (
        {2: "2568-01-01", 3: "2568-03-31"},
        "members_total",
        "2568 is 2025",
        "พ.ศ. 2568 คือ ค.ศ. 2025",
    ),
    "before 2000": ({2: "1999-10-01", 3: "1999-12-31"}, "members_total", "plausible", "เป็นไปได้"),
    "1900": ({2: "1900-01-01"}, "members_total", "plausible", "เป็นไปได้"),
    "far future": ({3: FAR_FUTURE}, "members_total", "plausible", "เป็นไปได้"),
    "end before start": ({2: "2025-04-01"}, "members_total", "ends before it starts", "สิ้นสุดก่อน"),
    "negative members": ({4: "-5"}, "members_total", "cannot be negative", "ติดลบ"),
    "negative baht": ({4: "-100"}, "savings_total_thb", "cannot be negative", "ติดลบ"),
    "negative baseline": ({5: "-1"}, "members_total", "cannot be negative", "ติดลบ"),
    "percentage over 100": ({4: "120"}, "share_youth", "between 0 and 100", "0 ถึง 100"),
    "negative percentage": ({4: "-3"}, "share_youth", "between 0 and 100", "0 ถึง 100"),
    "huge value": ({4: "1e30"}, "members_total", "too large", "ใหญ่เกินไป"),
    "huge baseline": ({5: "1e30"}, "members_total", "too large", "ใหญ่เกินไป"),
    "three decimals": ({4: "1.234"}, "members_total", "2 decimal places", "ทศนิยม"),
}


def csv_file(*rows):
    lines = [HEADER] + [",".join(row) for row in rows]
    return SimpleUploadedFile("figures.csv", ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))


def bad_row(changes, code):
    row = list(GOOD)
    row[1] = code
    for index, text in changes.items():
        row[index] = text
    return row


@pytest.fixture
def staff(client, db):
    return signed_in(user("plausible", superuser=True), client)


def speak(client, language):
    set_admin_language(client.user, language)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "th"])
@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_each_bad_value_is_a_row_error_in_the_preview(staff, case, language):
    changes, code, english, thai = BAD_VALUES[case]
    speak(staff, language)
    before = ImpactFigure.objects.count()
    response = staff.post(URL, {"file": csv_file(GOOD, bad_row(changes, code))})
    assert response.status_code == 400
    bad = response.context["bad_rows"]
    assert [row.number for row in bad] == [3]  # the header is row 1, the good row 2
    assert (english if language == "en" else thai) in " ".join(bad[0].errors)
    assert 'name="confirm"' not in response.content.decode()
    assert ImpactFigure.objects.count() == before


@pytest.mark.django_db
def test_a_huge_value_slipped_into_the_saved_import_is_refused_at_confirmation_not_a_500(staff):
    speak(staff, "en")
    response = staff.post(URL, {"file": csv_file(GOOD)})
    assert response.status_code == 200
    session = staff.session
    stored = session["impact_import"]
    stored["rows"][0][1]["value"] = "1e30"  # as if the checks had changed between preview and confirmation
    session["impact_import"] = stored
    session.save()
    before = ImpactFigure.objects.count()
    response = staff.post(URL, {"confirm": "1", "token": stored["token"]})
    assert response.status_code == 400
    assert "too large" in " ".join(response.context["bad_rows"][0].errors)
    assert ImpactFigure.objects.count() == before


# Through the admin form -------------------------------------------------------------------------------------------

ADD = "/admin/snippets/impact/impactfigure/add/"


def form_data(code="members_total", **changes):
    data = {
        "page": CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th").pk,
        "indicator": Indicator.objects.get(code=code, locale__language_code="th").pk,
        "period_start": "2025-01-01",
        "period_end": "2025-03-31",
        "value": "50",
        "baseline": "",
        "source": "ledger",
        "status": "reported",
    }
    data.update(changes)
    return data


ADMIN_BAD_VALUES = {
    "buddhist-era start": ({"period_start": "2568-01-01", "period_end": "2568-03-31"}, "members_total", "2568 is 2025"),
    "before 2000": ({"period_start": "1999-10-01", "period_end": "1999-12-31"}, "members_total", "plausible"),
    "far future": ({"period_end": FAR_FUTURE}, "members_total", "plausible"),
    "end before start": ({"period_start": "2025-04-01"}, "members_total", "ends before it starts"),
    "negative members": ({"value": "-5"}, "members_total", "cannot be negative"),
    "negative baht": ({"value": "-100"}, "savings_total_thb", "cannot be negative"),
    "percentage over 100": ({"value": "120"}, "share_youth", "between 0 and 100"),
    "negative percentage": ({"baseline": "-3"}, "share_youth", "between 0 and 100"),
    "huge value": ({"value": "1e30"}, "members_total", "digits"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(ADMIN_BAD_VALUES))
def test_each_bad_value_is_refused_by_the_admin_form(staff, case):
    changes, code, message = ADMIN_BAD_VALUES[case]
    speak(staff, "en")
    before = ImpactFigure.objects.count()
    response = staff.post(ADD, form_data(code, **changes))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert message in response.content.decode()  # shown on the form, in the user's language
    assert ImpactFigure.objects.count() == before


@pytest.mark.django_db
def test_a_plausible_figure_is_saved_by_the_admin_form_and_logged(staff):
    from wagtail.models import ModelLogEntry

    response = staff.post(ADD, form_data(period_start="2025-04-01", period_end="2025-06-30", value="12.5"))
    assert response.status_code == 302
    figure = ImpactFigure.objects.get(period_start=datetime.date(2025, 4, 1), page__slug="ban-pho-thong")
    entry = ModelLogEntry.objects.get(object_id=str(figure.pk), action="impact.figure.create")
    assert entry.data["changes"]["value"] == [None, "12.50"]
