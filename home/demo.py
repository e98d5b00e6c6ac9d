"""Demo content for the home app: partners, the home page and the about/partners pages, Thai and English.

Every statement comes from ../shared/seed/FACTS.md (the source article); nothing here is a figure.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, Site

from . import roles
from .demo_translation import Pair, pick, translate
from .models import HomePage, Partner, StandardPage

P = Pair

PROGRAMME = P(
    "โครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพที่เชื่อมโยงกับโอกาสทางการศึกษาของเยาวชน และแรงงานนอกระบบ",
    "Developing a model of occupational development funds linked to educational opportunity for youth "
    "and informal workers",
)
PARENT_PROGRAMME = P(
    "โครงการส่งเสริมโอกาสการเรียนรู้และพัฒนาทักษะเยาวชนและแรงงานนอกระบบ",
    "Promoting learning opportunities and skills development for youth and informal workers",
)

PARTNERS = [
    {
        "name": P("กองทุนเพื่อความเสมอภาคทางการศึกษา", "Equitable Education Fund"),
        "short_name": P("กสศ.", "EEF"),
        "role": P(
            "ร่วมพัฒนาตัวแบบและหนุนเสริมการทำงานของหน่วยจัดการเรียนรู้ในฐานะผู้บริหารเครือข่ายความร่วมมือ",
            "Co-develops the model and supports the learning units as manager of the partner network.",
        ),
        "website": "https://www.eef.or.th/",
    },
    {
        "name": P("มูลนิธิเอสซีจี", "SCG Foundation"),
        "short_name": P("", ""),
        "role": P(
            "ร่วมหนุนเสริมโครงการ และเป็นสถานที่ประชุมหารือของภาคีเมื่อวันที่ 22 กุมภาพันธ์ 2566",
            "Supports the project and hosted the partners' meeting on 22 February 2023.",
        ),
        "website": "https://www.scgfoundation.org/",
    },
    {
        "name": P("มูลนิธิสถาบันวิจัยเพื่อท้องถิ่น", "Local Research Institute Foundation"),
        "short_name": P("", ""),
        "role": P(
            "ภาคีร่วมพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพกับชุมชน",
            "A partner in developing the occupational development fund model with communities.",
        ),
        "website": "",
    },
]

IDEAS = [
    P(
        ("ใช้อาชีพและกองทุนเป็นเครื่องมือของการเรียนรู้", "“อาชีพ” และ “กองทุน” เป็นเครื่องมือช่วยให้คนเกิดการเรียนรู้"),
        ("Occupations and funds are tools for learning", "“Occupation” and “fund” are tools that help people learn."),
    ),
    P(
        ("ชุมชนเป็นฐาน", "งานเติบโตจากความต้องการของคนในชุมชน โดยเฉพาะกลุ่มคนด้อยโอกาส เรียนรู้อย่างมีส่วนร่วม และคนในพื้นที่ลงมือทำเอง"),
        (
            "Community-based",
            "Work grows from what people in the community need, especially disadvantaged groups; learning is participatory and local people do the work themselves.",
        ),
    ),
    P(
        ("ต่อยอดจากทุนเดิมของชุมชน", "เริ่มจากสิ่งที่ชุมชนมีอยู่แล้ว ทั้งกลุ่ม ทักษะ และกองทุน"),
        (
            "Build on what the community already has",
            "Start from the community's existing capital: its groups, skills and funds.",
        ),
    ),
    P(
        ("กลไกการบริหารที่สอดคล้องกับชุมชน", "หนุนเสริมกลไกการบริหารจัดการที่เหมาะกับชุมชน ไม่ใช่การสั่งการจากภายนอก"),
        (
            "Management that fits the community",
            "Management mechanisms that fit the community are supported, not imposed.",
        ),
    ),
    P(
        (
            "เยาวชนและแรงงานนอกระบบร่วมบริหารกองทุน",
            "ผู้ด้อยโอกาสที่เป็นเยาวชนและแรงงานนอกระบบมีส่วนร่วมบริหาร เป็นเจ้าของ และเป็นคณะทำงานขับเคลื่อนกองทุน",
        ),
        (
            "Youth and informal workers help run the fund",
            "Disadvantaged youth and informal workers take part in managing the fund: ownership, and a seat on the working committee that drives it.",
        ),
    ),
    P(
        (
            "นวัตกรรมทางการเงินลดความเหลื่อมล้ำทางการศึกษา",
            "การเงินเชิงนวัตกรรม (Innovative Finance) ที่นำไปสู่การมีอาชีพและทางเลือกในชีวิตที่มากขึ้น",
        ),
        (
            "Innovative finance that reduces educational inequality",
            "Innovative finance that leads to occupations and more choices in life.",
        ),
    ),
    P(
        ("ผลลัพธ์คืนสู่สังคม", "ความร่วมมือก่อให้เกิดผลลัพธ์ที่ย้อนกลับคืนสู่สังคม (social return)"),
        ("Social return", "The collaboration produces results that flow back to society."),
    ),
    P(
        (
            "การเรียนรู้ อาชีพ รายได้ และชุมชนเข้มแข็ง",
            "เป้าหมายคือการเรียนรู้ การพัฒนาอาชีพ การสร้างรายได้ และความเข้มแข็งของชุมชนอย่างยั่งยืน",
        ),
        (
            "Learning, occupations, income and a strong community",
            "The aim is learning, occupational development, income, and a community that stays strong.",
        ),
    ),
    P(
        ("ภาคีหนุน คนในพื้นที่ลงมือ", "บริหารเครือข่ายความร่วมมือ กสศ. และมูลนิธิเอสซีจีหนุนเสริม คนในพื้นที่เป็นผู้ลงมือทำ"),
        (
            "Partners support, local people act",
            "A network of collaborators is managed; EEF and SCG Foundation support, local people act.",
        ),
    ),
]

UNITS = [
    P(
        ("วิสาหกิจชุมชนพอใจในวิถีพอเพียง", "จังหวัดกาญจนบุรี (ภาคตะวันตก) — วิสาหกิจชุมชน"),
        ("Pho Jai Nai Withi Pho Phiang Community Enterprise", "Kanchanaburi province (West) — a community enterprise"),
    ),
    P(
        ("กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง (ก.กกบึงกาฬ)", "จังหวัดบึงกาฬ (ภาคตะวันออกเฉียงเหนือ) — กลุ่มทอเสื่อกก"),
        (
            "Ban Pho Thong Mat-Weaving Community Enterprise Group (Kok Bueng Kan)",
            "Bueng Kan province (Northeast) — a group that weaves sedge-reed mats",
        ),
    ),
    P(
        ("ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน", "ตำบลแจ้ซ้อน จังหวัดลำปาง (ภาคเหนือ) — ชมรมของและเพื่อคนพิการ"),
        (
            "Friends-for-Friends with Disabilities Club, Chae Son Subdistrict",
            "Chae Son subdistrict, Lampang province (North) — a club of and for people with disabilities",
        ),
    ),
]


def _points(heading, items):
    return (
        "points",
        {"heading": heading, "points": [{"title": P(i.th[0], i.en[0]), "text": P(i.th[1], i.en[1])} for i in items]},
    )


HOME = {
    "title": P("หน้าแรก", "Home"),
    "slug": "home",
    "hero_heading": P(
        "กองทุนเพื่อพัฒนาอาชีพ: อาชีพและกองทุนเป็นเครื่องมือของการเรียนรู้",
        "The occupational development fund: occupations and funds as tools for learning",
    ),
    "hero_intro": P(
        "ตัวแบบกองทุนที่ชุมชนบริหารเอง เพื่อให้เยาวชนที่ด้อยโอกาสและแรงงานนอกระบบได้เรียนรู้ พัฒนาอาชีพ และมีรายได้ "
        "นำร่องโดยหน่วยจัดการเรียนรู้ 3 แห่งในกาญจนบุรี บึงกาฬ และลำปาง",
        "A community-run fund model that helps disadvantaged youth and informal workers learn, develop an "
        "occupation and earn, piloted by three learning units in Kanchanaburi, Bueng Kan and Lampang.",
    ),
    "search_description": P(
        "ตัวแบบกองทุนเพื่อพัฒนาอาชีพของ กสศ. มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น: กรณีศึกษา ชุดเครื่องมือ และผลลัพธ์",
        "The occupational development fund model of EEF, SCG Foundation and the Local Research Institute "
        "Foundation: case studies, toolkit and results.",
    ),
    "body": [
        _points(P("แนวคิดของตัวแบบ 9 ข้อ", "The model's nine ideas"), IDEAS),
        (
            "paragraph",
            P(
                "<p>ภาคีความร่วมมือ: กองทุนเพื่อความเสมอภาคทางการศึกษา (กสศ.) มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น</p>",
                "<p>Partners: the Equitable Education Fund (EEF), SCG Foundation and the Local Research Institute Foundation.</p>",
            ),
        ),
    ],
}

ABOUT = {
    "title": P("เกี่ยวกับตัวแบบ", "About the model"),
    "slug": "about",
    "show_in_menus": True,
    "intro": P(
        "ตัวแบบกองทุนเพื่อพัฒนาอาชีพใช้อาชีพและกองทุนชุมชนเป็นเครื่องมือช่วยให้คนเกิดการเรียนรู้ โดยเฉพาะเยาวชนที่ด้อยโอกาสและแรงงานนอกระบบ",
        "The occupational development fund model uses occupations and community funds as tools that help "
        "people learn, especially disadvantaged youth and informal workers.",
    ),
    "body": [
        ("heading", {"text": P("โครงการ", "The project"), "level": "h2"}),
        (
            "paragraph",
            P(
                f"<p>{PROGRAMME.th} อยู่ภายใต้{PARENT_PROGRAMME.th}</p>",
                f"<p>The project “{PROGRAMME.en}” sits under the larger programme “{PARENT_PROGRAMME.en}”.</p>",
            ),
        ),
        (
            "paragraph",
            P(
                "<p>ภาคีทั้งสามร่วมหารือเมื่อวันที่ 22 กุมภาพันธ์ 2566 ณ มูลนิธิเอสซีจี เพื่อผสานความร่วมมือและขยายพื้นที่การทำงานของโครงการ "
                "โดยใช้ชุมชนเป็นฐาน เพื่อสร้างการเรียนรู้ การพัฒนาอาชีพ รายได้ และความเข้มแข็งให้กับชุมชนอย่างยั่งยืน</p>",
                "<p>The three partners met on 22 February 2023 at the SCG Foundation to agree how to work together and to "
                "widen the project's area of work, community-based, for learning, occupational development, income and "
                "lasting community strength.</p>",
            ),
        ),
        _points(P("แนวคิดของตัวแบบ", "The model's ideas"), IDEAS),
        ("heading", {"text": P("หน่วยจัดการเรียนรู้นำร่อง", "Pilot learning units"), "level": "h2"}),
        _points(P("", ""), UNITS),
        (
            "callout",
            {
                "kind": "info",
                "title": P("เกี่ยวกับตัวเลข", "About figures"),
                "text": P(
                    "<p>บทความต้นทางไม่ได้ให้ตัวเลขของหน่วยนำร่อง ตัวเลขใดที่แสดงเป็นตัวอย่างบนเว็บไซต์นี้จะระบุว่าเป็น “ตัวเลขตัวอย่าง” เสมอ</p>",
                    "<p>The source article gives no figures about the pilot units. Any example figure on this site is always "
                    "marked as “illustrative”.</p>",
                ),
            },
        ),
    ],
}

PARTNERS_PAGE = {
    "title": P("ภาคีความร่วมมือ", "Partners"),
    "slug": "partners",
    "show_in_menus": True,
    "intro": P(
        "กสศ. และมูลนิธิเอสซีจีทำงานร่วมกันในลักษณะการบริหารเครือข่ายความร่วมมือ: ภาคีหนุนเสริม คนในพื้นที่ลงมือทำ",
        "EEF and SCG Foundation work together by managing a network of collaborators: the partners support, "
        "local people act.",
    ),
    "body": [
        (
            "points",
            {
                "heading": P("ภาคีทั้งสาม", "The three partners"),
                "points": [
                    {
                        "title": P(
                            f"{p['name'].th}" + (f" ({p['short_name'].th})" if p["short_name"].th else ""),
                            f"{p['name'].en}" + (f" ({p['short_name'].en})" if p["short_name"].en else ""),
                        ),
                        "text": p["role"],
                    }
                    for p in PARTNERS
                ],
            },
        ),
        (
            "paragraph",
            P(
                "<p>การทำงานเน้นการเข้าไปสร้างการเรียนรู้อย่างมีส่วนร่วม ส่งเสริมการลงมือปฏิบัติโดยคนในพื้นที่ (community based) "
                "และพัฒนาต่อยอดจากทุนเดิมที่สร้างไว้ในชุมชน</p>",
                "<p>The work centres on participatory learning, action by people in the area (community based), and "
                "building on the capital the community has already created.</p>",
            ),
        ),
    ],
}


def _faq(*pairs):
    """Question-and-answer blocks: each question an H2 heading, each answer a paragraph."""
    blocks = []
    for question, answer in pairs:
        blocks.append(("heading", {"text": question, "level": "h2"}))
        blocks.append(("paragraph", answer))
    return blocks


# Frequently asked questions, answered only from the source article's facts (../shared/seed/FACTS.md).
FAQ = {
    "title": P("คำถามที่พบบ่อย", "Frequently asked questions"),
    "slug": "faq",
    "show_in_menus": False,
    "intro": P(
        "คำตอบสั้น ๆ เกี่ยวกับตัวแบบกองทุนเพื่อพัฒนาอาชีพ หน่วยนำร่อง และการนำไปใช้ในชุมชนของท่าน",
        "Short answers about the occupational development fund model, its pilot units, and using it in your "
        "own community.",
    ),
    "body": _faq(
        (
            P("ตัวแบบกองทุนเพื่อพัฒนาอาชีพคืออะไร", "What is the occupational development fund model?"),
            P(
                "<p>เป็นตัวแบบที่ใช้ “อาชีพ” และ “กองทุน” ของชุมชนเป็นเครื่องมือช่วยให้คนเกิดการเรียนรู้ "
                "โดยเฉพาะเยาวชนที่ด้อยโอกาสและแรงงานนอกระบบ เป้าหมายคือการเรียนรู้ การพัฒนาอาชีพ รายได้ "
                'และชุมชนที่เข้มแข็ง อ่านแนวคิดทั้ง 9 ข้อได้ที่หน้า <a href="/th/about/">เกี่ยวกับตัวแบบ</a></p>',
                "<p>A model that uses a community's occupations and funds as tools that help people learn, "
                "especially disadvantaged youth and informal workers. Its aim is learning, occupational "
                "development, income and a community that stays strong. The nine ideas are on "
                '<a href="/en/about/">About the model</a>.</p>',
            ),
        ),
        (
            P("ใครร่วมพัฒนาตัวแบบนี้", "Who is developing it?"),
            P(
                "<p>กองทุนเพื่อความเสมอภาคทางการศึกษา (กสศ.) มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น "
                f"ภายใต้{PARENT_PROGRAMME.th} ภาคีหนุนเสริม ส่วนคนในพื้นที่เป็นผู้ลงมือทำ</p>",
                "<p>The Equitable Education Fund (EEF), SCG Foundation and the Local Research Institute Foundation, "
                f"under the programme “{PARENT_PROGRAMME.en}”. The partners support; local people act.</p>",
            ),
        ),
        (
            P("ตัวแบบนำร่องที่ไหนบ้าง", "Where has it been piloted?"),
            P(
                "<p>ในหน่วยจัดการเรียนรู้ 3 แห่ง: วิสาหกิจชุมชนพอใจในวิถีพอเพียง จังหวัดกาญจนบุรี "
                "กลุ่มวิสาหกิจชุมชนกลุ่มทอเสื่อบ้านโพธิ์ทอง (ก.กกบึงกาฬ) จังหวัดบึงกาฬ "
                'และชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน จังหวัดลำปาง อ่านเรื่องของแต่ละแห่งได้ที่ <a href="/th/case-studies/">กรณีศึกษา</a></p>',
                "<p>In three learning units: Pho Jai Nai Withi Pho Phiang Community Enterprise in Kanchanaburi, "
                "the Ban Pho Thong Mat-Weaving Community Enterprise Group (Kok Bueng Kan) in Bueng Kan, and the "
                "Friends-for-Friends with Disabilities Club of Chae Son subdistrict in Lampang. Each one's story is "
                'in the <a href="/en/case-studies/">case studies</a>.</p>',
            ),
        ),
        (
            P("ใครเป็นผู้บริหารกองทุน", "Who runs the fund?"),
            P(
                "<p>ชุมชนเอง ด้วยกลไกการบริหารที่เหมาะกับชุมชน ไม่ใช่การสั่งการจากภายนอก "
                "เยาวชนและแรงงานนอกระบบมีส่วนร่วมบริหาร เป็นเจ้าของ และเป็นคณะทำงานขับเคลื่อนกองทุน</p>",
                "<p>The community itself, with management mechanisms that fit it rather than rules imposed from "
                "outside. Youth and informal workers take part in managing the fund, own it, and sit on the "
                "working committee that drives it.</p>",
            ),
        ),
        (
            P("ต้องมีเงินก้อนใหญ่ก่อนเริ่มหรือไม่", "Does a community need a lot of money to start?"),
            P(
                "<p>ตัวแบบเริ่มจากทุนเดิมที่ชุมชนมีอยู่แล้ว ทั้งกลุ่ม ทักษะ และกองทุน แล้วต่อยอดจากสิ่งนั้น "
                'ลองวางแผนด้วยตัวเลขของชุมชนท่านเองได้ที่ <a href="/th/toolkit/planner/">เครื่องมือวางแผนกองทุนหมุนเวียน</a></p>',
                "<p>The model starts from what the community already has (its groups, skills and funds) and builds "
                "on it. Try your own community's numbers in the "
                '<a href="/en/toolkit/planner/">revolving-fund planner</a>.</p>',
            ),
        ),
        (
            P("ชุมชนของเราจะเริ่มอย่างไร", "How can our community start?"),
            P(
                '<p>เริ่มจาก<a href="/th/toolkit/self-check/">แบบประเมินความพร้อมด้วยตนเอง</a> '
                'แล้วทำตาม<a href="/th/toolkit/">ชุดเครื่องมือขยายผล</a> 8 ขั้นตอน '
                "ดาวน์โหลดแบบฟอร์มทีละไฟล์ ทั้งชุดเป็นไฟล์ ZIP หรือเป็น PDF ไฟล์เดียวสำหรับพิมพ์ก็ได้</p>",
                '<p>Begin with the <a href="/en/toolkit/self-check/">readiness self-check</a>, then follow the '
                'eight steps of the <a href="/en/toolkit/">replication toolkit</a>. Download the forms one by one, the '
                "whole kit as a ZIP, or one printable PDF.</p>",
            ),
        ),
        (
            P("ตัวเลขบนเว็บไซต์นี้เป็นตัวเลขจริงหรือไม่", "Are the figures on this site real?"),
            P(
                "<p>บทความต้นทางไม่ได้ให้ตัวเลขผลลัพธ์ของหน่วยนำร่อง ตัวเลขที่แสดงในขณะนี้เป็นตัวเลขตัวอย่าง "
                "และมีป้าย “ตัวเลขตัวอย่าง” กำกับทุกแห่ง ทั้งในหน้าเว็บ ตาราง และไฟล์ข้อมูลเปิด</p>",
                "<p>The source article gives no result figures for the pilot units. The figures shown for now are "
                "examples, labelled “illustrative” everywhere they appear: on pages, in tables and in the open "
                "data files.</p>",
            ),
        ),
    ),
}

# The privacy page: what the site itself does. Linked from the footer (home.templatetags.navigation_tags).
PRIVACY = {
    "title": P("ความเป็นส่วนตัว", "Privacy"),
    "slug": "privacy",
    "show_in_menus": False,
    "intro": P(
        "เว็บไซต์นี้ไม่ติดตามผู้อ่าน ไม่ใช้คุกกี้เพื่อการโฆษณาหรือการวิเคราะห์ และไม่ส่งข้อมูลของท่านให้ผู้อื่น",
        "This site does not track its readers, uses no advertising or analytics cookies, and passes nothing "
        "about you to anyone else.",
    ),
    "body": [
        (
            "points",
            {
                "heading": P("สิ่งที่เว็บไซต์ไม่ทำ", "What the site does not do"),
                "points": [
                    {
                        "title": P("ไม่ติดตามผู้อ่าน", "No tracking"),
                        "text": P(
                            "ไม่มีโปรแกรมวิเคราะห์สถิติผู้เข้าชม ไม่มีโฆษณา และไม่มีปุ่มของสื่อสังคมออนไลน์ที่ติดตามผู้อ่าน",
                            "No visitor analytics, no advertising and no social-media buttons that follow readers.",
                        ),
                    },
                    {
                        "title": P("ไม่โหลดสิ่งใดจากเว็บไซต์อื่น", "Nothing loaded from other sites"),
                        "text": P(
                            "แบบอักษร ภาพ และไฟล์ทุกชิ้นมาจากเว็บไซต์นี้เอง เบราว์เซอร์ของท่านจึงไม่ต้องติดต่อเว็บไซต์อื่นเมื่อเปิดหน้าใด ๆ",
                            "Every font, image and file comes from this site itself, so your browser contacts no "
                            "other site when it opens a page.",
                        ),
                    },
                    {
                        "title": P("ไม่มีคุกกี้สำหรับผู้อ่าน", "No cookies for readers"),
                        "text": P(
                            "ผู้อ่านไม่ต้องลงทะเบียนหรือเข้าสู่ระบบ และหน้าเว็บสาธารณะไม่ตั้งคุกกี้",
                            "Readers never need to register or sign in, and public pages set no cookies.",
                        ),
                    },
                ],
            },
        ),
        ("heading", {"text": P("สิ่งที่เซิร์ฟเวอร์บันทึก", "What the server records"), "level": "h2"}),
        (
            "paragraph",
            P(
                "<p>เช่นเดียวกับเว็บไซต์ทั่วไป เซิร์ฟเวอร์บันทึกคำขอแต่ละครั้งไว้ชั่วคราว (เวลา หน้าที่เปิด หมายเลข IP และชนิดของเบราว์เซอร์) "
                "เพื่อดูแลความปลอดภัยและแก้ไขข้อผิดพลาดเท่านั้น บันทึกเหล่านี้ไม่ถูกนำไปใช้ระบุตัวผู้อ่านและไม่เปิดเผยต่อผู้อื่น</p>",
                "<p>Like any web site, the server briefly records each request (time, page, IP address and browser "
                "type) only to keep the site secure and to fix errors. These records are not used to identify "
                "readers and are not shared.</p>",
            ),
        ),
        ("heading", {"text": P("ลิงก์ไปยังเว็บไซต์อื่น", "Links to other sites"), "level": "h2"}),
        (
            "paragraph",
            P(
                "<p>เมื่อท่านคลิกลิงก์ไปยังเว็บไซต์ของภาคี เว็บไซต์นั้นมีนโยบายความเป็นส่วนตัวของตนเอง "
                "เว็บไซต์นี้ไม่ส่งที่อยู่ของหน้าที่ท่านอ่านอยู่ไปกับลิงก์ดังกล่าว</p>",
                "<p>When you follow a link to a partner's site, that site's own privacy policy applies. This site "
                "does not send the address of the page you were reading along with such links.</p>",
            ),
        ),
        ("heading", {"text": P("ผู้ดูแลเนื้อหา", "Editors"), "level": "h2"}),
        (
            "paragraph",
            P(
                "<p>เฉพาะผู้ดูแลเนื้อหาที่เข้าสู่ระบบจัดการเว็บไซต์เท่านั้นที่ได้รับคุกกี้สำหรับการเข้าสู่ระบบ "
                "และระบบจะระงับการเข้าสู่ระบบชั่วคราวเมื่อใส่รหัสผ่านผิดหลายครั้ง</p>",
                "<p>Only editors who sign in to the site's administration receive a sign-in cookie, and sign-in "
                "is blocked for a while after repeated wrong passwords.</p>",
            ),
        ),
    ],
}


def _ensure_partners():
    for order, data in enumerate(PARTNERS):
        thai = pick(data, "th")
        partner = Partner.objects.filter(locale__language_code="th", name=thai["name"]).first()
        if partner is None:
            partner = Partner.objects.create(locale=Locale.objects.get(language_code="th"), sort_order=order, **thai)
        translate(partner, Partner(sort_order=order, **pick(data, "en")))


def _ensure_home():
    thai_locale = Locale.objects.get(language_code="th")
    home = HomePage.objects.filter(locale=thai_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's placeholder "Welcome" page holds the slug "home" until it is replaced below.
        placeholders = list(
            root.get_children().exclude(pk__in=HomePage.objects.values("pk")).values_list("pk", flat=True)
        )
        Page.objects.filter(pk__in=placeholders).update(slug="wagtail-placeholder")
        values = pick(HOME, "th")
        home = root.add_child(instance=HomePage(locale=thai_locale, **values))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "กองทุนเพื่อพัฒนาอาชีพ", home
        site.save()
        for placeholder in Page.objects.filter(pk__in=placeholders):
            placeholder.delete()
    translate(home, HomePage(**pick(HOME, "en")))
    return home


def ensure_page(parent, model, content, **extra):
    """Get or create (and publish) the Thai child of ``parent`` with ``content``'s slug, then its English translation."""
    values = pick(content, "th")
    page = model.objects.child_of(parent).filter(slug=values["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(locale=parent.locale, **values, **extra))
        page.save_revision().publish()
    translate(page, model(**pick(content, "en"), **extra))
    return page


# One demo account per editorial role, so each role's view of the admin can be tried (created with the demo admin,
# i.e. only with DEBUG on or ``load_demo_content --admin``). The coordinator coordinates the Bueng Kan unit.
DEMO_STAFF = {
    "editor": [roles.EDITORS],
    "moderator": [roles.MODERATORS],
    "translator": [roles.TRANSLATORS],
    "data": [roles.DATA_STAFF],
    "coordinator": [roles.UNIT_COORDINATORS],
}
DEMO_COORDINATED_UNIT = "ban-pho-thong"


# Names and admin languages of the demo accounts. Thai style: people go by their given name, so the Thai given
# name is ``first_name`` (Wagtail greets the user with it) and ``last_name`` is the Thai family name followed by
# the English name in brackets; Wagtail's one full name then reads well in both languages:
# "สมศรี ใจดี (Somsri Jaidee)". The translator works in English, so their admin is English; the others' is Thai.
DEMO_PEOPLE = {
    "admin": ("ประภาพร", "สุขสวัสดิ์", "Praphaphon Suksawat", "th"),
    "editor": ("สมศรี", "ใจดี", "Somsri Jaidee", "th"),
    "moderator": ("วิชัย", "ศรีสุข", "Wichai Srisuk", "th"),
    "translator": ("นภา", "แสงทอง", "Napha Saengthong", "en"),
    "data": ("ธนพล", "มีทรัพย์", "Thanaphon Meesap", "th"),
    "coordinator": ("บุญมี", "โพธิ์ทอง", "Boonmee Phothong", "th"),
}


def name_demo_account(user):
    """Give a demo account its Thai and English name and admin language, where they are still unset."""
    from wagtail.users.models import UserProfile

    if user.username not in DEMO_PEOPLE:
        return
    first, last, english, language = DEMO_PEOPLE[user.username]
    if not (user.first_name or user.last_name):
        user.first_name, user.last_name = first, f"{last} ({english})"
        user.save(update_fields=["first_name", "last_name"])
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def ensure_demo_staff(password):
    """Create the demo staff accounts that do not exist yet, and name every demo account; returns their usernames.

    Names and languages are only filled in where they are empty, so a second run (or a name changed in the
    admin) is left as it is.
    """
    User = get_user_model()
    for username, group_names in DEMO_STAFF.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, f"{username}@example.org", password)
            user.groups.add(*Group.objects.filter(name__in=group_names))
    for user in User.objects.filter(username__in=DEMO_PEOPLE):
        name_demo_account(user)
    unit = Page.objects.filter(slug=DEMO_COORDINATED_UNIT, locale=Locale.get_default()).first()
    if unit is not None:
        roles.grant_unit_coordinator(User.objects.get(username="coordinator"), unit)
    return list(DEMO_STAFF)


def load(stdout=None):
    _ensure_partners()
    home = _ensure_home()
    ensure_page(home, StandardPage, ABOUT)
    ensure_page(home, StandardPage, PARTNERS_PAGE)
    ensure_page(home, StandardPage, PRIVACY)
    ensure_page(home, StandardPage, FAQ)
    if stdout:
        stdout.write(f"home: home page, about, partners, privacy and FAQ pages, {len(PARTNERS)} partners")
