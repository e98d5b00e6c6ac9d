import re
import xml.etree.ElementTree as ET

import pytest

from django.core.management import call_command
from django.db import OperationalError

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from home.factories import SAVED, standard_page
from home.models import HomePage, Partner, StandardPage
from home.sitemap import SECTION_NAMES
from tests.sitemaps import every_sitemap, section_paths

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("path", "lang", "text"), [("/th/", "th", "กองทุนเพื่อพัฒนาอาชีพ"), ("/en/", "en", "fund")])
def test_home_renders_in_each_language(client, path, lang, text):
    response = client.get(path)
    assert response.status_code == 200
    assert html_lang(response) == lang
    body = response.content.decode()
    assert text in body
    assert '<link rel="alternate" hreflang="th" href="http://testserver/th/">' in body
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in body
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/th/">' in body
    assert 'href="#main"' in body and 'id="main"' in body


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-US,en;q=0.9", "/en/"), ("th-TH,th;q=0.9,en;q=0.5", "/th/"), ("fr-FR,fr;q=0.9", "/th/"), (None, "/th/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_switcher_links_to_the_same_page_in_the_other_language(client):
    body = client.get("/th/about/").content.decode()
    assert 'href="http://testserver/en/about/" lang="en" hreflang="en"' in body
    body = client.get("/en/partners/").content.decode()
    assert 'href="http://testserver/th/partners/" lang="th" hreflang="th"' in body


def test_switcher_says_not_translated_for_an_untranslated_page(client, thai_home):
    page = standard_page(thai_home, "วิธีเข้าร่วม", "how-to-join", english_alias=True, intro="ยังไม่แปล")
    # Locale synchronisation gives the English tree an alias that still shows the Thai text.
    alias = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert alias.alias_of_id == page.pk

    thai = client.get("/th/how-to-join/").content.decode()
    assert "not translated yet" in thai  # the switcher's English entry says so in English
    assert 'href="http://testserver/en/how-to-join/"' not in thai
    assert 'hreflang="en"' not in thai

    english = client.get("/en/how-to-join/")
    assert english.status_code == 200
    text = english.content.decode()
    assert "has not been translated into English yet" in text
    assert '<main id="main" tabindex="-1" lang="th">' in text


def test_404_in_each_language(client):
    thai = client.get("/th/no-such-page/")
    assert thai.status_code == 404
    assert html_lang(thai) == "th"
    assert "ไม่พบหน้าที่ต้องการ" in thai.content.decode()
    english = client.get("/en/no-such-page/")
    assert english.status_code == 404
    assert html_lang(english) == "en"
    assert "Page not found" in english.content.decode()


def test_500_template_is_bilingual_and_static():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "ขออภัย" in html and "Sorry, something went wrong" in html


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}


def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] is False


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_languages_with_alternates(client):
    locs = []
    for path in section_paths(client):
        response = client.get(path)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
        root = ET.fromstring(response.content)
        locs += [u.find("s:loc", SITEMAP_NS).text for u in root.findall("s:url", SITEMAP_NS)]
        for url in root.findall("s:url", SITEMAP_NS):
            langs = {link.get("hreflang") for link in url.findall("x:link", SITEMAP_NS)}
            assert {"th", "en", "x-default"} <= langs
    assert "http://testserver/th/about/" in locs and "http://testserver/en/about/" in locs
    assert len(locs) == len(set(locs))  # each page in one section only


def test_sitemap_is_an_index_of_one_sitemap_per_section(client):
    """Issue 22, must-have 3: ``/sitemap.xml`` is a sitemap index; each section lists its own pages."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [s.find("s:loc", SITEMAP_NS).text for s in root.findall("s:sitemap", SITEMAP_NS)]
    assert listed == [f"http://testserver/sitemap-{name}.xml" for name in SECTION_NAMES]
    assert all(s.find("s:lastmod", SITEMAP_NS) is not None for s in root.findall("s:sitemap", SITEMAP_NS))
    news = client.get("/sitemap-news.xml").content.decode()
    assert "/th/news/" in news and "/case-studies/" not in news
    studies = client.get("/sitemap-case-studies.xml").content.decode()
    assert "/th/case-studies/ban-pho-thong/" in studies and "/news/" not in studies
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/th/about/" in pages and "/news/" not in pages and "/toolkit/" not in pages
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemaps_are_kept_until_a_publish(client, thai_home, django_assert_num_queries):
    client.get("/sitemap.xml")
    client.get("/sitemap-pages.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").status_code == 200
        assert client.get("/sitemap-pages.xml").status_code == 200
    standard_page(thai_home, "หน้าใหม่", "fresh-page")  # published: purges the caches
    assert "http://testserver/th/fresh-page/" in client.get("/sitemap-pages.xml").content.decode()


def test_sitemaps_render_with_every_cache_off(client, caches_off):
    assert "/th/news/" in every_sitemap(client)


def test_sitemap_leaves_out_drafts_and_untranslated_aliases(client, thai_home):
    draft = standard_page(thai_home, "ร่าง", "draft-page", state=SAVED, live=False)
    draft.save_revision()
    standard_page(thai_home, "ใหม่", "new-page", english_alias=True)
    assert Page.objects.filter(slug="new-page", locale__language_code="en", alias_of__isnull=False).exists()
    body = every_sitemap(client)
    assert "draft-page" not in body
    assert "http://testserver/th/new-page/" in body
    assert "http://testserver/en/new-page/" not in body


def test_robots_txt_names_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_home_page_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get("/th/")  # warm Wagtail's site-root cache and the page's fragments as a running server would be
    client.get("/en/")
    # Issue 10's bound: every public page type at most 12 SQL queries uncached.
    with django_assert_max_num_queries(12):
        assert client.get("/th/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/en/").status_code == 200


def test_footer_lists_partners_in_the_reader_language(client):
    assert "มูลนิธิเอสซีจี" in client.get("/th/").content.decode()
    english = client.get("/en/").content.decode()
    assert "SCG Foundation" in english and "Equitable Education Fund" in english


def test_demo_content_is_bilingual_and_fully_translated():
    for model in (HomePage, StandardPage, Partner):
        thai = model.objects.filter(locale__language_code="th").count()
        english = model.objects.filter(locale__language_code="en").count()
        assert thai == english > 0, model
    assert not Page.objects.filter(locale__language_code="en", alias_of__isnull=False).exists()
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    assert "nine ideas" not in about.title and about.title == "About the model"


def test_load_demo_content_twice_changes_nothing():
    def snapshot():
        return (
            Page.objects.count(),
            Revision.objects.count(),
            Partner.objects.count(),
            TranslationSource.objects.count(),
            StringTranslation.objects.count(),
        )

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_one_home_page_per_language(thai_home):
    from django.core.exceptions import ValidationError

    extra = HomePage(title="ซ้ำ", slug="dup", hero_heading="x", hero_intro="y", locale=thai_home.locale)
    with pytest.raises(ValidationError):
        extra.clean()
    assert not HomePage.can_create_at(Page.get_first_root_node())


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "title"), [("th", "คำถามที่พบบ่อย"), ("en", "Frequently asked questions")])
def test_faq_answers_in_each_language_link_to_pages_of_that_language(client, language, title):
    response = client.get(f"/{language}/faq/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f">{title}</h1>" in body
    main = body.split('<main id="main"')[1].split("</main>")[0]
    assert len(re.findall(r"<h2[ >]", main)) >= 7  # one heading per question (and the share box)
    links = set(re.findall(r'<a href="(/(?:th|en)/[^"]*)"', main))
    assert len(links) >= 5
    for href in links:
        assert href.startswith(f"/{language}/"), href
        assert client.get(href).status_code == 200, href
    # Linked from every footer, before the privacy page.
    footer = client.get(f"/{language}/").content.decode().split('<footer class="site-footer">')[1]
    assert footer.index(f'<a href="/{language}/faq/">{title}</a>') < footer.index(f'<a href="/{language}/privacy/">')


def test_admin_offers_every_section_that_declares_the_home_page_as_its_parent(admin_client, thai_home):
    """HomePage names no subpage types; each section's page type declares ``parent_page_types = ["home.HomePage"]``."""
    assert {m._meta.label for m in HomePage.creatable_subpage_models()} >= {
        "home.StandardPage",
        "casestudies.CaseStudyIndexPage",
        "toolkit.ToolkitPage",
        "impact.ImpactDashboardPage",
        "news.NewsIndexPage",
    }
    # The demo has every one-per-home section already, so the admin goes straight to the one type left.
    response = admin_client.get(f"/admin/pages/{thai_home.pk}/add_subpage/")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/add/home/standardpage/{thai_home.pk}/"
    news_index = Page.objects.get(locale=thai_home.locale, slug="news").specific
    news_index.delete()
    response = admin_client.get(f"/admin/pages/{thai_home.pk}/add_subpage/")
    assert f"/admin/pages/add/news/newsindexpage/{thai_home.pk}/" in response.content.decode()
