"""Programme-scale content for case studies: all 77 provinces and ``units`` illustrative units spread over them.

Run by ``manage.py generate_scale_content`` after the demo. Each unit is made like a demo unit (``home.demo``'s
``ensure_page``: a Thai page published with a revision, then its English translation through wagtail-localize),
with the slug ``scale-unit-NNN``, so a second run finds it and adds nothing. The units are invented to try the
site at the size of a national programme: their names say “illustrative” and a callout on each page says so;
none of them is one of the pilots (home/demo/pilots.yaml).
"""

from decimal import Decimal
from pathlib import Path

from wagtail.models import Locale

from home.demo import PARTNERS, ensure_page
from home.demo_data import Pair, read
from home.demo_images import demo_image
from home.demo_translation import ensure_terms
from home.models import HomePage, Partner
from home.roles import unit_coordinator_group
from home.scale_content import UNIT_PREFIX, unit_slug

from . import demo
from .models import CaseStudyIndexPage, CaseStudyPage, Occupation, OrganisationKind, Province, Region, TargetGroup

PALETTES = ("green", "ochre", "blue", "teal")  # one shared picture per palette, not one file per unit
# Each row also has the province's DOPA code (``code``), not a field of Province: the tests check it against geothai.
PROVINCE_ROWS = read(
    Path(__file__).parent / "scale" / "provinces.yaml",
    required={"provinces": ("slug", "code", "name", "region", "latitude", "longitude")},
)["provinces"]
PROVINCES = [
    {
        **{key: value for key, value in row.items() if key != "code"},
        "region": Region(row["region"]),
        "latitude": Decimal(row["latitude"]),
        "longitude": Decimal(row["longitude"]),
    }
    for row in PROVINCE_ROWS
]
NOTE = {
    "kind": "info",
    "title": Pair("หน่วยตัวอย่าง ไม่ใช่หน่วยจริง", "An illustrative unit, not a real one"),
    "text": Pair(
        "<p>หน้านี้สร้างขึ้นโดยอัตโนมัติเพื่อทดสอบเว็บไซต์เมื่อมีหน่วยจำนวนมากเท่าโครงการระดับประเทศ "
        "ชื่อ จังหวัด และตัวเลขทั้งหมดเป็นข้อมูลสมมุติ</p>",
        "<p>This page was generated to try the site at the size of a national programme. "
        "Its name, province and every figure are made up.</p>",
    ),
}


def unit_content(number, province):
    """The page content of illustrative unit ``number`` in ``province`` (a row of PROVINCES), Thai and English."""
    name = province["name"]
    return {
        "slug": unit_slug(number),
        "title": Pair(f"หน่วยเรียนรู้ตัวอย่างที่ {number:03d} จังหวัด{name.th}", f"Illustrative unit {number:03d}, {name.en}"),
        "unit_name": Pair(f"กลุ่มอาชีพตัวอย่างที่ {number:03d}", f"Illustrative occupation group {number:03d}"),
        "summary": Pair(
            f"หน่วยเรียนรู้ตัวอย่างในจังหวัด{name.th} สร้างขึ้นเพื่อทดสอบเว็บไซต์ ไม่ใช่หน่วยจริง",
            f"An illustrative learning unit in {name.en}, generated to try the site; not a real unit.",
        ),
        "hero_alt": demo.DATA["image_alt"],
        **demo.DATA["fund_text"],
        "body": [
            (
                "paragraph",
                Pair(
                    f"<p>กลุ่มตัวอย่างนี้ฝึกอาชีพและออมเงินร่วมกันในจังหวัด{name.th} ตามตัวแบบกองทุนอาชีพ</p>",
                    f"<p>This illustrative group trains for an occupation and saves together in {name.en}, "
                    "following the occupation fund model.</p>",
                ),
            ),
            ("callout", NOTE),
        ],
    }


def generate(units=200, stdout=None, **sizes):
    """Make sure the 77 provinces and illustrative units 1..``units`` exist (both languages); returns the Thai units."""
    provinces = ensure_terms(Province, PROVINCES)
    groups = list(TargetGroup.objects.filter(locale__language_code="th").order_by("pk"))
    occupations = list(Occupation.objects.filter(locale__language_code="th").order_by("pk"))
    thai = Locale.objects.get(language_code="th")
    partners = list(Partner.objects.filter(locale=thai, name__in=[p["name"].th for p in PARTNERS]))
    index = CaseStudyIndexPage.objects.filter(locale=thai).first()
    if index is None:  # the demo makes the index; without it, make it the same way
        index = ensure_page(HomePage.objects.get(locale=thai), CaseStudyIndexPage, demo.INDEX)
    kinds = list(OrganisationKind)
    existing = set(
        CaseStudyPage.objects.child_of(index).filter(slug__startswith=UNIT_PREFIX).values_list("slug", flat=True)
    )
    made = []
    for number in range(1, units + 1):
        province = PROVINCES[(number - 1) % len(PROVINCES)]
        palette = PALETTES[number % len(PALETTES)]
        page = ensure_page(
            index,
            CaseStudyPage,
            unit_content(number, province),
            is_pilot=False,  # units that take up the model later: never called pilots
            organisation_kind=kinds[number % len(kinds)],
            province=provinces[province["slug"]],
            target_groups=[groups[number % len(groups)]] if groups else [],
            occupations=[occupations[number % len(occupations)]] if occupations else [],
            partners=partners,
            hero_image=demo_image(f"Illustrative unit ({palette})", palette),
        )
        if page.slug not in existing:
            unit_coordinator_group(page)
        made.append(page)
    if stdout:
        new = sum(1 for page in made if page.slug not in existing)
        stdout.write(f"casestudies: {len(PROVINCES)} provinces, {units} illustrative units ({new} new)")
    return made
