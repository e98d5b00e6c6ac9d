"""Where figures show: the dashboard, its CSV/JSON downloads and API, the home page and case study pages."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest

from django.contrib.auth import get_user_model

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.demo_data import pilot_slugs
from impact.models import ImpactFigure, Indicator
from impact.queries import EXPORT_COLUMNS

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = {"th": "ตัวเลขตัวอย่าง", "en": "Illustrative"}
DASHBOARD_QUERIES = 12


def text(response):
    return response.content.decode()


def csv_rows(response):
    body = response.getvalue().decode("utf-8")  # whole or streamed (large downloads)
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


@pytest.mark.parametrize(
    ("lang", "month", "money", "unit_name"),
    [
        ("th", "ม.ค.–มี.ค. 2567", "฿", "กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง"),
        ("en", "Jan–Mar 2024", "THB ", "Ban Pho Thong Mat-Weaving"),
    ],
)
def test_dashboard_has_charts_tables_and_labels_in_each_language(
    client, django_assert_max_num_queries, lang, month, money, unit_name
):
    # Warm the fragment caches once, as a running server is; the bound is for an ordinary uncached request.
    client.get(f"/{lang}/impact/")
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(f"/{lang}/impact/")
    assert response.status_code == 200
    body = text(response)
    assert f'<html lang="{lang}">' in body
    assert body.count('class="im-card"') == Indicator.objects.filter(locale__language_code=lang).count() == 14
    assert money in body and ILLUSTRATIVE[lang] in body
    assert f'href="/{lang}/impact/figures.csv"' in body
    chart = text(client.get(f"/{lang}/impact/savings_total_thb/"))
    assert re.search(r'<svg viewBox="[^"]+" role="img" aria-labelledby="im-lc-title im-lc-desc"', chart)
    assert chart.count('class="im-axis-label"') == 2
    table = text(client.get(f"/{lang}/impact/savings_total_thb/?tab=table"))
    assert table.count("<caption") == 1
    assert month in table and money in table and unit_name in table


def test_dashboard_sums_people_and_averages_percentages(client):
    body = text(client.get("/en/impact/members_total/?tab=table&time=2024Q4"))
    body += text(client.get("/en/impact/share_youth/?tab=table&time=2024Q4"))
    figures = ImpactFigure.objects.of_source_pages().filter(period_start=datetime.date(2024, 10, 1))
    members = {f.page_id: f.value for f in figures.filter(indicator__code="members_total")}
    youth = {f.page_id: f.value for f in figures.filter(indicator__code="share_youth")}
    total = sum(members.values())
    weighted = sum(youth[p] * members[p] for p in members) / total
    assert f"<strong>{int(total)} people</strong>" in body
    assert f"<strong>{weighted.quantize(Decimal('0.1'))}%</strong>" in body
    assert f"{sum(youth.values())}%" not in body  # shares are never added up


@pytest.mark.parametrize(
    "query",
    [
        "unit=nowhere",
        "indicator=nothing",
        "from=yesterday",
        "to=2024-02-30",
        "from=2024-Q4&to=2024-Q1",
        "from=2024-Q9",
        "unit=%00",
        "from=99999-01-01",
    ],
)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_bad_filter_values_are_400_never_500(client, lang, query):
    assert client.get(f"/{lang}/impact/?{query}").status_code == 400
    assert client.get(f"/{lang}/impact/figures.csv?{query}").status_code == 400
    assert client.get(f"/{lang}/impact/figures.json?{query}").status_code == 400
    assert client.get(f"/api/v1/impact/figures/?lang={lang}&{query}").status_code == 400


def test_unknown_download_paths_are_404(client):
    assert client.get("/th/case-studies/figures.csv").status_code == 404
    assert client.get("/en/impact/figures.xml").status_code == 404


def test_csv_schema_thai_text_and_filters(client):
    response = client.get("/th/impact/figures.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert list(rows[0]) == EXPORT_COLUMNS
    assert len(rows) == ImpactFigure.objects.published().count()
    assert ImpactFigure.objects.published().of_pilots().count() == 3 * (13 * 4 + 1)  # and the demo groups' figures
    row = next(r for r in rows if r["unit_slug"] == "ban-pho-thong" and r["indicator_code"] == "members_total")
    assert row["unit_name"].startswith("กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง")
    assert row["province"] == "บึงกาฬ"
    assert row["indicator_name"] == "สมาชิกกองทุน"
    assert row["unit_of_measure"] == "people"
    assert row["illustrative"] == "true"
    assert {r["illustrative"] for r in rows} == {"true"}
    assert {r["status"] for r in rows} == {"illustrative"}

    filtered = csv_rows(
        client.get("/en/impact/figures.csv?unit=ban-pho-thong&indicator=savings_total_thb&from=2024-Q2&to=2024-Q3")
    )
    assert [(r["period_start"], r["period_end"]) for r in filtered] == [
        ("2024-04-01", "2024-06-30"),
        ("2024-07-01", "2024-09-30"),
    ]
    assert {r["indicator_name"] for r in filtered} == {"Members' savings"}
    assert {r["province"] for r in filtered} == {"Bueng Kan"}


def test_json_and_api_match_the_csv(client):
    data = json.loads(client.get("/en/impact/figures.json?unit=chae-son-friends-with-disabilities").content)
    assert data["schema"] == "odf-impact-figures/1"
    assert data["language"] == "en"
    assert data["count"] == len(data["figures"]) == 13 * 4 + 1
    assert set(data["figures"][0]) == set(EXPORT_COLUMNS)
    assert all(f["illustrative"] is True and f["status"] == "illustrative" for f in data["figures"])
    api = client.get("/api/v1/impact/figures/?lang=en&unit=chae-son-friends-with-disabilities").json()
    assert api["figures"] == data["figures"]
    assert client.get("/api/v1/impact/figures/?lang=fr").status_code == 400
    assert client.post("/api/v1/impact/figures/").status_code == 405
    indicators = client.get("/api/v1/impact/indicators/?lang=th").json()["indicators"]
    assert {"members_total", "sroi_ratio"} <= {i["code"] for i in indicators}


def test_unpublished_units_figures_are_not_shown(client):
    page = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    page.unpublish()
    rows = csv_rows(client.get("/th/impact/figures.csv"))
    assert rows and "ban-pho-thong" not in {r["unit_slug"] for r in rows}
    assert client.get("/th/impact/figures.csv?unit=ban-pho-thong").status_code == 400


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/th/", "th"),
        ("/en/", "en"),
        ("/th/case-studies/ban-pho-thong/", "th"),
        ("/en/case-studies/ban-pho-thong/", "en"),
        ("/th/impact/share_youth/?tab=table", "th"),
        ("/en/impact/members_total/?tab=table", "en"),
    ],
)
def test_illustrative_label_wherever_demo_figures_show(client, path, lang):
    body = text(client.get(path))
    badge = f'<span class="im-badge">{ILLUSTRATIVE[lang]}</span>'
    # Every shown value carries the badge: count values and badges in the figure sections.
    if path in ("/th/", "/en/"):  # home page: one badge per headline
        headlines = re.findall(r'<li class="im-headline">(.*?)</li>', body, re.S)
        assert len(headlines) == 4
        assert all(badge in h for h in headlines)
    else:
        cells = re.findall(r'<td class="im-num">(.*?)</td>', body, re.S)
        valued = [c for c in cells if c.strip() not in ("–", "")]
        assert valued
        assert all(badge in c for c in valued)
        assert badge in body


def test_case_study_figures_show_on_both_languages_from_the_thai_page(client):
    thai = text(client.get("/th/case-studies/chae-son-friends-with-disabilities/"))
    english = text(client.get("/en/case-studies/chae-son-friends-with-disabilities/"))
    assert "สัดส่วนสมาชิกที่เป็นคนพิการ" in thai and "ต.ค.–ธ.ค. 2567" in thai
    assert "Share of members with disabilities" in english and "Oct–Dec 2024" in english
    assert 'href="/en/impact/?unit=chae-son-friends-with-disabilities"' in english
    # Figures are stored once, on the Thai page.
    assert not ImpactFigure.objects.filter(page__locale__language_code="en").exists()


def test_home_headlines_link_to_the_dashboard(client):
    body = text(client.get("/en/"))
    assert "Results so far" in body
    assert 'href="/en/impact/"' in body
    assert "Fund members" in body and "Oct–Dec 2024" in body


def test_dashboard_queries_are_bounded_with_30_units_12_indicators_8_periods(client, django_assert_max_num_queries):
    index = thai_index()
    indicators = list(Indicator.objects.filter(locale__language_code="th").order_by("sort_order")[:12])
    pages = [case_study(index, f"test-unit-{n}", title=f"หน่วยทดสอบ {n}", summary="ทดสอบ", groups=()) for n in range(27)]
    pages += list(
        CaseStudyPage.objects.filter(
            locale__language_code="th",
            slug__in=pilot_slugs().values(),
        )
    )
    assert len(pages) == 30
    ImpactFigure.objects.filter(page__in=pages).delete()
    quarters = [(datetime.date(2023 + q // 4, (q % 4) * 3 + 1, 1)) for q in range(8)]
    figures = []
    for page in pages:
        for indicator in indicators:
            for q, start in enumerate(quarters):
                end = start.replace(month=start.month + 2, day=28)
                figures.append(
                    ImpactFigure(
                        page=page,
                        indicator=indicator,
                        period_start=start,
                        period_end=end,
                        value=Decimal(10 + q),
                        status="illustrative" if q % 2 == 0 else "verified",
                    )
                )
    ImpactFigure.objects.bulk_create(figures)
    assert ImpactFigure.objects.published().of_pilots().count() == 30 * 12 * 8

    for lang in ("th", "en"):
        client.get(f"/{lang}/impact/")  # warm the fragment caches, as a running server is
        with django_assert_max_num_queries(DASHBOARD_QUERIES):
            response = client.get(f"/{lang}/impact/")
        assert response.status_code == 200
        body = text(response)
        assert body.count('class="im-card"') == 12
        code = indicators[0].code
        with django_assert_max_num_queries(DASHBOARD_QUERIES):
            table = text(client.get(f"/{lang}/impact/{code}/?tab=table"))
        table += text(client.get(f"/{lang}/impact/{code}/?tab=table&page=2"))  # 25 units a page (issue 22)
        assert "หน่วยทดสอบ 26" in table
        chart = text(client.get(f"/{lang}/impact/{code}/"))
        assert chart.count('class="im-line"') == 10  # at most ten lines; the rest are in the table
        with django_assert_max_num_queries(12):
            rows = csv_rows(client.get(f"/{lang}/impact/figures.csv"))
        assert len([row for row in rows if not row["group"]]) == 30 * 12 * 8  # and the demo groups' figures


def test_admin_case_study_editor_and_figure_listing(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    page = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    body = text(client.get(f"/admin/pages/{page.pk}/edit/"))
    assert "impact_figures-TOTAL_FORMS" not in body  # figures are not part of the page form
    assert f"/admin/snippets/impact/impactfigure/?unit={page.pk}" in body  # the tab links to the unit's figures
    listing = client.get(
        "/admin/snippets/impact/impactfigure/?status=illustrative&indicator="
        + str(Indicator.objects.get(code="members_total", locale__language_code="th").pk)
    )
    assert listing.status_code == 200
    assert client.get("/admin/snippets/impact/indicator/").status_code == 200


def test_demo_figures_load_idempotently():
    from wagtail.models import Revision

    from impact import demo

    before = (ImpactFigure.objects.count(), Revision.objects.count(), Indicator.objects.count())
    demo.load()
    assert (ImpactFigure.objects.count(), Revision.objects.count(), Indicator.objects.count()) == before
    assert Indicator.objects.filter(locale__language_code="th").count() >= 12
    assert (
        Indicator.objects.filter(locale__language_code="en").count()
        == Indicator.objects.filter(locale__language_code="th").count()
    )
    assert not ImpactFigure.objects.exclude(status="illustrative").exists()


def test_figure_validation_rejects_bad_percentages_and_periods():
    from django.core.exceptions import ValidationError

    figure = ImpactFigure.objects.filter(indicator__code="share_youth").first()
    figure.value = Decimal(120)
    with pytest.raises(ValidationError, match="0"):
        figure.clean()
    figure.value = Decimal(20)
    figure.period_end = figure.period_start - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        figure.clean()


def test_editing_a_figure_in_the_listing_logs_the_change_and_leaves_the_page_alone(client):
    from wagtail.models import ModelLogEntry

    user = get_user_model().objects.create_superuser("lister", "l@example.org", "pw")
    client.force_login(user)
    figure = ImpactFigure.objects.of_source_pages().filter(indicator__code="members_total").first()
    old_value = figure.value
    revisions = figure.page.revisions.count()
    url = f"/admin/snippets/impact/impactfigure/edit/{figure.pk}/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update({"value": "77"})
    data = {k: ("" if v is None else v) for k, v in data.items()}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    figure.refresh_from_db()
    assert figure.value == Decimal(77)
    assert figure.page.revisions.count() == revisions  # no page revision is written or changed
    entry = ModelLogEntry.objects.get(object_id=str(figure.pk), action="impact.figure.edit")
    assert entry.user == user
    assert entry.data["changes"] == {"value": [f"{old_value:.2f}", "77.00"]}
    history = text(client.get(f"/admin/snippets/impact/impactfigure/history/{figure.pk}/"))
    assert f"{old_value:.2f} → 77.00" in history


@pytest.mark.parametrize("lang", ["%00", "th%00", "xx", "", "<b>"])
def test_api_refuses_an_unknown_language_without_asking_the_database(client, lang):
    """A NUL byte in ``lang`` once reached a query: a 500 on PostgreSQL (fuzz, issue 16's round)."""
    for path in ("/api/v1/impact/indicators/", "/api/v1/impact/figures/"):
        response = client.get(f"{path}?lang={lang}")
        assert response.status_code == 400, (path, lang)
        assert "unknown lang" in response.json()["error"]


def test_each_status_has_its_own_mark_in_tables_csv_and_json(client):
    """Illustrative, reported and verified figures are told apart wherever they are shown; a total has the status
    of its least trusted figure."""
    members = ImpactFigure.objects.of_source_pages().filter(indicator__code="members_total")
    members.filter(page__slug="ban-pho-thong").update(status="verified")
    members.exclude(page__slug="ban-pho-thong").update(status="reported")
    body = text(client.get("/en/impact/members_total/?tab=table")).split('id="im-groups-heading"')[0]  # the pilots'
    assert '<span class="im-badge im-badge--verified">Verified</span>' in body
    assert '<span class="im-badge im-badge--reported">Reported</span>' in body
    assert '<span class="im-badge">Illustrative</span>' not in body
    totals = re.findall(r'<td class="im-num"><strong>.*?</strong>(.*?)</td>', body, re.S)  # the total row
    assert totals and all("im-badge--reported" in t for t in totals)  # verified + reported = reported
    rows = csv_rows(client.get("/th/impact/figures.csv?indicator=members_total"))
    rows = [r for r in rows if not r["group"]]  # the demo network groups' are illustrative
    assert {(r["unit_slug"] == "ban-pho-thong", r["status"], r["illustrative"]) for r in rows} == {
        (True, "verified", "false"),
        (False, "reported", "false"),
    }
    data = json.loads(client.get("/en/impact/figures.json?indicator=members_total").content)
    assert {f["status"] for f in data["figures"] if not f["group"]} == {"verified", "reported"}
