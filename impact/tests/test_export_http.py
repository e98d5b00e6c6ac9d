"""Issue 22, must-have 3: the open-data exports are streamed as they are read, gzip-compressed for clients that
accept it, and answer conditional requests (``ETag`` / ``Last-Modified`` → 304) without building the body
(``home.downloads``)."""

import gzip
import json

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from impact import views
from impact.models import ImpactFigure

API = "/api/v1/impact/figures/?lang=en"
FIGURES = ["/th/impact/figures.csv", "/en/impact/figures.json", "/en/impact/members_total.csv", API]


@pytest.fixture
def streamed(monkeypatch):
    """Every export above ten rows is streamed (the demo has a few hundred figures)."""
    monkeypatch.setattr(views, "STREAM_ROWS", 10)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/th/impact/figures.csv", "/en/impact/figures.json", API, "/api/v1/impact/figures/?lang=th"]
)
def test_streamed_export_is_the_same_document_in_the_same_order(client, monkeypatch, path):
    whole = client.get(path)
    assert not whole.streaming
    monkeypatch.setattr(views, "STREAM_ROWS", 10)
    cache.clear()  # not the download kept from the first request
    streamed = client.get(path)
    assert streamed.streaming
    assert body(streamed) == whole.content
    if not path.endswith(".csv"):
        document = json.loads(whole.content)
        assert document["count"] == len(document["figures"]) == ImpactFigure.objects.published().count()


@pytest.mark.django_db
@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("path", FIGURES)
def test_gzip_body_decodes_to_the_plain_body(client, monkeypatch, stream, path):
    if stream:
        monkeypatch.setattr(views, "STREAM_ROWS", 10)
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed["Vary"]
    packed_body, plain_body = body(packed), body(plain)
    assert gzip.decompress(packed_body) == plain_body
    assert len(packed_body) < len(plain_body) / 3
    assert packed["ETag"] == plain["ETag"] and packed["ETag"].startswith('W/"')


@pytest.mark.django_db
@pytest.mark.parametrize("path", FIGURES)
def test_a_repeat_with_the_etag_is_304_without_a_query(client, streamed, path):
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    body(first)  # read as a client does (a streamed body left unread would keep its cursor past the test)
    etag, modified = first["ETag"], first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "Accept-Encoding" in again["Vary"]
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    other = client.get(path, HTTP_IF_NONE_MATCH='W/"something-else"')
    assert other.status_code == 200 and body(other)


@pytest.mark.django_db
def test_without_a_shared_cache_the_304_costs_one_query(client, settings):
    settings.CACHE_GENERATION = "database"
    etag = client.get("/th/impact/figures.csv")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/th/impact/figures.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(queries) == 1  # the purge generation


@pytest.mark.django_db
@pytest.mark.parametrize("path", FIGURES)
def test_a_changed_figure_changes_the_etag(client, path, django_capture_on_commit_callbacks):
    before = client.get(path)
    figure = ImpactFigure.objects.published().of_pilots().filter(indicator__code="members_total").first()
    figure.value += 1
    with django_capture_on_commit_callbacks(execute=True):  # the purge follows the commit
        figure.save()
    after = client.get(path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert body(after) != body(before)


@pytest.mark.django_db
@pytest.mark.parametrize("path", FIGURES)
def test_head_has_the_headers_and_answers_conditionally(client, streamed, path):
    get = client.get(path)
    assert body(get)
    head = client.head(path)
    assert head.status_code == 200 and body(head) == b""
    assert head["Content-Type"] == get["Content-Type"] and head["ETag"] == get["ETag"]
    assert head.get("Content-Disposition") == get.get("Content-Disposition")
    assert client.head(path, HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304
    assert client.head("/th/impact/figures.csv?indicator=nope").status_code == 400


@pytest.mark.django_db
def test_head_reads_no_figure(client, streamed):
    with CaptureQueriesContext(connection) as queries:
        assert client.head("/th/impact/figures.csv").status_code == 200
    assert not [q for q in queries if "impact_impactfigure" in q["sql"]]


@pytest.mark.django_db
def test_the_page_cache_leaves_downloads_to_the_view(client, settings):
    """One stored copy would give a gzip body to a client that cannot read it, and ignore ``If-None-Match``."""
    settings.PAGE_CACHE_SECONDS = 300
    packed = client.get("/th/impact/figures.csv", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/th/impact/figures.csv")
    assert "X-Page-Cache" not in plain and "Content-Encoding" not in plain
    assert gzip.decompress(packed.content) == plain.content
    assert client.get("/th/impact/figures.csv", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


def api_rows(response):
    return json.loads(body(response))["figures"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "lang=en&unit=ban-pho-thong&indicator=savings_total_thb&from=2024-Q2&to=2024-Q3",
        "lang=th&indicator=members_total&indicator=sroi_ratio",
        "lang=en&from=2024-07-01",
        "lang=en&unit=nowhere-at-all-but-a-slug",
    ],
)
def test_the_api_streams_the_same_bytes_as_rest_framework_writes_with_its_filters(client, monkeypatch, query):
    """The streamed API is REST framework's compact JSON byte for byte (``impact.api``), with the same filters."""
    from rest_framework.renderers import JSONRenderer

    whole = client.get(f"/api/v1/impact/figures/?{query}")
    monkeypatch.setattr(views, "STREAM_ROWS", 0)
    streamed = client.get(f"/api/v1/impact/figures/?{query}")
    if whole.status_code == 400:
        assert streamed.status_code == 400 and "bad filter value" in streamed.json()["error"]
        return
    assert not whole.streaming and streamed.streaming
    document = json.loads(whole.content)
    assert body(streamed) == whole.content == JSONRenderer().render(document)
    assert streamed["Content-Type"] == whole["Content-Type"] == "application/json"
    assert document["count"] == len(document["figures"]) > 0


@pytest.mark.django_db
def test_the_api_streams_only_public_figures(client, monkeypatch):
    """The one public rule (``ImpactFigure.objects.published()``): a unpublished unit's figures and a network group's
    figures not accepted are in no streamed answer."""
    from casestudies.models import CaseStudyPage
    from impact.models import FigureReview

    monkeypatch.setattr(views, "STREAM_ROWS", 0)
    before = api_rows(client.get(API))
    assert {"ban-pho-thong"} <= {r["unit_slug"] for r in before} and any(r["group"] for r in before)
    CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th").unpublish()
    pending = ImpactFigure.objects.of_groups().filter(review=FigureReview.ACCEPTED)
    group_names = set(pending.values_list("group__name", flat=True))
    pending.update(review=FigureReview.PENDING)
    for path in (API, "/api/v1/impact/figures/?lang=th", f"{API}&indicator=members_total"):
        response = client.get(path)
        assert response.streaming
        rows = api_rows(response)
        assert rows and "ban-pho-thong" not in {r["unit_slug"] for r in rows}
        assert not {r["group"] for r in rows} & group_names
    assert len(api_rows(client.get(API))) == ImpactFigure.objects.published().count() < len(before)


API_QUERIES = 6  # the locale, the units and the indicators, the hidden pages, the groups' rows, the pilots' (a cursor)


def more_figures(years):
    """Every demo unit's every Thai indicator over each quarter of ``years`` (before the demo's own periods)."""
    import datetime

    from casestudies.models import CaseStudyPage
    from impact.models import FigureStatus, Indicator

    units = CaseStudyPage.objects.filter(locale__language_code="th", alias_of__isnull=True, live=True)
    indicators = Indicator.objects.filter(locale__language_code="th")
    starts = [datetime.date(year, month, 1) for year in years for month in (1, 4, 7, 10)]
    figures = [
        ImpactFigure(
            page=unit,
            indicator=indicator,
            period_start=start,
            period_end=start.replace(month=start.month + 2, day=28),
            value=7,
            status=FigureStatus.ILLUSTRATIVE,
        )
        for unit in units
        for indicator in indicators
        for start in starts
    ]
    return len(ImpactFigure.objects.bulk_create(figures))


@pytest.mark.django_db
@pytest.mark.parametrize("path", [API, "/api/v1/impact/figures/?lang=th&from=2001-Q1&to=2012-Q4"])
def test_the_api_reads_a_fixed_number_of_queries_however_many_figures(client, django_assert_max_num_queries, path):
    small = len(api_rows(client.get(path)))
    with django_assert_max_num_queries(API_QUERIES):
        assert len(api_rows(client.get(path))) == small
    added = more_figures(range(2001, 2013))
    assert added > 1000
    with django_assert_max_num_queries(API_QUERIES):
        response = client.get(path)
        assert response.streaming  # past ``STREAM_ROWS``
        large = len(api_rows(response))
    assert large == small + added


@pytest.mark.django_db
def test_the_indicator_catalogue_is_a_download_too(client):
    path = "/api/v1/impact/indicators/?lang=en"
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip" and gzip.decompress(packed.content) == plain.content
    assert {"members_total", "sroi_ratio"} <= {i["code"] for i in plain.json()["indicators"]}
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    assert len(queries) == 0
