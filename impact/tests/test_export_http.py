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

FIGURES = ["/th/impact/figures.csv", "/en/impact/figures.json", "/en/impact/members_total.csv"]


@pytest.fixture
def streamed(monkeypatch):
    """Every export above ten rows is streamed (the demo has a few hundred figures)."""
    monkeypatch.setattr(views, "STREAM_ROWS", 10)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/th/impact/figures.csv", "/en/impact/figures.json"])
def test_streamed_export_is_the_same_document_in_the_same_order(client, monkeypatch, path):
    whole = client.get(path)
    assert not whole.streaming
    monkeypatch.setattr(views, "STREAM_ROWS", 10)
    cache.clear()  # not the download kept from the first request
    streamed = client.get(path)
    assert streamed.streaming
    assert body(streamed) == whole.content
    if path.endswith(".json"):
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
