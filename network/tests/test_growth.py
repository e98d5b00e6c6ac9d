"""The network's count over time on the home and impact pages."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from home.factories import signed_in, user
from network import moderation
from network.growth import cumulative_by_year

from .helpers import make_registration


def test_cumulative_by_year_fills_the_gaps():
    dates = [datetime.date(2023, 5, 1), None, datetime.date(2025, 1, 1), datetime.date(2025, 3, 1)]
    assert cumulative_by_year(dates) == [(2023, 1), (2024, 1), (2025, 3)]
    assert cumulative_by_year([]) == []


def _approved(year):
    return timezone.make_aware(datetime.datetime(year, 6, 1, 12))


@pytest.mark.django_db
@pytest.mark.parametrize("language, year_label", [("th", "2563"), ("en", "2020")])
def test_home_and_impact_pages_show_the_count_over_time(client, language, year_label):
    make_registration(name="Early group", approved_at=_approved(2020))
    make_registration(status="submitted", approved_at=None)
    body = client.get(f"/{language}/").content.decode()
    assert 'class="wrap net-growth"' in body
    assert f"<td>{year_label}</td><td>1</td>" in body  # Buddhist Era for Thai readers
    impact = client.get(f"/{language}/impact/").content.decode()
    assert 'class="wrap net-growth"' in impact
    assert f"<td>{year_label}</td><td>1</td>" in impact


@pytest.mark.django_db
def test_an_approval_purges_the_cached_pages(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("network_index")
    registration = make_registration(status="submitted", name="กลุ่มใหม่ล่าสุด")
    assert "กลุ่มใหม่ล่าสุด" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    moderator = signed_in(user("purgemod", "Moderators"))
    moderator.post(reverse("network_review", args=[registration.pk]), {"decision": moderation.APPROVE})
    assert "กลุ่มใหม่ล่าสุด" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_new_submission_leaves_the_caches_alone_an_approval_purges_them(client):
    from home.page_cache import generation

    from .helpers import fresh_address, valid_post

    before = generation()
    client.post(reverse("network_join"), valid_post(name="กลุ่มไม่ล้างแคช"), REMOTE_ADDR=fresh_address())
    registration = moderation.Registration.objects.get(name="กลุ่มไม่ล้างแคช")
    assert generation() == before  # a flood of submissions cannot empty the page cache
    moderation.decide(registration, moderation.APPROVE, None)
    assert generation() != before
