"""The planner page and its CSV, as readers use them: no JavaScript, both languages, bad input."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from home.charts import nice_step
from home.numbers import format_baht, normalise_number
from planner.chart import build_chart
from planner.forms import DEFAULTS
from planner.fund_planner import FundParams, simulate_revolving_fund

pytestmark = pytest.mark.django_db

EXAMPLE = simulate_revolving_fund(
    FundParams(
        starting_capital=Decimal(50000),
        members=20,
        monthly_savings=Decimal(100),
        loan_size=Decimal(5000),
        loan_term_months=10,
        fee_rate=Decimal(1),
        fee_method="flat",
        repayment_rate=Decimal(95),
        learning_share=Decimal(30),
        months=24,
    )
)


def page(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode()


def field_error(body, name):
    """The message shown next to a field (its id-error paragraph), or None."""
    match = re.search(rf'<p class="tool-field__error" id="id_{name}-error">(.*?)</p>', body, re.S)
    return match.group(1).strip() if match else None


@pytest.mark.parametrize(
    ("url", "lang", "heading", "money"),
    [
        ("/th/toolkit/planner/", "th", "เครื่องมือวางแผนกองทุนหมุนเวียน", "฿"),
        ("/en/toolkit/planner/", "en", "Revolving-fund planner", "THB "),
    ],
)
def test_default_example_is_rendered_on_the_server_in_each_language(
    client, url, lang, heading, money, django_assert_max_num_queries
):
    # Warm the fragment caches once, as a running server is; the bound is for an ordinary uncached request.
    page(client, url)
    with django_assert_max_num_queries(10):  # the layout (menu, footer); the planner itself needs none
        response, body = page(client, url)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{heading}</h1>" in body
    # Nothing needs JavaScript: the only scripts are the site's deferred enhancement file and JSON-LD data.
    executable = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", body)
    assert all('src="/static/js/site.js"' in tag and "defer" in tag for tag in executable)
    # Summary, month-by-month table with 24 rows, and the final balances in the reader's format.
    assert format_baht(EXAMPLE.fund_value, lang) in body and money in format_baht(1, lang)
    rows = re.findall(r'<tr>\s*<th scope="row">(\d+)</th>', body)
    assert rows == [str(n) for n in range(1, 25)]
    assert "tool-badge" in body  # labelled as an illustrative example
    # A projection, not a result.
    assert ("ไม่ใช่ผลจริง" if lang == "th" else "A projection, not a result") in body


def test_chart_is_accessible_svg_with_title_desc_and_axis_labels(client):
    _, body = page(client, "/en/toolkit/planner/")
    svg = re.search(r"<svg viewBox=.*?</svg>", body, re.S).group(0)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "plan-chart-title plan-chart-desc"
    assert root.find("title").text.startswith("Cash on hand")
    assert "24 months" in root.find("desc").text
    texts = [t.text for t in root.iter("text")]
    assert "Month" in texts and "Baht" in texts
    lines = root.findall("polyline")
    assert len(lines) == 3 and all(len(line.get("points").split()) == 24 for line in lines)


def test_submitted_plan_with_thai_digits_and_separators(client):
    query = {**DEFAULTS, "capital": "๑๐๐,๐๐๐", "members": "๓๐", "months": "๑๒", "fee_method": "declining"}
    response, body = page(client, "/th/toolkit/planner/", **query)
    assert response.status_code == 200
    assert len(re.findall(r'<th scope="row">', body)) == 12
    # The shareable link carries plain digits, and the CSV link the same parameters.
    assert "capital=100000" in body and "members=30" in body and "fee_method=declining" in body
    assert 'href="/th/toolkit/planner/plan.csv?capital=100000&amp;members=30' in body
    assert "tool-badge" not in body


@pytest.mark.parametrize(
    ("field", "value", "english", "thai"),
    [
        ("capital", "-5", "cannot be negative", "ติดลบไม่ได้"),
        ("capital", "", "Please enter a number here.", "กรุณากรอกตัวเลข"),
        ("capital", "abc", "Please use digits only", "กรุณากรอกเป็นตัวเลข"),
        ("capital", "1000000001", "at most 1,000,000,000 baht", "ไม่เกิน 1,000,000,000 บาท"),
        ("capital", "1e400", "at most 1,000,000,000 baht", "ไม่เกิน 1,000,000,000 บาท"),
        ("capital", "NaN", "Please use digits only", "กรุณากรอกเป็นตัวเลข"),
        ("capital", "10.555", "at most 2 digits after the decimal point", "ทศนิยมไม่เกิน 2 ตำแหน่ง"),
        ("members", "100001", "at most 100,000 members", "ไม่เกิน 100,000 คน"),
        ("members", "2.5", "whole number", "จำนวนเต็ม"),
        ("members", "-1", "cannot be negative", "ติดลบไม่ได้"),
        ("loan_size", "0", "at least 1 baht", "อย่างน้อย 1 บาท"),
        ("term", "61", "at most 60 months", "ไม่เกิน 60 เดือน"),
        ("repayment", "101", "between 0 and 100", "ระหว่าง 0 ถึง 100"),
        ("months", "0", "at least 1 month", "อย่างน้อย 1 เดือน"),
        ("fee_method", "compound", "choose how the fee is charged", "เลือกวิธีคิดค่าบริการ"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_in_both_languages(client, field, value, english, thai):
    for lang, expected in (("en", english), ("th", thai)):
        response, body = page(client, f"/{lang}/toolkit/planner/", **{**DEFAULTS, field: value})
        assert response.status_code == 400
        if field == "fee_method":
            assert expected in re.search(r'id="fee-method-error">(.*?)</p>', body).group(1)
        else:
            assert expected in field_error(body, field), (lang, field_error(body, field))
            assert f'id="id_{field}"' in body and 'aria-invalid="true"' in body
        assert '<div class="tool-errors' in body and f'href="#id_{field}"' in body
        assert "<table" not in body  # no plan from bad input


def test_missing_fields_and_junk_parameters_never_500(client):
    response, body = page(client, "/en/toolkit/planner/", capital="1000")
    assert response.status_code == 400
    assert field_error(body, "members") == "Please enter a number here."
    response, _ = page(client, "/en/toolkit/planner/", utm_source="x")  # not ours: the example
    assert response.status_code == 200
    response = client.get("/en/toolkit/planner/?capital=%00%ff&members[]=1")
    assert response.status_code == 400
    assert client.post("/en/toolkit/planner/").status_code == 405


def test_csv_has_one_row_per_month_with_the_plans_numbers(client):
    response = client.get("/en/toolkit/planner/plan.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))  # with a byte-order mark
    assert len(rows) == 24
    last = rows[-1]
    assert Decimal(last["cash_on_hand_thb"]) == EXAMPLE.final.cash
    assert Decimal(last["loans_outstanding_thb"]) == EXAMPLE.final.loans_outstanding
    assert sum(Decimal(r["fees_earned_thb"]) for r in rows) == EXAMPLE.total_fees
    assert [r["month"] for r in rows] == [str(n) for n in range(1, 25)]
    # The same CSV in Thai (column names are a stable schema, not translated).
    thai = client.get("/th/toolkit/planner/plan.csv", {**DEFAULTS, "months": "๓"})
    assert thai.content.decode().splitlines()[0].startswith("\ufeffmonth,savings_thb")
    assert len(thai.content.decode().splitlines()) == 4


def test_csv_refuses_bad_input_with_400(client):
    response = client.get("/en/toolkit/planner/plan.csv", {**DEFAULTS, "members": "lots"})
    assert response.status_code == 400
    assert "members" in response.content.decode()


def test_language_switcher_keeps_the_plan(client):
    _, body = page(client, "/th/toolkit/planner/", **{**DEFAULTS, "members": "7"})
    assert re.search(r'href="http://testserver/en/toolkit/planner/\?[^"]*members=7', body)


def test_number_helpers():
    assert normalise_number("๑,๒๓๔.๕๐ บาท") == "1234.50"
    assert normalise_number("฿ 5,000") == "5000"
    assert format_baht(Decimal("1234.5"), "th") == "฿1,234.50"
    assert format_baht(Decimal("1234.5"), "en") == "THB 1,234.50"
    assert format_baht(Decimal("-3"), "en") == "−THB 3.00"


def test_chart_scale_uses_round_ticks_that_cover_the_data():
    assert nice_step(Decimal(12345)) == 5000
    assert nice_step(Decimal(0)) == 1
    chart = build_chart([1, 2, 3], {"a": [Decimal(0), Decimal(12345), Decimal(7000)]})
    assert [t.value for t in chart.y_ticks] == [0, 5000, 10000, 15000]
    ys = [float(p.split(",")[1]) for p in chart.series[0].points.split()]
    assert min(ys) >= chart.top and max(ys) <= chart.height - chart.bottom


def test_csv_cells_are_plain_numbers_without_a_spreadsheet_quote(client):
    """The plan goes through the shared spreadsheet-safe writer (home/spreadsheet.py); numbers are never quoted."""
    rows = list(csv.reader(io.StringIO(client.get("/en/toolkit/planner/plan.csv").content.decode("utf-8-sig"))))
    assert all(Decimal(cell) is not None for row in rows[1:] for cell in row)
    assert not any(cell.startswith("'") for row in rows for cell in row)


def test_a_field_keeps_what_was_typed_escaped_and_names_its_help_and_error(client):
    typed = '"><script>alert(1)</script>'
    response, body = page(client, "/en/toolkit/planner/", **{**DEFAULTS, "capital": typed})
    assert response.status_code == 400
    field = re.search(r'<input type="text" name="capital"[^>]*>', body).group(0)
    assert "<script>" not in body.split("</header>", 1)[1].split("<footer", 1)[0]
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in field
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_capital-error id_capital-help"' in field
    assert 'id="id_capital-help"' in body and field_error(body, "capital")
    # A field without an error keeps its typed value and names only its help.
    members = re.search(r'<input type="text" name="members"[^>]*>', body).group(0)
    assert 'value="20"' in members and 'aria-describedby="id_members-help"' in members
    assert "aria-invalid" not in members
