import datetime

from home.dates import display_year, format_date, format_month

MEETING = datetime.date(2023, 2, 22)


def test_thai_dates_use_the_buddhist_era():
    assert format_date(MEETING, "th") == "22 ก.พ. 2566"
    assert format_date(MEETING, "th", long=True) == "22 กุมภาพันธ์ 2566"


def test_english_dates_use_the_common_era():
    assert format_date(MEETING, "en") == "22 Feb 2023"
    assert format_date(MEETING, "en", long=True) == "22 February 2023"


def test_datetimes_and_month_boundaries():
    assert format_date(datetime.datetime(2024, 12, 31, 23, 0), "th") == "31 ธ.ค. 2567"
    assert format_date(datetime.date(2024, 1, 1), "en-gb") == "1 Jan 2024"
    assert format_month(MEETING, "th") == "ก.พ. 2566"
    assert format_month(MEETING, "en") == "Feb 2023"
    assert display_year(2023, "th") == 2566
    assert display_year(2023, "en") == 2023


def test_template_filter_follows_the_active_language():
    from django.template import Context, Template
    from django.utils import translation

    template = Template('{% load i18n_tags %}{{ day|local_date }}|{{ day|local_date:"long" }}')
    with translation.override("th"):
        assert template.render(Context({"day": MEETING})) == "22 ก.พ. 2566|22 กุมภาพันธ์ 2566"
    with translation.override("en"):
        assert template.render(Context({"day": MEETING})) == "22 Feb 2023|22 February 2023"
