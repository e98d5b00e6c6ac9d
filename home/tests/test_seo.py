import json
import re
from types import SimpleNamespace

import pytest

from home import seo
from home.factories import standard_page
from home.models import HomePage

PAGES = [
    ("/th/", "HomePage", "website"),
    ("/en/", "HomePage", "website"),
    ("/th/about/", "StandardPage", "website"),
    ("/en/about/", "StandardPage", "website"),
    ("/th/case-studies/", "CaseStudyIndexPage", "website"),
    ("/en/case-studies/", "CaseStudyIndexPage", "website"),
    ("/th/case-studies/ban-pho-thong/", "CaseStudyPage", "article"),
    ("/en/case-studies/ban-pho-thong/", "CaseStudyPage", "article"),
    ("/th/toolkit/", "ToolkitPage", "website"),
    ("/en/toolkit/", "ToolkitPage", "website"),
    ("/th/toolkit/set-fund-rules/", "ToolkitStepPage", "website"),
    ("/en/toolkit/set-fund-rules/", "ToolkitStepPage", "website"),
    ("/th/impact/", "ImpactDashboardPage", "website"),
    ("/en/impact/", "ImpactDashboardPage", "website"),
    ("/th/news/", "NewsIndexPage", "website"),
    ("/en/news/", "NewsIndexPage", "website"),
    ("/th/news/eef-scg-occupation-fund-2023/", "NewsPage", "article"),
    ("/en/news/eef-scg-occupation-fund-2023/", "NewsPage", "article"),
]


def meta(body, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', body)
    return found


def json_ld(body):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "kind", "og_type"), PAGES)
def test_every_page_type_has_share_preview_tags(client, path, kind, og_type):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    language = path.split("/")[1]
    assert f'<link rel="canonical" href="http://testserver{path}">' in body
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1).strip()
    assert title and "None" not in title
    description = meta(body, "name", "description")
    assert len(description) == 1 and len(description[0]) > 20
    assert meta(body, "property", "og:title") and meta(body, "property", "og:title")[0]
    assert meta(body, "property", "og:description") == description
    assert meta(body, "property", "og:url") == [f"http://testserver{path}"]
    assert meta(body, "property", "og:type") == [og_type]
    assert meta(body, "property", "og:locale") == [{"th": "th_TH", "en": "en_US"}[language]]
    assert meta(body, "property", "og:locale:alternate") == [{"th": "en_US", "en": "th_TH"}[language]]
    image = meta(body, "property", "og:image")[0]
    assert image.startswith("http://testserver/")
    assert meta(body, "property", "og:image:width") == ["1200"]
    assert meta(body, "property", "og:image:height") == ["630"]
    assert meta(body, "name", "twitter:card") == ["summary_large_image"]
    assert meta(body, "name", "twitter:image") == [image]

    graph = json_ld(body)["@graph"]
    types = [node["@type"] for node in graph]
    assert types[0] == "Organization"
    if path.count("/") > 2:
        crumbs = next(node for node in graph if node["@type"] == "BreadcrumbList")["itemListElement"]
        assert crumbs[-1]["item"] == f"http://testserver{path}"
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
    else:  # the home page: a trail of one item is left out
        assert "BreadcrumbList" not in types
    assert ("Article" in types) is (og_type == "article")
    if og_type == "article":
        article = next(node for node in graph if node["@type"] == "Article")
        assert article["inLanguage"] == language and article["image"] == [image]
        assert article["datePublished"]


@pytest.mark.django_db
def test_news_share_preview_uses_its_date_hero_image_and_summary(client):
    body = client.get("/en/news/eef-scg-occupation-fund-2023/").content.decode()
    assert meta(body, "property", "article:published_time") == ["2023-02-22"]
    assert "fill-1200x630" in meta(body, "property", "og:image")[0]
    assert meta(body, "property", "og:image:alt") == [
        "An illustration of woven bands and circles, not a photograph of the meeting"
    ]
    assert meta(body, "name", "description")[0].startswith("On 22 February 2023, at the SCG Foundation")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["th", "en"])
def test_toolkit_step_is_described_by_its_purpose(client, language):
    from toolkit.models import ToolkitStepPage

    step = ToolkitStepPage.objects.get(slug="set-fund-rules", locale__language_code=language)
    body = client.get(f"/{language}/toolkit/set-fund-rules/").content.decode()
    assert meta(body, "name", "description") == [seo.clean_text(step.purpose)]


@pytest.mark.django_db
def test_page_without_image_uses_the_site_default(client):
    body = client.get("/th/about/").content.decode()
    assert meta(body, "property", "og:image") == ["http://testserver/static/img/share-default.png"]


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script(client, thai_home):
    standard_page(thai_home, "</script><script>alert(1)</script>", "xss")
    body = client.get("/th/xss/").content.decode()
    assert "</script><script>alert(1)" not in body
    assert json_ld(body)["@graph"][-1]["itemListElement"][-1]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_share_links_are_plain_links(client):
    body = client.get("/th/case-studies/ban-pho-thong/").content.decode()
    url = "http%3A%2F%2Ftestserver%2Fth%2Fcase-studies%2Fban-pho-thong%2F"
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={url}"' in body
    assert 'href="https://line.me/R/share?text=' in body
    assert 'href="mailto:?subject=' in body
    assert 'class="share__link share__permalink" href="http://testserver/th/case-studies/ban-pho-thong/"' in body
    # No third-party script, no inline script other than JSON-LD.
    scripts = re.findall(r"<script([^>]*)>", body)
    assert all('src="/static/' in attrs or 'type="application/ld+json"' in attrs for attrs in scripts)


def test_meta_description_falls_back_in_order():
    page = SimpleNamespace(search_description="", summary="", intro="  The <b>intro</b>\n text ")
    assert seo.meta_description(page) == "The intro text"
    page.search_description = "Own description"
    assert seo.meta_description(page) == "Own description"
    hooked = SimpleNamespace(get_meta_description=lambda: "", search_description="", intro="")
    assert seo.meta_description(hooked) == seo.default_description()
    assert seo.meta_description(None) == seo.default_description()
    long = SimpleNamespace(search_description="ก" * 500)
    assert len(seo.meta_description(long)) == seo.DESCRIPTION_LENGTH


def test_share_image_prefers_the_hook_then_fields():
    assert seo.share_image_of(SimpleNamespace(get_share_image=lambda: "hooked", hero_image="hero")) == "hooked"
    assert seo.share_image_of(SimpleNamespace(share_image=None, hero_image="hero")) == "hero"
    assert seo.share_image_of(SimpleNamespace(share_image="own", hero_image="hero")) == "own"
    assert seo.share_image_of(SimpleNamespace()) is None
    assert seo.share_image_of(None) is None


@pytest.mark.django_db
def test_home_title_is_the_site_name(client):
    body = client.get("/en/").content.decode()
    assert "<title>Occupational Development Fund model</title>" in body
    assert HomePage.objects.count() == 2


@pytest.mark.django_db
def test_untranslated_alias_points_canonical_at_the_original(client, thai_home):
    from wagtail_localize.synctree import create_aliases_for_new_page

    page = standard_page(thai_home, "เฉพาะภาษาไทย", "thai-only", intro="ภาษาไทย")
    create_aliases_for_new_page(page)
    body = client.get("/en/thai-only/").content.decode()
    assert '<link rel="canonical" href="http://testserver/th/thai-only/">' in body
