import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest

from casestudies.models import CaseStudyPage
from home.demo_data import pilot_slugs
from news import factories
from news.factories import news_item
from news.models import NewsPage

pytestmark = pytest.mark.django_db

ARTICLE = "eef-scg-occupation-fund-2023"


@pytest.fixture
def thai_index(db):
    return factories.thai_index()


@pytest.mark.parametrize(
    ("path", "title", "date"),
    [
        ("/th/news/", "ผสานความร่วมมือพัฒนาตัวแบบ ‘กองทุนเพื่อพัฒนาอาชีพ’", "22 กุมภาพันธ์ 2566"),
        ("/en/news/", "join forces to develop the ‘occupational development fund’ model", "22 February 2023"),
    ],
)
def test_index_lists_the_source_article_in_each_language(client, path, title, date):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert title in body
    assert date in body
    assert f'href="{path}{ARTICLE}/"' in body


@pytest.mark.parametrize(
    ("path", "texts"),
    [
        (
            f"/th/news/{ARTICLE}/",
            ["ดร.ไกรยส ภัทราวาท", "22 กุมภาพันธ์ 2566", "วิสาหกิจชุมชนพอใจในวิถีพอเพียง", "มูลนิธิเอสซีจี", "การประชุมภาคี"],
        ),
        (
            f"/en/news/{ARTICLE}/",
            [
                "Dr. Kraiyos Patrawart",
                "22 February 2023",
                "/en/case-studies/ban-pho-thong/",
                "SCG Foundation",
                "Partners&#x27; meeting",
            ],
        ),
    ],
)
def test_news_item_shows_units_partners_and_tags_in_its_language(client, path, texts):
    body = client.get(path).content.decode()
    for text in texts:
        assert text in body


def test_demo_article_is_linked_to_the_three_units_and_partners(thai_index):
    article = NewsPage.objects.get(locale__language_code="th", slug=ARTICLE)
    assert article.date == datetime.date(2023, 2, 22)
    assert set(article.related_case_studies.values_list("slug", flat=True)) == set(pilot_slugs().values())
    assert article.partners.count() == 3
    assert article.hero_image_id and article.hero_alt


def test_index_is_newest_first_and_paginated(client, thai_index):
    for day in range(1, 12):
        news_item(thai_index, f"item-{day}", datetime.date(2024, 1, day))
    body = client.get("/th/news/").content.decode()
    first_page = [pos for pos in (body.find(f"/th/news/item-{d}/") for d in range(11, 1, -1))]
    assert all(pos > 0 for pos in first_page)
    assert first_page == sorted(first_page)  # 11 Jan before 10 Jan before ...
    assert "/th/news/item-1/" not in body and ARTICLE not in body  # 10 per page
    second = client.get("/th/news/?page=2").content.decode()
    assert "/th/news/item-1/" in second and ARTICLE in second
    assert client.get("/th/news/?page=999").status_code == 200
    assert client.get("/th/news/?page=abc").status_code == 200


@pytest.mark.parametrize(
    ("path", "article_shown", "later_shown"),
    [
        ("/th/news/?year=2566", True, False),
        ("/th/news/?year=2567", False, True),
        ("/th/news/?year=2023", True, False),
        ("/en/news/?year=2023", True, False),
    ],
)
def test_year_filter_uses_each_languages_era(client, thai_index, path, article_shown, later_shown):
    news_item(thai_index, "later", datetime.date(2024, 5, 1))
    body = client.get(path).content.decode()
    assert (ARTICLE in body) is article_shown
    assert ("/th/news/later/" in body) is later_shown


def test_year_options_are_shown_in_each_languages_era(client):
    assert '<option value="2566"' in client.get("/th/news/").content.decode()
    assert '<option value="2023"' in client.get("/en/news/").content.decode()


def test_unit_filter(client, thai_index):
    news_item(thai_index, "other", datetime.date(2024, 5, 1))
    body = client.get("/en/news/?unit=ban-pho-thong").content.decode()
    assert ARTICLE in body and "/th/news/other/" not in body
    body = client.get("/th/news/?unit=ban-pho-thong").content.decode()
    assert ARTICLE in body and "/th/news/other/" not in body
    # The units are listed by region, in the regions' fixed order, in both languages.
    for language, regions in (
        ("en", ["North", "Northeast", "West"]),
        ("th", ["ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคตะวันตก"]),
    ):
        select = (
            client.get(f"/{language}/news/").content.decode().split('id="news-filter-unit"')[1].split("</select>")[0]
        )
        assert [part.split('"')[0] for part in select.split('<optgroup label="')[1:]] == regions
        assert 'value="ban-pho-thong"' in select.split("<optgroup")[2]


@pytest.mark.parametrize(
    "query",
    ["year=abc", "year=99999999999999999999", "year=1999", "unit=nope", "unit=%00", "year=2566&unit=<x>&page=-1"],
)
def test_bad_filter_values_are_ignored_with_a_notice(client, query):
    response = client.get(f"/th/news/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert ARTICLE in body
    assert 'class="news-notice"' in body


def test_drafts_are_absent_from_list_and_feeds(client, thai_index):
    news_item(thai_index, "secret-draft", datetime.date(2030, 1, 1), publish=False)
    for path in ("/th/news/", "/th/news/feed/", "/th/news/feed/atom/"):
        assert "secret-draft" not in client.get(path).content.decode()
    assert client.get("/th/news/secret-draft/").status_code == 404


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize(("suffix", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_feeds_validate_and_parse(client, thai_index, language, suffix, version):
    news_item(thai_index, "second", datetime.date(2024, 3, 1))
    response = client.get(f"/{language}/news/{suffix}")
    assert response.status_code == 200
    ET.fromstring(response.content)  # well-formed XML
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    expected = 2 if language == "th" else 1  # the new Thai item is not translated
    assert len(feed.entries) == expected
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/news/")
        assert entry.get("published_parsed") or entry.get("updated_parsed")
    assert feed.feed.link.startswith("http://testserver/")
    assert feed.entries[-1].link.endswith(f"/{ARTICLE}/")
    article = feed.entries[-1]
    assert (article.get("published_parsed") or article.updated_parsed)[:3] in ((2023, 2, 22), (2023, 2, 21))


def test_rss_dates_are_rfc_822(client):
    root = ET.fromstring(client.get("/th/news/feed/").content)
    assert root.find("channel/item/pubDate").text == "Wed, 22 Feb 2023 00:00:00 +0700"
    assert root.find("channel/language").text == "th"


@pytest.mark.parametrize("path", ["/th/", "/en/about/", "/th/case-studies/", "/en/news/"])
def test_every_page_links_to_its_languages_feeds(client, path):
    language = path.split("/")[1]
    body = client.get(path).content.decode()
    assert 'type="application/rss+xml" title="' in body
    assert f'href="http://testserver/{language}/news/feed/"' in body
    assert f'href="http://testserver/{language}/news/feed/atom/"' in body


@pytest.mark.parametrize("language", ["th", "en"])
def test_case_study_shows_its_news(client, language):
    body = client.get(f"/{language}/case-studies/ban-pho-thong/").content.decode()
    assert 'id="related-news-heading"' in body
    assert f'href="/{language}/news/{ARTICLE}/"' in body


def test_case_study_without_news_has_no_news_section(client, thai_index):
    article = NewsPage.objects.get(locale__language_code="th", slug=ARTICLE)
    unit = CaseStudyPage.objects.get(locale__language_code="th", slug="ban-pho-thong")
    article.related_case_studies.remove(unit)
    article.save_revision().publish()
    body = client.get("/th/case-studies/ban-pho-thong/").content.decode()
    assert 'id="related-news-heading"' not in body


def test_index_query_count_is_bounded(client, thai_index, django_assert_max_num_queries):
    for day in range(1, 8):
        news_item(thai_index, f"q-{day}", datetime.date(2024, 2, day))
    client.get("/th/news/")
    with django_assert_max_num_queries(40):
        assert client.get("/th/news/?unit=ban-pho-thong").status_code == 200


def test_news_admin_pages_have_help_text(admin_client, thai_index):
    response = admin_client.get(f"/admin/pages/add/news/newspage/{thai_index.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "สองถึงสามประโยคที่แสดงในรายการข่าว" in body  # the admin speaks Thai
