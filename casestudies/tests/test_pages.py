import re
from urllib.parse import urljoin

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from home.demo_data import pilot_slugs
from tests.sitemaps import every_sitemap

pytestmark = pytest.mark.django_db

PILOT_SLUGS = list(pilot_slugs().values())
# A map mark: one per province, linking to the list narrowed to it, named by its ``<title>``, drawn by the symbol
# of its number of units (``#m3``: a circle with 3 in it) where the layout puts it.
MARK = re.compile(
    r'<a href="(\?[^"]*province=[^"]+)"><title>([^<]+)</title><use href="#m(\d+)" x="(\d+)" y="(\d+)"/></a>'
)
# Many provinces over several regions: one link per region holding its provinces' marks.
REGION_MARK = re.compile(r'<a href="(\?[^"]+)"><title>([^<]+)</title>((?:<use [^>]+/>)+)</a>')
USE = re.compile(r'<use href="#m(\d+)" x="(\d+)" y="(\d+)"/>')
PILOT_PROVINCES = {
    "pho-jai-nai-withi-pho-phiang": "kanchanaburi",
    "ban-pho-thong": "bueng-kan",
    "chae-son-friends-with-disabilities": "lampang",
}


def map_marks(body):
    """``[(href, name, count)]`` of the map's marks."""
    return [(href, name, int(count)) for href, name, count, _x, _y in MARK.findall(body)]


def list_links(body):
    """The hrefs of the links in the list beside the map."""
    return re.findall(r'<a href="([^"]+)"', body.split('class="cs-map__list"')[1].split("</section>")[0])


CARD = re.compile(r'<h3><a href="([^"]+)">')


def card_links(response):
    """The cards' links, as absolute paths (a card links to its unit relative to the index: "unit-slug/")."""
    return [urljoin(response.wsgi_request.path, href) for href in CARD.findall(response.content.decode())]


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
    # The map follows the filters: one mark per province of the units shown, linking to the list narrowed to it.
    marks = map_marks(response.content.decode())
    assert sorted(href.split("province=")[1] for href, _name, _count in marks) == sorted(
        PILOT_PROVINCES[slug] for slug in expected
    )
    # The other filters stay, but the region: the province's own.
    kept = [pair for pair in query.split("&") if not pair.startswith(("province=", "region="))]
    assert all(set(kept) <= set(href[1:].split("&amp;")) for href, _name, _count in marks)


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


def test_map_has_one_linked_mark_per_province_with_an_accessible_name(client):
    body = client.get("/en/case-studies/").content.decode()
    marks = map_marks(body)
    assert len(marks) == 3
    assert ("?province=bueng-kan", "Bueng Kan (1)", 1) in marks
    assert '<svg class="cs-map__svg"' in body and '<title id="cs-map-title">Map of Thailand</title>' in body
    # The text list is the equivalent: the same links, under their regions, with the number of units.
    assert sorted(list_links(body)) == sorted(href for href, _name, _count in marks)
    assert '<a href="?province=bueng-kan">Bueng Kan (1)</a>' in body
    thai = client.get("/th/case-studies/").content.decode()
    assert ("?province=bueng-kan", "บึงกาฬ (1)", 1) in map_marks(thai)


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


def test_related_case_studies_are_the_first_three_public_ones_and_only_they_are_read(client):
    """At many units the case study reads only the related units it shows (``taxonomy(units=RELATED)``): the first
    three in tree order that share a group or occupation, a restricted one left out by the query, not after it."""
    from wagtail.models import PageViewRestriction

    from casestudies.terms import RELATED, taxonomy
    from home.visibility import hidden_page_ids

    index = thai_index()
    extra = [case_study(index, f"related-{i}", groups=("youth",)) for i in range(6)]
    PageViewRestriction.objects.create(page=extra[0], restriction_type="password", password="x")
    page = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    body = client.get(page.url).content.decode()
    related = re.findall(
        r'href="(/th/case-studies/[^"/]+/)"', body.split('id="cs-related-heading"')[1].split("</section>")[0]
    )
    others = CaseStudyPage.objects.live().filter(locale=page.locale).exclude(pk__in=[page.pk, extra[0].pk])
    public = list(others.order_by("path"))
    assert list(dict.fromkeys(related)) == [unit.url for unit in public[:3]]
    assert extra[0].url not in body
    terms = taxonomy(page.locale_id, [page.pk], units=RELATED, hidden=hidden_page_ids())
    assert [unit.pk for unit in terms.units] == [unit.pk for unit in public[:3]]


def test_index_paginates_past_eight_units(client):
    index = thai_index()
    for i in range(12):
        case_study(index, f"extra-{i:02d}")
    first = client.get("/th/case-studies/")
    second = client.get("/th/case-studies/?page=2")
    assert len(card_links(first)) == 8 and len(card_links(second)) == 7
    assert not set(card_links(first)) & set(card_links(second))
    assert 'href="?page=2"' in first.content.decode()
    # Filters are kept across pages; the map shows every matching unit, not just this page's.
    filtered = client.get("/th/case-studies/?group=youth&page=2").content.decode()
    assert 'href="?group=youth&amp;page=1"' in filtered
    # The map shows every matching unit, not just this page's: 13 in Kanchanaburi as one numbered mark.
    assert sorted(count for _href, _name, count in map_marks(first.content.decode())) == [1, 1, 13]


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


PROVINCES_13 = (
    *("kanchanaburi", "bueng-kan", "lampang", "bangkok", "nonthaburi", "pathum-thani", "samut-prakan"),
    *("chiang-mai", "chiang-rai", "phuket", "songkhla", "khon-kaen", "udon-thani"),
)


def test_the_map_draws_one_mark_per_province_with_its_count_and_many_provinces_link_their_region(client):
    """39 more units in 13 provinces of 5 regions: one numbered mark per province, no two marks overlapping; with
    more than 12 provinces over several regions a region's marks make one link to the region's units (named as the
    list names the region) and the list beside the map lists the regions. One region's provinces link each."""
    import math

    from casestudies.factories import case_studies_in_bulk
    from casestudies.models import Province
    from casestudies.scale import PROVINCES
    from home.demo_translation import ensure_terms

    ensure_terms(Province, PROVINCES)  # the demo has three
    case_studies_in_bulk(thai_index(), [f"many-{i:02d}" for i in range(39)], provinces=PROVINCES_13)
    body = client.get("/th/case-studies/").content.decode()
    map_part = body.split('class="cs-map"')[1].split("</section>")[0]
    assert map_marks(body) == [] and "<details>" not in map_part
    regions = REGION_MARK.findall(map_part)
    assert [href for href, _name, _uses in regions] == [
        f"?region={region}" for region in ("north", "northeast", "central", "west", "south")
    ]
    assert ("?region=north", "ภาคเหนือ (10 หน่วย)") in [(href, name) for href, name, _uses in regions]
    uses = [(int(count), int(x), int(y)) for _h, _n, in_region in regions for count, x, y in USE.findall(in_region)]
    assert len(uses) == 13 and sum(count for count, _x, _y in uses) == 42
    for i, (_c, x1, y1) in enumerate(uses):
        for _c2, x2, y2 in uses[i + 1 :]:
            assert math.dist((x1, y1), (x2, y2)) >= 2 * 11
    assert list_links(body) == [href for href, _name, _uses in regions]
    few = client.get("/th/case-studies/?region=north").content.decode()
    assert len(map_marks(few)) == 3 and all("province=" in href for href, *_rest in REGION_MARK.findall(few))
    assert sorted(list_links(few)) == sorted(href for href, _name, _count in map_marks(few))
    # The regions' names on the map: left out where 13 provinces' marks would cover them, kept on the short list's.
    assert 'class="cs-map__region"' not in body and 'class="cs-map__region"' in few


def test_the_map_and_the_region_list_do_not_grow_with_the_units_of_a_province(client):
    """40 units in one province show as many marks and list links as 4 (one each, with their number), and the page
    grows by no more than the digits: the units themselves are in the paged cards."""
    from casestudies.factories import case_studies_in_bulk

    def shape(body):
        marks = map_marks(body)
        map_part = body.split('class="cs-map"')[1].split("</section>")[0]
        return len(marks), len(list_links(body)), map_part.count("<a "), len(map_part)

    index = thai_index()
    case_studies_in_bulk(index, [f"few-{i:02d}" for i in range(3)], provinces=("lampang",))
    few = client.get("/th/case-studies/").content.decode()
    case_studies_in_bulk(index, [f"more-{i:02d}" for i in range(36)], provinces=("lampang",))
    many = client.get("/th/case-studies/").content.decode()
    assert ("?province=lampang", "ลำปาง (4)", 4) in map_marks(few)
    assert ("?province=lampang", "ลำปาง (40)", 40) in map_marks(many)
    marks, links, anchors, size = shape(few)
    assert shape(many)[:3] == (marks, links, anchors) == (3, 3, 6)
    assert shape(many)[3] - size <= 20  # "4" → "40" in the mark, its name, the list and the region's count
    assert len(CARD.findall(many)) == 8


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


def _programme_scale():
    """200 more units over all 77 provinces (issue 22: the programme's size), in bulk."""
    from casestudies.factories import case_studies_in_bulk
    from casestudies.models import Province
    from casestudies.scale import PROVINCES
    from home.demo_translation import ensure_terms

    ensure_terms(Province, PROVINCES)
    slugs = [province["slug"] for province in PROVINCES]
    case_studies_in_bulk(thai_index(), [f"scale-{i:03d}" for i in range(200)], provinces=slugs)
    return {province["slug"]: province["region"] for province in PROVINCES}


def _province_options(body):
    select = (
        body.split('<select id="cs-filter-province"')[1].split("</select>")[0] if "cs-filter-province" in body else ""
    )
    return re.findall(r'<option value="([^"]+)"', select)


def test_at_programme_scale_the_index_stays_a_bounded_listing(client):
    """Issue 22: 203 units in 77 provinces. One mark per province (77, not 203), in one link per region, and the
    list beside the map names the 6 regions; the province filter empty until a region is chosen (a hint says so),
    then that region's provinces; the map and the filters stay within a few bytes a province."""
    regions = _programme_scale()
    response = client.get("/th/case-studies/")
    body = response.content.decode()
    map_part = body.split('class="cs-map"')[1].split("</section>")[0]
    uses = USE.findall(map_part)
    assert len(uses) == 77 and sum(int(count) for count, _x, _y in uses) == 203
    assert len(REGION_MARK.findall(map_part)) == 6 and len(list_links(body)) == 6 and map_marks(body) == []
    assert _province_options(body) == [] and 'aria-describedby="cs-filter-region-hint"' in body
    assert "cs-filter-region-hint" in body and len(CARD.findall(body)) == 8
    form = body.split('<form class="cs-filters"')[1].split("</form>")[0]
    assert len(form.encode()) <= 2_500 and len(map_part.encode()) <= 77 * 40 + 4_500
    north = client.get("/th/case-studies/?region=north").content.decode()
    assert sorted(_province_options(north)) == sorted(slug for slug, region in regions.items() if region == "north")
    assert "<optgroup" not in north.split('<select id="cs-filter-province"')[1].split("</select>")[0]
    assert "cs-filter-region-hint" not in north and len(map_marks(north)) == 9
    # Chosen from a map link, with no region: the province's region's provinces, the province selected.
    chosen = client.get("/th/case-studies/?province=chiang-mai").content.decode()
    assert len(_province_options(chosen)) == 9 and '<option value="chiang-mai" selected>' in chosen
    # A province left chosen when the reader changed region is dropped, not an unknown value.
    moved = client.get("/th/case-studies/?region=south&province=chiang-mai").content.decode()
    assert "cs-notice" not in moved and len(map_marks(moved)) == 14
    assert '<option value="chiang-mai"' not in moved


def test_at_programme_scale_the_index_costs_the_queries_of_the_demo(client):
    """Issue 22 with issue 18: the index at 203 units in 77 provinces reads as many rows' worth of queries as at 3."""
    few = {path: _query_count(client, path) for path in ("/th/case-studies/", "/th/case-studies/?region=north")}
    _programme_scale()
    assert {path: _query_count(client, path) for path in few} == few


@pytest.mark.parametrize("path", ["/th/case-studies/", "/th/case-studies/?region=north"])
def test_at_programme_scale_the_index_weighs_at_most_one_and_a_half_times_the_demos(client, path):
    """Issue 22's budget of a listing: 203 units in 77 provinces make the index (and a region of it) at most 1.5×
    the bytes of the demo's 3 units: a page of cards, a mark per province, a list of regions, whatever the units."""
    image = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th").hero_image
    demo = len(client.get(path).content)
    _programme_scale()
    CaseStudyPage.objects.filter(locale__language_code="th").update(hero_image=image)  # every card with its image
    many = len(client.get(path).content)
    assert many <= 1.5 * demo, (many, demo)
