import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.demo_data import pilot_slugs
from tests.sitemaps import every_sitemap

pytestmark = pytest.mark.django_db

PILOT_SLUGS = list(pilot_slugs().values())
MARK = re.compile(r'<a class="cs-map__mark" href="([^"]+)" aria-label="([^"]+)">')
GROUP_MARK = re.compile(r'<a class="cs-map__mark cs-map__mark--group" href="([^"]+)" aria-label="([^"]+)">')
CARD = re.compile(r'<h3 class="cs-card__title"><a href="([^"]+)">')


def card_links(response):
    return CARD.findall(response.content.decode())


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("th", ["วิสาหกิจชุมชนพอใจในวิถีพอเพียง", "ก.กกบึงกาฬ", "ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน"]),
        ("en", ["Pho Jai Nai Withi Pho Phiang", "Kok Bueng Kan", "Chae Son Subdistrict"]),
    ],
)
def test_index_lists_the_three_pilots_in_each_language(client, language, names):
    response = client.get(f"/{language}/case-studies/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    for name in names:
        assert name in body
    assert sorted(card_links(response)) == sorted(f"/{language}/case-studies/{slug}/" for slug in PILOT_SLUGS)


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("slug", PILOT_SLUGS)
def test_each_pilot_page_renders_in_each_language(client, language, slug):
    response = client.get(f"/{language}/case-studies/{slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    page = CaseStudyPage.objects.get(slug=slug, locale__language_code=language)
    assert page.alias_of_id is None  # a real translation, not the Thai text under /en/
    assert page.title in body and page.summary in body
    assert f'alt="{page.hero_alt}"' in body
    assert "How the fund works" in body if language == "en" else "กองทุนทำงานอย่างไร" in body


def test_detail_shows_taxonomy_in_the_readers_language(client):
    body = client.get("/en/case-studies/chae-son-friends-with-disabilities/").content.decode()
    assert "Lampang" in body and "North region" in body
    assert ">People with disabilities</a>" in body and ">Informal workers</a>" in body
    assert "Chae Son" in body
    thai = client.get("/th/case-studies/chae-son-friends-with-disabilities/").content.decode()
    assert "ลำปาง" in thai and ">คนพิการ</a>" in thai and "แจ้ซ้อน" in thai


def test_bueng_kan_weaves_sedge_mats_and_lampang_is_for_people_with_disabilities():
    bueng_kan = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    assert bueng_kan.province.slug == "bueng-kan" and bueng_kan.province.region == "northeast"
    assert [o.slug for o in bueng_kan.occupations.all()] == ["mat-weaving"]
    lampang = CaseStudyPage.objects.get(slug="chae-son-friends-with-disabilities", locale__language_code="th")
    assert "people-with-disabilities" in {g.slug for g in lampang.target_groups.all()}
    assert lampang.organisation_kind == "club"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=north", ["chae-son-friends-with-disabilities"]),
        ("region=northeast", ["ban-pho-thong"]),
        ("province=kanchanaburi", ["pho-jai-nai-withi-pho-phiang"]),
        ("group=people-with-disabilities", ["chae-son-friends-with-disabilities"]),
        ("group=youth", ["pho-jai-nai-withi-pho-phiang", "ban-pho-thong"]),
        ("occupation=mat-weaving", ["ban-pho-thong"]),
        ("group=youth&region=west", ["pho-jai-nai-withi-pho-phiang"]),
        ("group=people-with-disabilities&occupation=mat-weaving", []),
    ],
)
@pytest.mark.parametrize("language", ["th", "en"])
def test_filters_by_each_facet_and_combined(client, language, query, expected):
    response = client.get(f"/{language}/case-studies/?{query}")
    assert response.status_code == 200
    assert sorted(card_links(response)) == sorted(f"/{language}/case-studies/{slug}/" for slug in expected)
    # The map follows the filters.
    assert sorted(href for href, _name in MARK.findall(response.content.decode())) == sorted(
        f"/{language}/case-studies/{slug}/" for slug in expected
    )


def test_filter_options_show_counts_and_can_be_cleared(client):
    body = client.get("/en/case-studies/?group=youth").content.decode()
    assert '<option value="youth" selected>Youth (2)</option>' in body
    assert '<option value="people-with-disabilities">People with disabilities (1)</option>' in body
    assert '<option value="northeast">Northeast (1)</option>' in body
    assert '<option value="north">North (0)</option>' in body
    assert '<a href="/en/case-studies/">Clear all filters</a>' in body
    combined = client.get("/en/case-studies/?group=youth&region=west").content.decode()
    # Removing one filter keeps the other.
    assert 'href="/en/case-studies/?region=west">Remove filter “Youth”' in combined
    assert 'href="/en/case-studies/?group=youth">Remove filter “West”' in combined


@pytest.mark.parametrize(
    "query",
    [
        "province=../../etc",
        "group=99999",
        "page=abc",
        "page=-1",
        "page=99999",
        "region=%00",
        "occupation=" + "x" * 5000,
        "group=youth&group=../..",
        "province[]=1",
    ],
)
def test_invalid_filter_values_never_cause_an_error(client, query):
    response = client.get(f"/th/case-studies/?{query}")
    assert response.status_code == 200
    assert len(card_links(response)) >= 1


def test_unknown_values_are_ignored_and_said_so(client):
    body = client.get("/en/case-studies/?province=../../etc&group=99999").content.decode()
    assert "were not recognised and were ignored" in body
    assert len(CARD.findall(body)) == 3


def test_map_has_one_linked_mark_per_unit_with_an_accessible_name(client):
    body = client.get("/en/case-studies/").content.decode()
    marks = MARK.findall(body)
    assert len(marks) == 3
    assert (
        "/en/case-studies/ban-pho-thong/",
        "Ban Pho Thong Mat-Weaving Community Enterprise Group (Kok Bueng Kan) (Bueng Kan)",
    ) in marks
    assert '<svg class="cs-map__svg"' in body and '<title id="cs-map-title">Map of Thailand</title>' in body
    # The text list is the equivalent: the same links, grouped by region and province.
    list_part = body.split('class="cs-map__list"')[1]
    for href, _name in marks:
        assert f'href="{href}"' in list_part


def test_drafts_appear_nowhere(client):
    index = thai_index()
    # A draft pilot: not among the home page's pilot cards either.
    case_study(index, "secret-draft", live=False, is_pilot=True, title="ร่างลับ", groups=("youth", "informal-workers"))
    for path in ["/th/case-studies/", "/th/case-studies/?group=youth", "/th/case-studies/ban-pho-thong/", "/th/"]:
        body = client.get(path).content.decode()
        assert "ร่างลับ" not in body and "secret-draft" not in body, path
    assert client.get("/th/case-studies/secret-draft/").status_code == 404
    sitemaps = every_sitemap(client)
    assert "secret-draft" not in sitemaps
    assert "/th/case-studies/ban-pho-thong/" in sitemaps


def test_related_case_studies_share_a_group_or_occupation(client):
    index = thai_index()
    case_study(index, "elsewhere", title="ไม่เกี่ยวข้อง", groups=(), province="lampang")
    body = client.get("/th/case-studies/ban-pho-thong/").content.decode()
    related = body.split('id="cs-related-heading"')[1].split("</section>")[0]
    assert "/th/case-studies/pho-jai-nai-withi-pho-phiang/" in related  # youth, informal workers
    assert "/th/case-studies/chae-son-friends-with-disabilities/" in related  # informal workers
    assert "ไม่เกี่ยวข้อง" not in related
    assert "/th/case-studies/ban-pho-thong/" not in related


def test_index_paginates_past_twelve_units(client):
    index = thai_index()
    for i in range(12):
        case_study(index, f"extra-{i:02d}")
    first = client.get("/th/case-studies/")
    second = client.get("/th/case-studies/?page=2")
    assert len(card_links(first)) == 12 and len(card_links(second)) == 3
    assert not set(card_links(first)) & set(card_links(second))
    assert 'href="?page=2"' in first.content.decode()
    # Filters are kept across pages; the map shows every matching unit, not just this page's.
    filtered = client.get("/th/case-studies/?group=youth&page=2").content.decode()
    assert 'href="?group=youth&amp;page=1"' in filtered
    # The map shows every matching unit, not just this page's: 13 in Kanchanaburi as one numbered mark.
    assert len(MARK.findall(first.content.decode())) == 2
    assert len(GROUP_MARK.findall(first.content.decode())) == 1
    assert ">13</text>" in first.content.decode()


def _query_count(client, path):
    client.get(path)  # warm: renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_units(client, django_assert_max_num_queries):
    index_few = _query_count(client, "/th/case-studies/")
    detail_few = _query_count(client, "/th/case-studies/ban-pho-thong/")
    home_few = _query_count(client, "/th/")
    filtered_few = _query_count(client, "/th/case-studies/?group=youth")
    index = thai_index()
    image = CaseStudyPage.objects.get(slug="ban-pho-thong", locale=index.locale).hero_image
    for i in range(30):
        case_study(
            index,
            f"unit-{i:02d}",
            hero_image=image,
            hero_alt="ภาพ",
            groups=("youth", "informal-workers"),
            occupations=("mat-weaving",),
            province=["kanchanaburi", "bueng-kan", "lampang"][i % 3],
        )
    assert _query_count(client, "/th/case-studies/") == index_few
    # A filtered list is rendered afresh (its content depends on the query) and still does not grow.
    assert _query_count(client, "/th/case-studies/?group=youth") == filtered_few
    assert _query_count(client, "/th/case-studies/ban-pho-thong/") == detail_few
    assert _query_count(client, "/th/") == home_few
    for path in ("/en/case-studies/", "/en/case-studies/ban-pho-thong/"):
        client.get(path)  # warm the fragment caches, as a running server is
        with django_assert_max_num_queries(12):
            client.get(path)


def test_home_page_shows_the_pilots(client):
    for language in ("th", "en"):
        body = client.get(f"/{language}/").content.decode()
        assert 'id="home-pilots-heading"' in body
        for slug in PILOT_SLUGS:
            assert f'href="/{language}/case-studies/{slug}/"' in body
        assert f'href="/{language}/case-studies/"' in body


def test_only_units_marked_as_pilots_are_called_pilots_on_the_home_page(client):
    """A unit that took up the model later (``is_pilot`` off) is not among the home page's pilot learning units,
    even when it comes first in the tree; the three demo pilots are marked as pilots in both languages."""
    index = thai_index()
    newcomer = case_study(index, "newcomer-unit", title="หน่วยที่มาใหม่")
    newcomer.move(index, pos="first-child")
    assert set(CaseStudyPage.objects.filter(is_pilot=True).values_list("slug", flat=True)) == set(PILOT_SLUGS)
    assert CaseStudyPage.objects.filter(is_pilot=True).count() == 2 * len(PILOT_SLUGS)  # Thai and English
    body = client.get("/th/").content.decode()
    section = body[body.index('id="home-pilots-heading"') :]
    section = section[: section.index("</section>")]
    assert "newcomer-unit" not in section
    for slug in PILOT_SLUGS:
        assert f'href="/th/case-studies/{slug}/"' in section


def test_the_map_draws_one_mark_per_province_with_its_count_and_the_long_list_folds(client):
    """30 more units in three provinces: one mark per province (a number when several units share it), no two marks
    overlapping, each numbered mark linking to the list narrowed to its province; the region list folds."""
    import math

    from casestudies.factories import case_studies_in_bulk

    provinces = ("kanchanaburi", "bueng-kan", "lampang")
    case_studies_in_bulk(thai_index(), [f"many-{i:02d}" for i in range(30)], provinces=provinces)
    body = client.get("/th/case-studies/").content.decode()
    groups = GROUP_MARK.findall(body)
    assert len(groups) == 3 and not MARK.findall(body)  # 11 units in each province, one mark each
    assert {href for href, _label in groups} == {f"/th/case-studies/?province={slug}" for slug in provinces}
    assert body.count(">11</text>") == 3
    centres = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="(\d+)"/>', body.split('class="cs-map__svg"')[1])
    assert len(centres) == 3
    for i, (x1, y1, r1) in enumerate(centres):
        for x2, y2, r2 in centres[i + 1 :]:
            assert math.dist((float(x1), float(y1)), (float(x2), float(y2))) >= float(r1) + float(r2)
    list_part = body.split('class="cs-map__list"')[1]
    assert list_part.count("<details>") == 3 and "<summary>" in list_part
    few = client.get("/th/case-studies/?province=lampang&group=youth").content.decode()
    assert "<details>" not in few.split('class="cs-map__list"')[1]  # a short list stays open


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_province_filter_groups_provinces_by_region_in_a_fixed_order(client, language):
    """The demo's provinces: Lampang (North), Bueng Kan (Northeast), Kanchanaburi (West), in the regions' order."""
    from django.utils import translation

    from casestudies.models import Region

    body = client.get(f"/{language}/case-studies/").content.decode()
    select = body.split('<select id="cs-filter-province"')[1].split("</select>")[0]
    labels = re.findall(r'<optgroup label="([^"]+)">', select)
    with translation.override(language):
        assert labels == [str(Region.NORTH.label), str(Region.NORTHEAST.label), str(Region.WEST.label)]
    assert select.count("</optgroup>") == 3
    groups = select.split("<optgroup")[1:]
    assert 'value="lampang"' in groups[0] and 'value="bueng-kan"' in groups[1] and 'value="kanchanaburi"' in groups[2]


def test_the_indicator_page_lists_units_by_region(client):
    body = client.get("/en/impact/members_total/").content.decode()
    legends = re.findall(r'<fieldset class="im-units__region"><legend>([^<]+)</legend>', body)
    assert legends == ["North", "Northeast", "West"]
    north = body.split('<fieldset class="im-units__region"><legend>North</legend>')[1].split("</fieldset>")[0]
    assert 'value="chae-son-friends-with-disabilities"' in north
