"""Demo content for case studies: the three pilot units of ../shared/seed/FACTS.md, in Thai and English.

Names, provinces, kinds of organisation and what each unit is (a community enterprise; a group that
weaves sedge-reed mats; a club of and for people with disabilities) come from the source article. The
rest explains the model in general terms and says so; there are no figures, no quotes, no invented
details. Year joined and district are left empty because the article does not give them.
"""

from decimal import Decimal

from wagtail.models import Locale

from home.demo import PARTNERS, ensure_page
from home.demo_images import demo_image
from home.demo_translation import Pair, pick, translate
from home.models import HomePage, Partner
from home.roles import unit_coordinator_group

from .models import CaseStudyIndexPage, CaseStudyPage, Occupation, OrganisationKind, Province, Region, TargetGroup

P = Pair

PROVINCES = [
    {
        "slug": "kanchanaburi",
        "name": P("กาญจนบุรี", "Kanchanaburi"),
        "region": Region.WEST,
        "latitude": Decimal("14.0228"),
        "longitude": Decimal("99.5328"),
    },
    {
        "slug": "bueng-kan",
        "name": P("บึงกาฬ", "Bueng Kan"),
        "region": Region.NORTHEAST,
        "latitude": Decimal("18.3609"),
        "longitude": Decimal("103.6466"),
    },
    {
        "slug": "lampang",
        "name": P("ลำปาง", "Lampang"),
        "region": Region.NORTH,
        "latitude": Decimal("18.2888"),
        "longitude": Decimal("99.4909"),
    },
]

TARGET_GROUPS = [
    {
        "slug": "youth",
        "name": P("เยาวชน", "Youth"),
        "description": P("เยาวชนที่ด้อยโอกาสทางการศึกษา", "Young people with fewer chances in education."),
    },
    {
        "slug": "informal-workers",
        "name": P("แรงงานนอกระบบ", "Informal workers"),
        "description": P(
            "ผู้ทำงานที่ไม่มีนายจ้างประจำหรือสวัสดิการตามระบบ",
            "People who work without a regular employer or formal social protection.",
        ),
    },
    {
        "slug": "people-with-disabilities",
        "name": P("คนพิการ", "People with disabilities"),
        "description": P("คนพิการและครอบครัว", "People with disabilities and their families."),
    },
]

OCCUPATIONS = [
    {"slug": "mat-weaving", "name": P("ทอเสื่อกก", "Sedge-reed mat weaving")},
]

INDEX = {
    "title": P("กรณีศึกษา", "Case studies"),
    "slug": "case-studies",
    "show_in_menus": True,
    "intro": P(
        "หน่วยจัดการเรียนรู้นำร่องที่ใช้อาชีพและกองทุนเป็นเครื่องมือของการเรียนรู้ เลือกดูตามภูมิภาค จังหวัด กลุ่มเป้าหมาย หรืออาชีพ",
        "The pilot learning units that use occupations and funds as tools for learning. Browse them by "
        "region, province, target group or occupation.",
    ),
    "search_description": P(
        "กรณีศึกษาหน่วยจัดการเรียนรู้นำร่องของตัวแบบกองทุนเพื่อพัฒนาอาชีพ ในกาญจนบุรี บึงกาฬ และลำปาง",
        "Case studies of the occupational development fund model's pilot learning units in Kanchanaburi, "
        "Bueng Kan and Lampang.",
    ),
}

DEMO_NOTE = (
    "callout",
    {
        "kind": "info",
        "title": P("เกี่ยวกับเนื้อหาตัวอย่าง", "About this demo content"),
        "text": P(
            "<p>ชื่อหน่วย จังหวัด และลักษณะของหน่วยมาจากบทความของ กสศ. ส่วนคำอธิบายการทำงานของกองทุนเป็นหลักการทั่วไปของตัวแบบ "
            "ผู้ประสานงานของหน่วยจะเพิ่มรายละเอียดจริงผ่านระบบจัดการเนื้อหา ภาพประกอบเป็นลวดลายที่สร้างขึ้น ไม่ใช่ภาพถ่ายของหน่วย</p>",
            "<p>The unit's name, province and kind come from the EEF article; how the fund works is described by "
            "the model's general principles. The unit's coordinator adds the real details through the CMS. The "
            "pictures are generated patterns, not photographs of the unit.</p>",
        ),
    },
)

FUND_GENERAL = {
    "fund_capital": P(
        "ตามตัวแบบ กองทุนต่อยอดจากทุนเดิมที่ชุมชนมีอยู่แล้ว ทั้งกลุ่ม ทักษะ และกองทุน โดยมีภาคีหนุนเสริม",
        "Under the model, the fund builds on what the community already has — its groups, skills and funds — "
        "with support from the partners.",
    ),
    "fund_management": P(
        "ตามตัวแบบ เยาวชนที่ด้อยโอกาสและแรงงานนอกระบบมีส่วนร่วมบริหารกองทุน เป็นเจ้าของ และเป็นคณะทำงานขับเคลื่อนกองทุน",
        "Under the model, disadvantaged youth and informal workers help manage the fund: they own it and sit "
        "on the working committee that drives it.",
    ),
    "fund_rules": P(
        "กติกาของกองทุนมาจากกลไกการบริหารที่สอดคล้องกับชุมชน ซึ่งชุมชนตกลงกันเอง โดยภาคีหนุนเสริม ไม่ใช่สั่งการจากภายนอก",
        "The fund's rules come from management mechanisms that fit the community, agreed by its members and "
        "supported, not imposed, by the partners.",
    ),
}

IMAGE_ALT = P(
    "ภาพประกอบลวดลายทอเป็นแถบสีและวงกลม ไม่ใช่ภาพถ่ายของหน่วย",
    "An illustration of woven bands and circles, not a photograph of the unit",
)

UNITS = [
    {
        "content": {
            "title": P("วิสาหกิจชุมชนพอใจในวิถีพอเพียง", "Pho Jai Nai Withi Pho Phiang Community Enterprise"),
            "slug": "pho-jai-nai-withi-pho-phiang",
            "unit_name": P(
                "วิสาหกิจชุมชนพอใจในวิถีพอเพียง",
                "Pho Jai Nai Withi Pho Phiang Community Enterprise (“content in the sufficiency way”)",
            ),
            "summary": P(
                "วิสาหกิจชุมชนในจังหวัดกาญจนบุรี หนึ่งในสามหน่วยจัดการเรียนรู้นำร่องของตัวแบบกองทุนเพื่อพัฒนาอาชีพ",
                "A community enterprise in Kanchanaburi province, one of the three pilot learning units of the "
                "occupational development fund model.",
            ),
            "district": P("", ""),
            "subdistrict": P("", ""),
            "hero_alt": IMAGE_ALT,
            **FUND_GENERAL,
            "lessons_learned": P(
                "<p>บทเรียนของหน่วยจะเพิ่มโดยผู้ประสานงานของหน่วย</p>",
                "<p>The unit's coordinator will add its lessons.</p>",
            ),
            "local_partners": P("", ""),
            "body": [
                ("heading", {"text": P("หน่วยนำร่องในภาคตะวันตก", "A pilot unit in the West"), "level": "h2"}),
                (
                    "paragraph",
                    P(
                        "<p>วิสาหกิจชุมชนพอใจในวิถีพอเพียงเป็นหน่วยจัดการเรียนรู้นำร่องในจังหวัดกาญจนบุรี "
                        "ภายใต้โครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพที่เชื่อมโยงกับโอกาสทางการศึกษาของเยาวชนและแรงงานนอกระบบ</p>",
                        "<p>The Pho Jai Nai Withi Pho Phiang Community Enterprise is a pilot learning unit in "
                        "Kanchanaburi province, in the project developing a model of occupational development funds "
                        "linked to educational opportunity for youth and informal workers.</p>",
                    ),
                ),
                DEMO_NOTE,
            ],
        },
        "province": "kanchanaburi",
        "groups": ["youth", "informal-workers"],
        "occupations": [],
        "kind": OrganisationKind.COMMUNITY_ENTERPRISE,
        "palette": "green",
    },
    {
        "content": {
            "title": P(
                "กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง (ก.กกบึงกาฬ)",
                "Ban Pho Thong Mat-Weaving Community Enterprise Group (Kok Bueng Kan)",
            ),
            "slug": "ban-pho-thong",
            "unit_name": P(
                "กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง (ก.กกบึงกาฬ)",
                "Ban Pho Thong Mat-Weaving Community Enterprise Group (“Kok Bueng Kan”)",
            ),
            "summary": P(
                "กลุ่มวิสาหกิจชุมชนที่ทอเสื่อจากต้นกกในจังหวัดบึงกาฬ หนึ่งในสามหน่วยจัดการเรียนรู้นำร่อง",
                "A community enterprise group in Bueng Kan province that weaves mats from sedge reed (kok), one "
                "of the three pilot learning units.",
            ),
            "district": P("", ""),
            "subdistrict": P("", ""),
            "hero_alt": IMAGE_ALT,
            **FUND_GENERAL,
            "lessons_learned": P(
                "<p>บทเรียนของหน่วยจะเพิ่มโดยผู้ประสานงานของหน่วย</p>",
                "<p>The unit's coordinator will add its lessons.</p>",
            ),
            "local_partners": P("", ""),
            "body": [
                ("heading", {"text": P("ทอเสื่อจากต้นกก", "Weaving mats from sedge reed"), "level": "h2"}),
                (
                    "paragraph",
                    P(
                        "<p>“ก.กกบึงกาฬ” คือชื่อเรียกของกลุ่ม กก คือต้นกกที่นำมาทอเป็นเสื่อ "
                        "ทักษะการทอเสื่อของกลุ่มเป็นทุนเดิมของชุมชนแบบที่ตัวแบบกองทุนเพื่อพัฒนาอาชีพใช้เป็นจุดเริ่มต้น</p>",
                        "<p>“Kok Bueng Kan” is the group's name: kok is the sedge reed woven into mats. The group's "
                        "weaving skill is the kind of existing community capital the occupational development fund "
                        "model starts from.</p>",
                    ),
                ),
                DEMO_NOTE,
            ],
        },
        "province": "bueng-kan",
        "groups": ["youth", "informal-workers"],
        "occupations": ["mat-weaving"],
        "kind": OrganisationKind.COMMUNITY_ENTERPRISE,
        "palette": "ochre",
    },
    {
        "content": {
            "title": P("ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน", "Friends-for-Friends with Disabilities Club, Chae Son Subdistrict"),
            "slug": "chae-son-friends-with-disabilities",
            "unit_name": P(
                "ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน", "Friends-for-Friends with Disabilities Club, Chae Son Subdistrict"
            ),
            "summary": P(
                "ชมรมของและเพื่อคนพิการในตำบลแจ้ซ้อน จังหวัดลำปาง หนึ่งในสามหน่วยจัดการเรียนรู้นำร่อง",
                "A club of and for people with disabilities in Chae Son subdistrict, Lampang province, one of the "
                "three pilot learning units.",
            ),
            "district": P("", ""),
            "subdistrict": P("แจ้ซ้อน", "Chae Son"),
            "hero_alt": IMAGE_ALT,
            **FUND_GENERAL,
            "lessons_learned": P(
                "<p>บทเรียนของหน่วยจะเพิ่มโดยผู้ประสานงานของหน่วย</p>",
                "<p>The unit's coordinator will add its lessons.</p>",
            ),
            "local_partners": P("", ""),
            "body": [
                (
                    "heading",
                    {"text": P("ชมรมของและเพื่อคนพิการ", "A club of and for people with disabilities"), "level": "h2"},
                ),
                (
                    "paragraph",
                    P(
                        "<p>ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อนเป็นหน่วยจัดการเรียนรู้นำร่องในจังหวัดลำปาง "
                        "ตัวแบบให้ความสำคัญกับกลุ่มคนด้อยโอกาสในชุมชน และให้คนในพื้นที่เป็นผู้ลงมือทำเอง</p>",
                        "<p>The Friends-for-Friends with Disabilities Club of Chae Son subdistrict is a pilot learning "
                        "unit in Lampang province. The model starts from what disadvantaged people in the community "
                        "need, and local people do the work themselves.</p>",
                    ),
                ),
                DEMO_NOTE,
            ],
        },
        "province": "lampang",
        "groups": ["people-with-disabilities", "informal-workers"],
        "occupations": [],
        "kind": OrganisationKind.CLUB,
        "palette": "teal",
    },
]


def _ensure_terms(model, rows):
    thai = Locale.objects.get(language_code="th")
    terms = {}
    for row in rows:
        term = model.objects.filter(locale=thai, slug=row["slug"]).first()
        if term is None:
            term = model.objects.create(locale=thai, **pick(row, "th"))
        translate(term, model(**pick(row, "en")))
        terms[row["slug"]] = term
    return terms


def load(stdout=None):
    provinces = _ensure_terms(Province, PROVINCES)
    groups = _ensure_terms(TargetGroup, TARGET_GROUPS)
    occupations = _ensure_terms(Occupation, OCCUPATIONS)
    thai = Locale.objects.get(language_code="th")
    partner_names = [p["name"].th for p in PARTNERS]
    partners = list(Partner.objects.filter(locale=thai, name__in=partner_names))

    home = HomePage.objects.get(locale=thai)
    index = ensure_page(home, CaseStudyIndexPage, INDEX)
    for unit in UNITS:
        page = ensure_page(
            index,
            CaseStudyPage,
            unit["content"],
            organisation_kind=unit["kind"],
            province=provinces[unit["province"]],
            target_groups=[groups[s] for s in unit["groups"]],
            occupations=[occupations[s] for s in unit["occupations"]],
            partners=partners,
            hero_image=demo_image(f"Case study: {unit['content']['slug']}", unit["palette"]),
        )
        unit_coordinator_group(page)  # each pilot unit's coordinators edit only their own page and figures
    if stdout:
        stdout.write(f"casestudies: index page, {len(UNITS)} case studies, {len(PROVINCES)} provinces")
