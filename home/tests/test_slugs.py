"""Thai titles get romanised ASCII slugs: the pure function, the page hook, the admin form and the editor endpoint."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import signed_in, user
from home.models import HomePage, StandardPage
from home.slugs import first_free_slug, is_ascii_slug, romanised_slug
from news.models import NewsIndexPage, NewsPage

# Hand-picked titles and what PyThaiNLP's royin engine really gives for them, word by word.
ROMANISED = [
    ("กองทุนพัฒนาอาชีพ", "kongthun-phatna-achip"),
    ("สำรวจชุมชนและทุนเดิม", "samruat-chumchon-lae-thundoem"),
    ("ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน", "chomrom-phuea-phuean-phu-phikan-tambon-chaeson"),
    ("คำถามที่พบบ่อย", "khamtham-thi-phop-boi"),
    # royin alone would leave a Thai letter in this one ("tuaoiาng"): slugs stay ASCII.
    ("เกี่ยวกับเนื้อหาตัวอย่าง", "kiaokap-nueaha-tuayang"),
    # Mixed titles keep their English words; Thai digits become 0-9; punctuation separates words.
    ("วิสาหกิจชุมชน SCG ลำปาง", "wisakitchumchon-scg-lampang"),
    ("ข่าว ๒๕๖๘: Annual Report", "khao-2568-annual-report"),
    ("Café “déjà vu”", "cafe-deja-vu"),
]


@pytest.mark.parametrize(("title", "slug"), ROMANISED)
def test_romanised_slug_of_hand_picked_titles(title, slug):
    assert romanised_slug(title) == slug
    assert is_ascii_slug(slug)


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", "—"])
def test_nothing_to_romanise_gives_an_empty_slug(text):
    assert romanised_slug(text) == ""


def test_a_long_title_is_cut_after_a_whole_word():
    slug = romanised_slug("กองทุนพัฒนาอาชีพ " * 20, max_length=30)
    assert slug == "kongthun-phatna-achip-kongthun"
    assert len(romanised_slug("กองทุนพัฒนาอาชีพ " * 40)) <= 100


def test_first_free_slug_numbers_clashes_from_two():
    assert first_free_slug("news", set()) == "news"
    assert first_free_slug("news", {"news"}) == "news-2"
    assert first_free_slug("news", {"news", "news-2", "news-3"}) == "news-4"


@pytest.mark.parametrize(
    ("value", "ascii"), [("fund-rules", True), ("Fund_2", True), ("", False), ("ข่าว", False), ("a b", False)]
)
def test_is_ascii_slug(value, ascii):
    assert is_ascii_slug(value) is ascii


# The page hook: programmatic creation, drafts, copies.


def test_a_page_added_in_code_with_a_thai_title_gets_the_romanised_slug(thai_home):
    page = thai_home.add_child(instance=StandardPage(title="กองทุนพัฒนาอาชีพ"))
    assert page.slug == "kongthun-phatna-achip"
    draft = thai_home.add_child(instance=StandardPage(title="กองทุนพัฒนาอาชีพ", live=False))
    assert draft.slug == "kongthun-phatna-achip-2"


def test_a_thai_slug_set_in_code_is_romanised(thai_home):
    page = thai_home.add_child(instance=StandardPage(title="Fund", slug="ระเบียบกองทุน"))
    assert page.slug == "rabiap-kongthun"


def test_an_ascii_slug_is_kept(thai_home):
    page = thai_home.add_child(instance=StandardPage(title="กองทุนพัฒนาอาชีพ", slug="fund"))
    assert page.slug == "fund"


def test_a_copy_with_an_empty_slug_gets_a_free_romanised_slug(thai_home):
    page = thai_home.add_child(instance=StandardPage(title="กองทุนพัฒนาอาชีพ"))
    copy = page.copy(update_attrs={"slug": "", "title": "กองทุนพัฒนาอาชีพ"}, copy_revisions=False)
    copy.refresh_from_db()
    assert copy.slug == "kongthun-phatna-achip-2"


# The admin: the create view with an empty slug, for a standard page and a news page.


@pytest.fixture
def editor(db):
    return user("slug-editor", superuser=True)


@pytest.fixture
def editor_client(client, editor):
    return signed_in(editor, client)


def standard_page_form(title, slug=""):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>เนื้อหา</p>"))]),
        }
    )


def news_page_form(title, slug=""):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-03-01",
            "summary": "สรุปข่าว",
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>ข่าว</p>"))]),
        }
    )


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def test_admin_creates_a_thai_titled_standard_page_with_the_romanised_slug(editor_client, thai_home):
    response = editor_client.post(add_url(StandardPage, thai_home), standard_page_form("กองทุนพัฒนาอาชีพ"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    thai = StandardPage.objects.get(title="กองทุนพัฒนาอาชีพ", locale__language_code="th")
    assert thai.slug == "kongthun-phatna-achip"
    assert thai.get_parent().specific == thai_home
    # The English counterpart shares the slug.
    assert StandardPage.objects.get(translation_key=thai.translation_key, locale__language_code="en").slug == thai.slug


def test_admin_creates_a_thai_titled_news_page_with_a_free_romanised_slug(editor_client):
    index = NewsIndexPage.objects.get(locale__language_code="th")
    index.add_child(
        instance=NewsPage(title="เดิม", slug="kongthun-phatna-achip", date=datetime.date(2025, 1, 1), summary="s")
    )
    response = editor_client.post(add_url(NewsPage, index), news_page_form("กองทุนพัฒนาอาชีพ"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    news = NewsPage.objects.get(title="กองทุนพัฒนาอาชีพ", locale__language_code="th")
    assert news.slug == "kongthun-phatna-achip-2"


def test_admin_romanises_a_slug_typed_in_thai(editor_client, thai_home):
    response = editor_client.post(
        add_url(StandardPage, thai_home), standard_page_form("Fund rules", slug="ระเบียบกองทุน")
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(title="Fund rules", locale__language_code="th").slug == "rabiap-kongthun"


def test_admin_keeps_an_ascii_slug_the_editor_typed_and_refuses_a_clash(editor_client, thai_home):
    response = editor_client.post(add_url(StandardPage, thai_home), standard_page_form("กองทุน", slug="fund"))
    assert response.status_code == 302
    assert StandardPage.objects.get(title="กองทุน", locale__language_code="th").slug == "fund"
    response = editor_client.post(add_url(StandardPage, thai_home), standard_page_form("กองทุนใหม่", slug="fund"))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_admin_explains_when_no_slug_can_be_made(editor_client, thai_home):
    response = editor_client.post(add_url(StandardPage, thai_home), standard_page_form("!!!"))
    assert response.status_code == 200
    assert "ตัวอักษรละติน" in str(response.context["form"].errors["slug"])  # the editor's admin is Thai


def test_an_error_on_the_hidden_promote_tab_is_counted_on_its_tab(editor_client, thai_home):
    """Wagtail 8 counts the error messages inside each tab (``w-count``) and shows the number on the tab."""
    thai_home.add_child(instance=StandardPage(title="กองทุน", slug="fund"))
    response = editor_client.post(add_url(StandardPage, thai_home), standard_page_form("กองทุนใหม่", slug="fund"))
    body = response.content.decode()
    sections = re.findall(r'<section\s+id="(tab-[^"]+)".*?</section>', body, re.S)
    assert len(sections) >= 2  # content and promote: the slug is on a tab that is hidden at first
    (tab_id, section) = next(
        (m.group(1), m.group())
        for m in re.finditer(r'<section\s+id="(tab-[^"]+)".*?</section>', body, re.S)
        if 'data-contentpath="slug"' in m.group()
    )
    assert 'data-contentpath="title"' not in section
    # w-count finds ":not([hidden]):is(.error-message,.help-critical)" inside the tab: the slug's error is one.
    assert re.search(r'<p class="error-message">\s*[^<]*fund', section)
    link = re.search(rf'<a id="tab-label-[^"]+" href="#{tab_id}".*?</a>', body, re.S).group()
    assert 'data-controller="w-count"' in link
    assert f'data-w-count-container-value="#{tab_id}"' in link


def test_the_editor_loads_the_slug_script_with_its_endpoint(editor_client, thai_home):
    body = editor_client.get(add_url(StandardPage, thai_home)).content.decode()
    assert re.search(r'<script src="[^"]*js/admin-slug\.js" data-romanise-url="/admin/romanise/"', body)


# The endpoint the editor's slug field calls.


def test_romanise_endpoint_answers_staff_with_json(editor_client):
    response = editor_client.get("/admin/romanise/", {"text": "กองทุนพัฒนาอาชีพ"})
    assert response.status_code == 200
    assert response.json() == {"slug": "kongthun-phatna-achip"}
    assert editor_client.get("/admin/romanise/").json() == {"slug": ""}
    assert editor_client.get("/admin/romanise/", {"text": "ก" * 10_000}).status_code == 200


def test_romanise_endpoint_is_staff_only(client, db):
    response = client.get("/admin/romanise/", {"text": "กองทุน"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(reader)
    response = client.get("/admin/romanise/", {"text": "กองทุน"})
    assert response.status_code in (302, 403)
    assert "slug" not in response.content.decode()


def test_romanise_endpoint_refuses_post(editor_client):
    assert editor_client.post("/admin/romanise/", {"text": "กองทุน"}).status_code == 405


def test_demo_pages_keep_their_slugs(db):
    assert HomePage.objects.get(locale__language_code="th").slug == "home"
