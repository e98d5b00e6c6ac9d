"""Demo content for news: the news index and the source article (../shared/seed/) as the first news item.

The Thai text is the EEF article as published, split into its paragraphs; the English is our
translation of it. It names the three partners and the three pilot units, and gives no figures.
"""

import datetime

from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.demo import PARTNERS, ensure_page
from home.demo_images import demo_image
from home.demo_translation import Pair, pick, translate
from home.models import HomePage, Partner

from .models import NewsIndexPage, NewsPage, NewsTag

P = Pair

PILOT_SLUGS = ["pho-jai-nai-withi-pho-phiang", "ban-pho-thong", "chae-son-friends-with-disabilities"]

TAGS = [
    {"slug": "partners-meeting", "name": P("การประชุมภาคี", "Partners' meeting")},
    {"slug": "fund-model", "name": P("ตัวแบบกองทุน", "Fund model")},
    {"slug": "pilot-units", "name": P("หน่วยนำร่อง", "Pilot units")},
]

INDEX = {
    "title": P("ข่าวสาร", "News"),
    "slug": "news",
    "show_in_menus": True,
    "intro": P(
        "ข่าวความเคลื่อนไหวของโครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพ ภาคีความร่วมมือ และหน่วยจัดการเรียนรู้นำร่อง",
        "News of the occupational development fund model project, its partners and the pilot learning units.",
    ),
    "search_description": P(
        "ข่าวสารของตัวแบบกองทุนเพื่อพัฒนาอาชีพ: กสศ. มูลนิธิเอสซีจี มูลนิธิสถาบันวิจัยเพื่อท้องถิ่น และหน่วยนำร่อง",
        "News of the occupational development fund model: EEF, SCG Foundation, the Local Research Institute "
        "Foundation and the pilot units.",
    ),
}

TITLE = P(
    "กสศ. ร่วมกับ มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น ผสานความร่วมมือพัฒนาตัวแบบ ‘กองทุนเพื่อพัฒนาอาชีพ’",
    "EEF, SCG Foundation and the Local Research Institute Foundation join forces to develop the "
    "‘occupational development fund’ model",
)

ARTICLE = {
    "title": TITLE,
    "slug": "eef-scg-occupation-fund-2023",
    "summary": P(
        "กสศ. มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น ร่วมหารือเมื่อวันที่ 22 กุมภาพันธ์ 2566 ณ มูลนิธิเอสซีจี "
        "เพื่อผสานความร่วมมือและขยายพื้นที่การทำงานของโครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพ ร่วมกับหน่วยจัดการเรียนรู้นำร่อง 3 หน่วย",
        "On 22 February 2023, at the SCG Foundation, EEF, SCG Foundation and the Local Research Institute "
        "Foundation met to join forces and widen the work of the occupational development fund model "
        "project, with three pilot learning units.",
    ),
    "hero_alt": P(
        "ภาพประกอบลวดลายทอเป็นแถบสีและวงกลม ไม่ใช่ภาพถ่ายจากการประชุม",
        "An illustration of woven bands and circles, not a photograph of the meeting",
    ),
    "body": [
        (
            "paragraph",
            P(
                "<p>กองทุนเพื่อความเสมอภาคทางการศึกษา (กสศ.) ร่วมกับ มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น "
                "นำโดย ดร.ไกรยส ภัทราวาท ผู้จัดการกองทุนเพื่อความเสมอภาคทางการศึกษา คุณธันว์ธิดา วงศ์ประสงค์ "
                "ผู้อำนวยการสำนักพัฒนานวัตกรรมเพื่อสร้างโอกาสการเรียนรู้ กสศ. และ คุณสุวิมล จิวาลักษณ์ "
                "กรรมการและผู้จัดการมูลนิธิเอสซีจี ร่วมหารือและแลกเปลี่ยนเกี่ยวกับการดำเนิน "
                "“โครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพที่เชื่อมโยงกับโอกาสทางการศึกษาของเยาวชน และแรงงานนอกระบบ” "
                "ภายใต้โครงการส่งเสริมโอกาสการเรียนรู้และพัฒนาทักษะเยาวชนและแรงงานนอกระบบ "
                "เพื่อผสานความร่วมมือในการขยายพื้นที่การทำงานของโครงการฯ โดยใช้ชุมชนเป็นฐาน เพื่อสร้างการเรียนรู้ "
                "และการพัฒนาอาชีพ สร้างรายได้ และความเข้มแข็งให้กับชุมชนอย่างยั่งยืน เมื่อวันที่ 22 กุมภาพันธ์ 2566 "
                "ณ มูลนิธิเอสซีจี</p>",
                "<p>The Equitable Education Fund (EEF), together with SCG Foundation and the Local Research Institute "
                "Foundation, led by Dr. Kraiyos Patrawart, Managing Director of the Equitable Education Fund; "
                "Ms. Thanthida Wongprasong, Director of EEF's Office of Innovation Development for Learning "
                "Opportunities; and Ms. Suwimol Jiwaluk, Director and Managing Director of SCG Foundation, met to "
                "discuss and exchange views on running the “Developing a model of occupational development funds "
                "linked to educational opportunity for youth and informal workers” project, under the programme "
                "“Promoting learning opportunities and skills development for youth and informal workers”. They met "
                "to join forces in widening the project's area of work, community-based, to create learning and "
                "occupational development, generate income and build lasting community strength. The meeting took "
                "place on 22 February 2023 at the SCG Foundation.</p>",
            ),
        ),
        (
            "paragraph",
            P(
                "<p>ทั้งนี้ มีหน่วยจัดการเรียนรู้เข้าร่วมโครงการนำร่องทั้งหมด 3 หน่วย ได้แก่ วิสาหกิจชุมชนพอใจในวิถีพอเพียง "
                "จังหวัดกาญจนบุรี, กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง (ก.กกบึงกาฬ) จังหวัดบึงกาฬ, "
                "ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน จังหวัดลำปาง โดยมีเป้าหมายเพื่อร่วมกันสร้างตัวแบบกองทุนเพื่อส่งเสริมการเรียนรู้"
                "และการพัฒนาอาชีพ ภายใต้แนวคิดการใช้ “อาชีพ” และ “กองทุน” เป็น “เครื่องมือช่วยให้คนเกิดการเรียนรู้” "
                "โดยใช้ชุมชนเป็นฐาน ผ่านการพัฒนางานบนความต้องการของคนในชุมชนโดยเฉพาะกลุ่มคนด้อยโอกาส</p>",
                "<p>Three learning units take part in the pilot: the Pho Jai Nai Withi Pho Phiang Community Enterprise "
                "in Kanchanaburi province; the Ban Pho Thong Mat-Weaving Community Enterprise Group (Kok Bueng Kan) in "
                "Bueng Kan province; and the Friends-for-Friends with Disabilities Club of Chae Son Subdistrict in "
                "Lampang province. Together they aim to build a fund model that promotes learning and occupational "
                "development, based on the idea of using “occupation” and “fund” as “tools that help people learn”: "
                "community-based, with work developed from what people in the community need, especially "
                "disadvantaged groups.</p>",
            ),
        ),
        (
            "paragraph",
            P(
                "<p>สำหรับการทำงานระหว่าง กสศ. และมูลนิธิเอสซีจี จะดำเนินงานร่วมกันในลักษณะการบริหารเครือข่ายความร่วมมือ "
                "เน้นการเข้าไปสร้างการเรียนรู้อย่างมีส่วนร่วม และส่งเสริมการลงมือปฏิบัติโดยคนในพื้นที่ (community based) "
                "พัฒนาต่อยอดจากทุนเดิมที่สร้างไว้ในชุมชน ผ่านการหนุนเสริมกลไกการบริหารจัดการที่สอดคล้องกับชุมชน "
                "มุ่งเน้นให้ผู้ด้อยโอกาสที่เป็นเยาวชนและแรงงานนอกระบบ เข้ามามีส่วนร่วมในการบริหารจัดการ สร้างความเป็นเจ้าของ "
                "และร่วมเป็นคณะทำงานในการขับเคลื่อนกองทุน และยังเกิดนวัตกรรมทางการเงินช่วยลดความเหลื่อมล้ำทางการศึกษา "
                "(Innovative Finance) ที่นำไปสู่การมีอาชีพและโอกาสทางเลือกที่เพิ่มมากขึ้น และยังเกิดผลลัพธ์คืนสู่สังคม "
                "(social return) จากความร่วมมือที่เกิดขึ้นไปได้</p>",
                "<p>EEF and SCG Foundation will work together by managing a network of collaborators. The work "
                "centres on building participatory learning and on action by people in the area (community based), "
                "building on the capital already created in the community, and supporting management mechanisms "
                "that fit the community. It aims for disadvantaged youth and informal workers to take part in "
                "managing the fund, to build a sense of ownership and to join the working committee that drives the "
                "fund. The collaboration can also produce financial innovation that reduces educational inequality "
                "(Innovative Finance), leading to occupations and more choices in life, and a social return from "
                "the partnership.</p>",
            ),
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": P("ที่มาของข่าว", "Source"),
                "text": P(
                    "<p>ข่าวนี้เผยแพร่โดยกองทุนเพื่อความเสมอภาคทางการศึกษา (กสศ.) ภาพประกอบเป็นลวดลายที่สร้างขึ้น ไม่ใช่ภาพถ่ายจากการประชุม</p>",
                    "<p>This news was published in Thai by the Equitable Education Fund (EEF); the English is our "
                    "translation. The picture is a generated pattern, not a photograph of the meeting.</p>",
                ),
            },
        ),
    ],
}


def _ensure_tags():
    thai = Locale.objects.get(language_code="th")
    tags = {}
    for data in TAGS:
        tag = NewsTag.objects.filter(locale=thai, slug=data["slug"]).first()
        if tag is None:
            tag = NewsTag.objects.create(locale=thai, **pick(data, "th"))
        translate(tag, NewsTag(**pick(data, "en")))
        tags[data["slug"]] = tag
    return tags


def load(stdout=None):
    thai = Locale.objects.get(language_code="th")
    tags = _ensure_tags()
    home = HomePage.objects.get(locale=thai)
    index = ensure_page(home, NewsIndexPage, INDEX)
    case_study_index = CaseStudyIndexPage.objects.filter(locale=thai).first()
    units = (
        list(CaseStudyPage.objects.child_of(case_study_index).filter(slug__in=PILOT_SLUGS).order_by("path"))
        if case_study_index
        else []
    )
    partners = list(Partner.objects.filter(locale=thai, name__in=[p["name"].th for p in PARTNERS]))
    ensure_page(
        index,
        NewsPage,
        ARTICLE,
        date=datetime.date(2023, 2, 22),
        hero_image=demo_image("News: partners' meeting 22 Feb 2023", "teal"),
        related_case_studies=units,
        partners=partners,
        tags=list(tags.values()),
    )
    if stdout:
        stdout.write(f"news: news index, 1 news item linked to {len(units)} pilot units and {len(partners)} partners")
