"""The public network page: only approved groups, filters, paging, the map and counts, both languages, the
query bound with caches off, and no contact detail on any public surface, cache or log."""

import logging
import re

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from home.factories import signed_in, user
from impact import group_reports
from impact.models import ImpactFigure
from network import moderation
from network.models import Registration
from network.network_map import region_counts

from .helpers import fresh_address, make_registration, valid_post

pytestmark = pytest.mark.django_db

# Distinctive strings no page could contain by chance.
PHONE = "097 531 8642"
EMAIL = "zq-contact-7f3a@example.org"
LINE = "zq.line.7f3a"
PERSON = "คุณซีคิวทดสอบเจ็ดเอฟ"
SECRETS = (PHONE, EMAIL, LINE, PERSON, "0975318642")


def index_url(language="th"):
    with translation.override(language):
        return reverse("network_index")


@pytest.mark.parametrize("language", ["th", "en"])
def test_only_approved_groups_are_listed(client, language):
    for status in ("submitted", "needs_info", "approved", "rejected", "withdrawn"):
        make_registration(status=status, name=f"Group {status}")
    body = client.get(index_url(language)).content.decode()
    assert f'<html lang="{language}"' in body
    assert "Group approved" in body
    for status in ("submitted", "needs_info", "rejected", "withdrawn"):
        assert f"Group {status}" not in body
    assert {"th": "บึงกาฬ", "en": "Bueng Kan"}[language] in body
    assert {"th": "เมืองบึงกาฬ", "en": "Mueang Bueng Kan"}[language] in body


def test_the_public_rule_is_one_queryset_method():
    approved = make_registration(status="approved")
    waiting = make_registration(status="submitted")
    public = set(Registration.objects.public())
    assert approved in public and waiting not in public


def test_filters_by_region_province_and_kind(client):
    make_registration(name="North group", province_code="52", district_code="5201", kind="club")
    make_registration(name="Northeast group", province_code="38", district_code="3801", kind="savings_group")
    body = client.get(index_url(), {"region": "north"}).content.decode()
    assert "North group" in body and "Northeast group" not in body
    body = client.get(index_url(), {"province": "38"}).content.decode()
    assert "Northeast group" in body and "North group" not in body
    body = client.get(index_url(), {"kind": "club"}).content.decode()
    assert "North group" in body and "Northeast group" not in body


@pytest.mark.parametrize(
    "query", [{"region": "mars"}, {"province": "999"}, {"kind": "<script>"}, {"province": ["10", "x"]}]
)
def test_unknown_filters_answer_400_with_no_groups(client, query):
    make_registration(name="Any group")
    response = client.get(index_url(), query)
    assert response.status_code == 400
    assert "Any group" not in response.content.decode()


def test_paging(client):
    for number in range(25):
        make_registration(name=f"Paged group {number:02d}", province_code="10", district_code="1001")
    first = client.get(index_url()).content.decode()
    second = client.get(index_url(), {"page": "2"}).content.decode()
    assert "page=2" in first
    listed = [f"Paged group {n:02d}" for n in range(25)]
    assert sum(name in first for name in listed) == 20
    assert sum(name in second for name in listed) == 5
    assert client.get(index_url(), {"page": "abc"}).status_code == 200


def test_counts_by_region_on_the_map(client):
    assert region_counts({"52": 2, "38": 1, "10": 3, "xx": 9}) == {
        "north": 2,
        "northeast": 1,
        "central": 3,
        "east": 0,
        "west": 0,
        "south": 0,
    }
    Registration.objects.all().delete()
    make_registration(province_code="52", district_code="5201")
    make_registration(province_code="50", district_code="5001")
    body = client.get(index_url("en")).content.decode()
    assert "North: 2 groups" in body  # the numbered circle's label
    assert 'class="net-map__pilot"' in body  # the pilot units beside the groups


def test_illustrative_groups_are_labelled(client):
    make_registration(name="Made-up group", is_illustrative=True)
    body = client.get(index_url("en")).content.decode()
    assert "Illustrative" in body


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("query", [{}, {"region": "north", "kind": "club"}])
def test_network_page_cold_within_12_queries(client, caches_off, django_assert_max_num_queries, language, query):
    url = index_url(language)
    assert client.get(url, query).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url, query).status_code == 200


@pytest.mark.parametrize("language", ["th", "en"])
def test_join_form_cold_within_12_queries(client, caches_off, django_assert_max_num_queries, language):
    with translation.override(language):
        url = reverse("network_join")
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def _public_urls():
    urls = []
    for language in ("th", "en"):
        with translation.override(language):
            network = reverse("network_index")
            urls += [
                network,
                f"{network}?region=northeast",
                f"{network}?province=38",
                f"{network}?kind=savings_group",
                reverse("network_join"),
                reverse("network_join_thanks"),
                f"/{language}/",
                reverse("search") + "?q=zq",
                reverse("search") + "?q=" + "กลุ่มรั่วไหล",
            ]
            urls += [f"/{language}/impact/figures.csv", f"/{language}/impact/figures.json", f"/{language}/news/feed/"]
            # Where a group's reported figures appear once accepted (issue 21, must-have 5):
            urls += [
                f"/{language}/impact/",
                f"/{language}/impact/members_total/",
                f"/{language}/impact/datapackage.json",
            ]
    return urls + ["/sitemap.xml", "/robots.txt", "/api/v1/impact/figures/", "/api/v1/impact/indicators/"]


def test_no_contact_detail_on_any_public_surface_cache_or_log(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    caplog.set_level(logging.DEBUG)
    user("leakmod", "Moderators")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network_join"),
            valid_post(
                name="กลุ่มรั่วไหล",
                contact_name=PERSON,
                contact_phone=PHONE,
                contact_line_id=LINE,
                contact_email=EMAIL,
            ),
            REMOTE_ADDR=fresh_address(),
        )
    assert response.status_code == 302
    registration = Registration.objects.get(name="กลุ่มรั่วไหล")
    moderator = signed_in(user("leakmod2", "Moderators"))
    moderator.post(reverse("network_review", args=[registration.pk]), {"decision": moderation.APPROVE})
    registration.refresh_from_db()
    assert registration.status == "approved" and registration.contact_email == EMAIL
    # The group reports a figure through its private link and staff accept it: its name is then on the impact pages.
    with django_capture_on_commit_callbacks(execute=True):
        link = moderator.post(reverse("network_report_link", args=[registration.pk])).content.decode()
        report = re.search(r'value="http://testserver(/(?:th|en)/network/report/[^"]+/)"', link).group(1)
        quarter = group_reports.recent_quarters()[0][0]
        assert client.post(report, {"quarter": quarter, "value_members_total": "31"}).status_code == 200
        figures = list(ImpactFigure.objects.filter(group=registration))
        moderator.post(
            reverse("impact_group_figures_review"), {"figure": [f.pk for f in figures], "decision": "accept"}
        )
    assert ImpactFigure.objects.published().filter(group=registration).count() == 1

    seen_name = False
    for url in _public_urls():
        for _ in range(2):  # the second time from the page cache where it keeps the page
            answer = client.get(url)
            assert answer.status_code in (200, 301, 302, 404), url
            content = b"".join(answer.streaming_content) if answer.streaming else answer.content
            text = content.decode("utf-8", "replace")
            seen_name = seen_name or "กลุ่มรั่วไหล" in text
            for secret in SECRETS:
                assert secret not in text, (url, secret)
    assert seen_name  # the group itself is public
    assert "กลุ่มรั่วไหล" in client.get("/en/impact/members_total/").content.decode()  # its figure, accepted

    locmem = getattr(cache, "_cache", {})
    assert locmem, "the page cache kept something to search"
    for value in locmem.values():
        for secret in SECRETS:
            assert secret.encode() not in value, secret
    for secret in SECRETS:
        assert secret not in caplog.text, secret
