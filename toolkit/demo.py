"""Demo content for the toolkit: the overview, eight steps, and real resource files, in Thai and English.

The steps teach the model's ideas (../shared/seed/FACTS.md) with common practice of community
savings-and-loan funds. Times are suggestions, not measured figures. Tips link to the pilot units'
case studies when those pages exist, otherwise to the page about the model.
"""

import json

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from home.demo import ensure_page
from home.demo_translation import Pair, pick, translate
from home.models import HomePage

from . import bundles, demo_files
from .models import StepResource, StepTip, ToolkitPage, ToolkitResource, ToolkitStepPage

P = Pair

RESOURCES = {
    "constitution": {
        "title": P("แบบร่างระเบียบกองทุน", "Fund constitution template"),
        "description": P(
            "ระเบียบกองทุนฉบับร่าง ครอบคลุมสมาชิก คณะทำงาน เงินกู้เพื่ออาชีพ และการจัดสรรผลกำไร ให้ปรับแก้ร่วมกับสมาชิก",
            "A draft constitution covering members, the working committee, loans for occupations and the use of the "
            "surplus, to adapt with the members.",
        ),
        "kind": ToolkitResource.Kind.TEMPLATE,
        "build": demo_files.constitution_docx,
        "filename": "odf-fund-constitution-template-{lang}.docx",
    },
    "ledger": {
        "title": P("สมุดทะเบียนสมาชิกและทะเบียนเงินกู้", "Member ledger and loan register"),
        "description": P(
            "สมุดบัญชีในไฟล์เดียว: ทะเบียนสมาชิก เงินออม ทะเบียนเงินกู้ การชำระคืน และกองทุนสวัสดิการ พร้อมสูตรคำนวณ",
            "One workbook for the books: members, savings, loan register, repayments and the social fund, with "
            "formulas.",
        ),
        "kind": ToolkitResource.Kind.LEDGER,
        "build": demo_files.ledger_xlsx,
        "filename": "odf-member-ledger-loan-register-{lang}.xlsx",
    },
    "minutes": {
        "title": P("แบบบันทึกรายงานการประชุมคณะทำงาน", "Committee meeting minutes form"),
        "description": P(
            "แบบฟอร์มพิมพ์สำหรับจดรายงานการประชุม: ผู้เข้าประชุม วาระ สรุปการเงิน และมติ",
            "A printable form for meeting minutes: attendance, agenda, money summary and decisions.",
        ),
        "kind": ToolkitResource.Kind.FORM,
        "build": demo_files.minutes_pdf,
        "filename": "odf-committee-minutes-form-{lang}.pdf",
    },
    "monitoring": {
        "title": P("แบบติดตามผลลัพธ์และผลตอบแทนทางสังคม", "Results and social return monitoring form"),
        "description": P(
            "แบบฟอร์มรายไตรมาสสำหรับติดตามการเรียนรู้ อาชีพและรายได้ กองทุน และผลที่คืนสู่สังคม",
            "A quarterly form to follow learning, occupations and income, the fund, and what returns to society.",
        ),
        "kind": ToolkitResource.Kind.FORM,
        "build": demo_files.monitoring_pdf,
        "filename": "odf-monitoring-form-{lang}.pdf",
    },
}

# Pilot case studies by slug (built in the casestudies app); "about" is the fallback.
KANCHANABURI, BUENG_KAN, LAMPANG = "pho-jai-nai-withi-pho-phiang", "ban-pho-thong", "chae-son-friends-with-disabilities"


def _p(th, en):
    return ("paragraph", P(f"<p>{th}</p>", f"<p>{en}</p>"))


def _points(heading, items):
    return (
        "points",
        {"heading": heading, "points": [{"title": P(t[0], e[0]), "text": P(t[1], e[1])} for t, e in items]},
    )


def _check(*items):
    return [("item", P(th, en)) for th, en in items]


TOOLKIT = {
    "title": P("ชุดเครื่องมือขยายผล", "Replication toolkit"),
    "slug": "toolkit",
    "show_in_menus": True,
    "intro": P(
        "แปดขั้นตอนสำหรับชุมชนที่อยากตั้งกองทุนเพื่อพัฒนาอาชีพของตนเอง ตั้งแต่ทำความเข้าใจตัวแบบไปจนถึงการแบ่งปันและขยายผล "
        "พร้อมแบบฟอร์ม แบบร่าง และสมุดบัญชีที่ดาวน์โหลดไปใช้ได้ทันที",
        "Eight steps for a community that wants its own occupational development fund, from understanding the "
        "model to sharing and scaling it, with forms, templates and ledgers to download and use straight away.",
    ),
    "audience": P(
        "ผู้นำวิสาหกิจชุมชนและกลุ่มอาชีพ องค์กรปกครองส่วนท้องถิ่น เจ้าหน้าที่องค์กรพัฒนาเอกชน และคณะทำงานกองทุนที่มีอยู่แล้ว "
        "ที่ต้องการใช้อาชีพและกองทุนเป็นเครื่องมือให้เยาวชนที่ด้อยโอกาสและแรงงานนอกระบบได้เรียนรู้",
        "Leaders of community enterprises and occupational groups, local government, NGO staff, and the committees "
        "of existing funds who want to use occupations and a fund as tools for disadvantaged youth and informal "
        "workers to learn.",
    ),
    "how_to_use": [
        ("heading", {"text": P("วิธีใช้ชุดเครื่องมือ", "How to use the toolkit"), "level": "h2"}),
        _p(
            "ทำทีละขั้นตามลำดับ แต่ละขั้นบอกวัตถุประสงค์ ผู้เข้าร่วม เวลาที่ใช้ กิจกรรม และรายการตรวจสอบ "
            "ทำรายการตรวจสอบให้ครบก่อนไปขั้นต่อไป ชุมชนที่มีกลุ่มหรือกองทุนอยู่แล้วอาจทำบางขั้นได้เร็วขึ้น",
            "Work through the steps in order. Each step gives its purpose, who takes part, the time needed, the "
            "activities and a checklist; finish the checklist before moving on. A community that already has a group "
            "or a fund may go faster through some steps.",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": P("พิมพ์และแบ่งปัน", "Print and share"),
                "text": P(
                    "<p>ดาวน์โหลดชุดเครื่องมือทั้งชุดเป็น PDF ไฟล์เดียวเพื่อพิมพ์ หรือเป็น ZIP ที่รวมแบบฟอร์มทุกไฟล์ "
                    "ส่งต่อให้คณะทำงานได้ทางแอปสนทนา เวลาที่ระบุในแต่ละขั้นเป็นเพียงข้อเสนอแนะ</p>",
                    "<p>Download the whole toolkit as one PDF to print, or as a ZIP with every form, to pass on to the "
                    "committee through a chat app. The times given for each step are suggestions only.</p>",
                ),
            },
        ),
    ],
}

STEPS = [
    {
        "slug": "understand-the-model",
        "title": P("ทำความเข้าใจตัวแบบ", "Understand the model"),
        "purpose": P(
            "ให้ทุกคนที่เกี่ยวข้องเข้าใจตรงกันว่ากองทุนเพื่อพัฒนาอาชีพใช้อาชีพและกองทุนเป็นเครื่องมือของการเรียนรู้ ไม่ใช่แค่แหล่งเงินกู้",
            "Everyone involved shares one understanding: the fund uses occupations and money as tools for learning, "
            "not only as a source of loans.",
        ),
        "participants": P(
            "แกนนำชุมชน ตัวแทนเยาวชน ตัวแทนแรงงานนอกระบบ และภาคีที่หนุนเสริม",
            "Community leaders, youth representatives, informal-worker representatives and supporting partners.",
        ),
        "time_needed": P("ประชุม 1 ครั้ง ประมาณ 3 ชั่วโมง", "One meeting of about 3 hours"),
        "activities": [
            _p(
                "เล่าแนวคิดของตัวแบบให้ที่ประชุมฟัง แล้วชวนคุยว่าแต่ละข้อหมายถึงอะไรในชุมชนของเรา",
                "Present the model's ideas to the meeting, then discuss what each one means in your community.",
            ),
            _points(
                P("แนวคิดหลักที่ต้องคุยให้ชัด", "Key ideas to make clear"),
                [
                    (
                        ("อาชีพและกองทุนเป็นเครื่องมือของการเรียนรู้", "เป้าหมายคือคนได้เรียนรู้ มีอาชีพ มีรายได้ และมีทางเลือกในชีวิตมากขึ้น"),
                        (
                            "Occupations and funds are tools for learning",
                            "The goal is that people learn, have an occupation, earn, and have more choices in life.",
                        ),
                    ),
                    (
                        ("ชุมชนเป็นฐาน", "งานเริ่มจากความต้องการของคนในชุมชน โดยเฉพาะกลุ่มคนด้อยโอกาส และคนในพื้นที่ลงมือทำเอง"),
                        (
                            "Community-based",
                            "Work starts from what people in the community need, especially disadvantaged groups, and local people do it themselves.",
                        ),
                    ),
                    (
                        ("ผลลัพธ์คืนสู่สังคม", "ผลกำไรส่วนหนึ่งกลับไปเป็นสวัสดิการและงบการเรียนรู้ของชุมชน"),
                        (
                            "Social return",
                            "Part of the surplus returns to the community as welfare and a learning budget.",
                        ),
                    ),
                ],
            ),
        ],
        "checklist": _check(
            (
                "ผู้เข้าร่วมอธิบายแนวคิดของตัวแบบได้ด้วยคำพูดของตนเอง",
                "Participants can explain the model's ideas in their own words",
            ),
            (
                "มีตัวแทนเยาวชนและแรงงานนอกระบบอยู่ในวงคุย",
                "Youth and informal-worker representatives took part in the discussion",
            ),
            ("ตกลงกันว่าจะทำขั้นต่อไป และใครเป็นผู้ประสานงาน", "The group agreed to continue and named a coordinator"),
        ),
        "tips": [
            (
                P(
                    "หน่วยนำร่องทั้งสามแห่งเป็นกลุ่มที่มีอยู่แล้วในชุมชน ทั้งวิสาหกิจชุมชน กลุ่มทอเสื่อ และชมรมคนพิการ จึงเริ่มคุยจากงานที่กลุ่มทำอยู่ได้เลย",
                    "The three pilot units were groups that already existed in their community: a community enterprise, a "
                    "mat-weaving group and a disability club, so the conversation could start from the work they already did.",
                ),
                "about",
            )
        ],
        "resources": [],
    },
    {
        "slug": "assess-the-community",
        "title": P("สำรวจชุมชนและทุนเดิม", "Assess the community and its existing capital"),
        "purpose": P(
            "รู้ว่าใครในชุมชนต้องการโอกาสเรียนรู้และอาชีพ และชุมชนมีทุนเดิมอะไรบ้าง ทั้งกลุ่ม ทักษะ และกองทุน",
            "Know who in the community needs learning and occupational opportunities, and what capital the community "
            "already has: groups, skills and funds.",
        ),
        "participants": P(
            "คณะทำงานเริ่มต้น อาสาสมัครเยาวชน ผู้นำกลุ่มอาชีพ และผู้รู้ในชุมชน",
            "The starting team, youth volunteers, leaders of occupational groups and people with local knowledge.",
        ),
        "time_needed": P("2–4 สัปดาห์", "2–4 weeks"),
        "activities": [
            _p(
                "ทำแผนที่ทุนชุมชน: กลุ่มที่มีอยู่ ทักษะและภูมิปัญญา วัตถุดิบในพื้นที่ ตลาด และกองทุนหรือกลุ่มออมทรัพย์ที่มีอยู่แล้ว",
                "Map the community's capital: existing groups, skills and local knowledge, local raw materials, markets, "
                "and funds or savings groups that already exist.",
            ),
            _p(
                "คุยกับเยาวชนที่ด้อยโอกาสและแรงงานนอกระบบโดยตรง ถามว่าอยากเรียนรู้อะไร อุปสรรคคืออะไร และอาชีพแบบไหนที่เป็นไปได้",
                "Talk directly with disadvantaged young people and informal workers: what they want to learn, what stands "
                "in the way, and which occupations are realistic.",
            ),
        ],
        "checklist": _check(
            ("มีแผนที่ทุนชุมชนที่ทุกคนเห็นร่วมกัน", "A map of community capital that everyone has seen"),
            (
                "รายชื่อผู้ที่สนใจเป็นสมาชิก แยกกลุ่มเยาวชนและแรงงานนอกระบบ",
                "A list of people interested in joining, with youth and informal workers counted",
            ),
            (
                "รู้ว่ามีกองทุนหรือกลุ่มออมทรัพย์เดิมที่ต่อยอดได้หรือไม่",
                "Whether an existing fund or savings group can be built on is known",
            ),
        ),
        "tips": [
            (
                P(
                    "ที่บ้านโพธิ์ทอง จังหวัดบึงกาฬ ทักษะทอเสื่อกกที่ชุมชนมีอยู่แล้วคือทุนเดิมที่งานทั้งหมดต่อยอดขึ้นมา",
                    "At Ban Pho Thong in Bueng Kan, the community's existing skill of weaving sedge-reed mats is the capital "
                    "the whole work builds on.",
                ),
                BUENG_KAN,
            )
        ],
        "resources": ["ledger"],
    },
    {
        "slug": "form-the-committee",
        "title": P(
            "ตั้งคณะทำงานที่มีเยาวชนและแรงงานนอกระบบ", "Form the working committee, with youth and informal workers on it"
        ),
        "purpose": P(
            "ได้คณะทำงานที่ขับเคลื่อนกองทุน โดยเยาวชนและแรงงานนอกระบบมีที่นั่งจริงและมีส่วนตัดสินใจ",
            "A working committee that drives the fund, in which youth and informal workers hold real seats and a say "
            "in decisions.",
        ),
        "participants": P("ที่ประชุมสมาชิกผู้สนใจทั้งหมด", "A meeting of everyone interested in joining"),
        "time_needed": P("ประชุม 1–2 ครั้ง", "1–2 meetings"),
        "activities": [
            _p(
                "ตกลงบทบาทก่อนเลือกคน: ประธาน เหรัญญิก เลขานุการ ผู้ตรวจสอบ และผู้แทนกลุ่ม แล้วให้ที่ประชุมเลือกกันเอง",
                "Agree the roles before choosing people: chair, treasurer, secretary, auditor and group representatives, "
                "then let the meeting elect them.",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": P("แยกหน้าที่ถือเงินกับลงบัญชี", "Keep cash and books apart"),
                    "text": P(
                        "<p>ผู้ถือเงินสดกับผู้ลงบัญชีไม่ควรเป็นคนเดียวกัน เป็นหลักปฏิบัติพื้นฐานของกองทุนออมทรัพย์ชุมชน</p>",
                        "<p>The person who holds the cash should not also keep the books: a basic practice of community "
                        "savings funds.</p>",
                    ),
                },
            ),
        ],
        "checklist": _check(
            (
                "คณะทำงานมีผู้แทนเยาวชนอย่างน้อย 1 คน และผู้แทนแรงงานนอกระบบอย่างน้อย 1 คน",
                "At least one youth and one informal-worker representative sit on the committee",
            ),
            (
                "ทุกบทบาทมีผู้รับผิดชอบ และผู้ถือเงินกับผู้ลงบัญชีเป็นคนละคน",
                "Every role is filled, and cash and books are held by different people",
            ),
            ("กำหนดวันประชุมประจำเดือนแล้ว", "A monthly meeting date is set"),
        ),
        "tips": [
            (
                P(
                    "ชมรมเพื่อเพื่อนผู้พิการตำบลแจ้ซ้อน จังหวัดลำปาง เป็นชมรมของคนพิการเอง ตัวแบบนี้ให้ผู้ด้อยโอกาสเป็นเจ้าของและร่วมบริหาร ไม่ใช่เป็นเพียงผู้รับ",
                    "The Friends-for-Friends with Disabilities Club in Chae Son, Lampang, is a club of people with "
                    "disabilities themselves: in this model disadvantaged people own and help run the fund, not only receive from it.",
                ),
                LAMPANG,
            )
        ],
        "resources": ["minutes"],
    },
    {
        "slug": "set-fund-rules",
        "title": P("ตั้งกติกาและธรรมาภิบาลของกองทุน", "Set the fund's rules and governance"),
        "purpose": P(
            "มีระเบียบกองทุนที่สมาชิกร่วมเขียนและเห็นชอบ ครอบคลุมการออม การกู้ การชำระคืน การจัดสรรผลกำไร และการตรวจสอบ",
            "A constitution the members wrote and approved together, covering savings, loans, repayments, use of the "
            "surplus and audit.",
        ),
        "participants": P(
            "คณะทำงาน และที่ประชุมสมาชิกเพื่อลงมติ", "The working committee, and the members' meeting to approve"
        ),
        "time_needed": P(
            "ประชุมคณะทำงาน 2–3 ครั้ง และประชุมสมาชิก 1 ครั้ง", "2–3 committee meetings and one members' meeting"
        ),
        "activities": [
            _p(
                "ใช้แบบร่างระเบียบกองทุนเป็นจุดเริ่ม ปรับแต่ละข้อให้เข้ากับชุมชน เช่น เงินออมขั้นต่ำ วงเงินกู้ ค่าธรรมเนียม และสัดส่วนผลกำไรที่เป็นงบการเรียนรู้",
                "Start from the constitution template and adapt each clause to the community: minimum savings, loan "
                "limits, fees, and the share of the surplus that becomes a learning budget.",
            ),
            _p(
                "เปิดให้สมาชิกอ่านก่อนวันลงมติ และบันทึกมติไว้ในรายงานการประชุม",
                "Give members time to read it before the vote, and record the decision in the minutes.",
            ),
        ],
        "checklist": _check(
            ("ระเบียบกองทุนผ่านมติที่ประชุมสมาชิก", "The constitution was approved by the members' meeting"),
            (
                "กำหนดสัดส่วนผลกำไรสำหรับกองทุนสวัสดิการและงบการเรียนรู้",
                "Shares of the surplus for the social fund and learning are set",
            ),
            ("มีขั้นตอนรับมือเมื่อผู้กู้ผ่อนชำระไม่ได้", "There is a procedure for borrowers who cannot repay"),
        ),
        "tips": [
            (
                P(
                    "ตัวแบบเน้นกลไกการบริหารที่สอดคล้องกับชุมชน ภาคีช่วยหนุนเสริม แต่กติกาเป็นของสมาชิกเอง",
                    "The model stresses management that fits the community: partners support, but the rules belong to "
                    "the members.",
                ),
                "about",
            )
        ],
        "resources": ["constitution", "minutes"],
    },
    {
        "slug": "plan-occupation-and-learning",
        "title": P("วางแผนอาชีพและการเรียนรู้", "Plan the occupation and the learning around it"),
        "purpose": P(
            "สมาชิกแต่ละคนหรือแต่ละกลุ่มมีแผนอาชีพที่ทำได้จริง และรู้ว่าจะเรียนรู้อะไร จากใคร ระหว่างทาง",
            "Each member or group has a realistic occupation plan and knows what they will learn, from whom, along the way.",
        ),
        "participants": P(
            "สมาชิก พี่เลี้ยงจากกลุ่มอาชีพ และภาคีด้านการศึกษา", "Members, mentors from occupational groups and education partners"
        ),
        "time_needed": P("1–2 เดือน", "1–2 months"),
        "activities": [
            _p(
                "ให้สมาชิกเขียนแผนอาชีพสั้น ๆ: ทำอะไร ขายใคร ต้องใช้เงินเท่าไร และต้องเรียนทักษะอะไรเพิ่ม",
                "Members write a short occupation plan: what they will make or do, who buys it, how much money it needs, "
                "and which skills they still need.",
            ),
            _p(
                "จับคู่ผู้เรียนกับผู้รู้ในชุมชน และเชื่อมเยาวชนกับโอกาสเรียนต่อหรือเรียนรู้นอกระบบ",
                "Pair learners with skilled people in the community, and connect young people with chances to continue "
                "their education or learn outside school.",
            ),
        ],
        "checklist": _check(
            ("สมาชิกที่จะกู้ทุกคนมีแผนอาชีพ", "Every member who will borrow has an occupation plan"),
            ("แผนการเรียนรู้ระบุทักษะ ผู้สอน และช่วงเวลา", "The learning plan names skills, teachers and timing"),
        ),
        "tips": [
            (
                P(
                    "วิสาหกิจชุมชนพอใจในวิถีพอเพียง จังหวัดกาญจนบุรี เป็นตัวอย่างของการเรียนรู้ผ่านการทำอาชีพจริงในวิสาหกิจชุมชน",
                    "The Pho Jai Nai Withi Pho Phiang Community Enterprise in Kanchanaburi is an example of learning "
                    "through real work in a community enterprise.",
                ),
                KANCHANABURI,
            )
        ],
        "resources": [],
    },
    {
        "slug": "manage-money",
        "title": P(
            "บริหารเงิน: บัญชี เงินกู้ การชำระคืน และกองทุนสวัสดิการ",
            "Manage the money: ledger, loans, repayments and the social fund",
        ),
        "purpose": P(
            "เงินทุกบาทมีที่มาที่ไป ตรวจสอบได้ และหมุนเวียนกลับมาให้สมาชิกคนต่อไปได้กู้",
            "Every baht is accounted for, can be checked, and revolves back for the next member to borrow.",
        ),
        "participants": P("เหรัญญิก ผู้ลงบัญชี ผู้ตรวจสอบ และผู้กู้", "The treasurer, the bookkeeper, the auditor and borrowers"),
        "time_needed": P("ต่อเนื่อง ทุกเดือน", "Ongoing, every month"),
        "activities": [
            _points(
                P("งานประจำเดือน", "Every month"),
                [
                    (
                        ("รับเงินออมและค่างวด", "ออกใบรับเงินทุกครั้ง และลงสมุดบัญชีในวันเดียวกัน"),
                        (
                            "Take in savings and instalments",
                            "Give a receipt every time and enter it in the ledger the same day.",
                        ),
                    ),
                    (
                        ("พิจารณาคำขอกู้", "ดูแผนอาชีพและความสามารถในการผ่อน คณะทำงานลงมติ และบันทึกในทะเบียนเงินกู้"),
                        (
                            "Consider loan requests",
                            "Look at the occupation plan and the ability to repay; the committee decides and records it in the loan register.",
                        ),
                    ),
                    (
                        ("ติดตามผู้กู้", "ผู้กู้ที่ผิดนัดได้รับการพูดคุยเพื่อหาทางออกก่อน ไม่ใช่ลงโทษทันที"),
                        (
                            "Follow up borrowers",
                            "A borrower who misses a payment is first visited to find a way forward, not punished.",
                        ),
                    ),
                    (
                        ("กระทบยอด", "ยอดเงินสดและเงินฝากธนาคารต้องตรงกับสมุดบัญชี ผู้ตรวจสอบลงชื่อรับรอง"),
                        ("Reconcile", "Cash and bank balance must match the books; the auditor signs them off."),
                    ),
                ],
            ),
        ],
        "checklist": _check(
            ("สมุดบัญชีเป็นปัจจุบันและกระทบยอดแล้ว", "The ledger is up to date and reconciled"),
            ("เงินกู้ทุกสัญญาอยู่ในทะเบียนเงินกู้พร้อมกำหนดชำระ", "Every loan is in the loan register with its schedule"),
            ("รายงานการเงินในที่ประชุมคณะทำงานทุกเดือน", "Money is reported at every monthly committee meeting"),
        ),
        "tips": [
            (
                P(
                    "ตัวแบบมองกองทุนเป็นนวัตกรรมทางการเงินที่ลดความเหลื่อมล้ำทางการศึกษา เงินที่หมุนเวียนจึงต้องกลับไปหนุนการเรียนรู้ด้วย",
                    "The model sees the fund as innovative finance that reduces educational inequality, so money that "
                    "revolves must also flow back into learning.",
                ),
                "about",
            )
        ],
        "resources": ["ledger", "minutes"],
    },
    {
        "slug": "monitor-results",
        "title": P("ติดตามผลลัพธ์และผลตอบแทนทางสังคม", "Monitor results and social return"),
        "purpose": P(
            "รู้ว่ากองทุนทำให้คนได้เรียนรู้ มีอาชีพ และมีรายได้จริงหรือไม่ และชุมชนได้อะไรกลับคืน",
            "Know whether the fund really helps people learn, work and earn, and what the community gets back.",
        ),
        "participants": P("คณะทำงาน สมาชิก และภาคีที่หนุนเสริม", "The committee, members and supporting partners"),
        "time_needed": P("ทุกไตรมาส ครั้งละครึ่งวัน", "Every quarter, half a day"),
        "activities": [
            _p(
                "กรอกแบบติดตามผลลัพธ์ทุกไตรมาส ตัวเลขต้องมาจากบัญชีและการนับจริง และเก็บเรื่องเล่าการเปลี่ยนแปลงของสมาชิกควบคู่กัน",
                "Fill in the monitoring form every quarter. Numbers come from the books and real counts; collect members' "
                "stories of change alongside them.",
            ),
            _p(
                "นำผลมาคุยในที่ประชุมสมาชิก อะไรได้ผล อะไรต้องปรับ",
                "Discuss the results at the members' meeting: what works and what must change.",
            ),
        ],
        "checklist": _check(
            (
                "มีค่าเริ่มต้นของตัวชี้วัดหลักก่อนปล่อยกู้รอบแรก",
                "Baselines for the main indicators were taken before the first loans",
            ),
            ("กรอกแบบติดตามครบทุกไตรมาส พร้อมแหล่งข้อมูล", "The monitoring form is filled in every quarter, with sources"),
            ("แจ้งผลให้สมาชิกทราบ", "Results were shared with members"),
        ),
        "tips": [
            (
                P(
                    "บทความต้นทางไม่ได้ให้ตัวเลขของหน่วยนำร่อง ตัวเลขบนเว็บไซต์นี้จึงเป็นตัวเลขตัวอย่างจนกว่าจะมีข้อมูลจริง บันทึกแหล่งที่มาของตัวเลขทุกครั้ง",
                    "The source article gives no figures for the pilot units, so figures on this site are illustrative "
                    "until real data exist. Always record where a number comes from.",
                ),
                "about",
            )
        ],
        "resources": ["monitoring"],
    },
    {
        "slug": "share-and-scale",
        "title": P("แบ่งปันและขยายผล", "Share and scale"),
        "purpose": P(
            "สิ่งที่ได้เรียนรู้ส่งต่อไปยังชุมชนอื่น และเครือข่ายความร่วมมือช่วยให้กองทุนเติบโตอย่างยั่งยืน",
            "What was learned reaches other communities, and a network of partners helps the fund grow and last.",
        ),
        "participants": P(
            "คณะทำงาน สมาชิกที่เป็นผู้เล่าเรื่อง ภาคี และชุมชนที่สนใจ",
            "The committee, members who tell the story, partners and interested communities",
        ),
        "time_needed": P("ปีละ 1–2 ครั้ง", "Once or twice a year"),
        "activities": [
            _p(
                "เปิดบ้านให้ชุมชนอื่นมาเรียนรู้ ให้เยาวชนและแรงงานนอกระบบเป็นผู้เล่าเรื่องเอง",
                "Open your doors to other communities, with young people and informal workers telling the story themselves.",
            ),
            _p(
                "ทำงานแบบบริหารเครือข่ายความร่วมมือ: ภาคีหนุนเสริม คนในพื้นที่ลงมือทำ",
                "Work as a managed network of collaborators: partners support, local people act.",
            ),
        ],
        "checklist": _check(
            ("สรุปบทเรียนของปีเป็นเอกสารสั้น ๆ", "The year's lessons are written up briefly"),
            ("มีชุมชนหรือภาคีที่สนใจนำไปใช้ต่ออย่างน้อย 1 แห่ง", "At least one community or partner wants to take it further"),
        ),
        "tips": [
            (
                P(
                    "ภาคีทั้งสาม กสศ. มูลนิธิเอสซีจี และมูลนิธิสถาบันวิจัยเพื่อท้องถิ่น หารือร่วมกันเพื่อขยายพื้นที่การทำงานของโครงการ",
                    "The three partners, EEF, SCG Foundation and the Local Research Institute Foundation, met to widen the "
                    "project's area of work.",
                ),
                "about",
            )
        ],
        "resources": [],
    },
]


def _document(key, language):
    spec = RESOURCES[key]
    Document = get_document_model()
    title = f"{pick(spec['title'], language)} ({language})"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(spec["filename"].format(lang=language), ContentFile(spec["build"](language)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _override(source_object, locale, values):
    """Give a translation its own value for overridable fields (its own file, its own language)."""
    source, _ = TranslationSource.get_or_create_from_instance(source_object)
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if segment.context.path in values:
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(values[segment.context.path])}
            )
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)


def _ensure_resources():
    thai, english = Locale.objects.get(language_code="th"), Locale.objects.get(language_code="en")
    resources = {}
    for key, spec in RESOURCES.items():
        thai_values = {"title": spec["title"].th, "description": spec["description"].th, "kind": spec["kind"]}
        resource = ToolkitResource.objects.filter(locale=thai, title=thai_values["title"]).first()
        if resource is None:
            resource = ToolkitResource.objects.create(
                locale=thai, language="th", document=_document(key, "th"), **thai_values
            )
        english_twin = ToolkitResource(title=spec["title"].en, description=spec["description"].en, kind=spec["kind"])
        translated = translate(resource, english_twin)
        english_document = _document(key, "en")
        if translated.document_id != english_document.pk or translated.language != "en":
            _override(resource, english, {"document": english_document.pk, "language": "en"})
        resources[key] = resource
    return resources


def _linked_page(slug, thai):
    return Page.objects.filter(locale=thai, slug=slug).first() or Page.objects.filter(locale=thai, slug="about").first()


def _ensure_step(toolkit, order, data, resources, thai):
    content = {
        key: data[key] for key in ("slug", "title", "purpose", "participants", "time_needed", "activities", "checklist")
    }
    step = ToolkitStepPage.objects.child_of(toolkit).filter(slug=data["slug"]).first()
    if step is None:
        values = pick(content, "th")
        step = ToolkitStepPage(locale=thai, **values)
        step.tips = [StepTip(text=text.th, linked_page=_linked_page(slug, thai)) for text, slug in data["tips"]]
        step.resource_links = [StepResource(resource=resources[key]) for key in data["resources"]]
        toolkit.add_child(instance=step)
        step.save_revision().publish()
    twin = ToolkitStepPage(**pick(content, "en"))
    twin.tips = [StepTip(text=text.en) for text, _slug in data["tips"]]
    translate(step, twin)
    return step


def load(stdout=None):
    with bundles.deferred():
        resources = _ensure_resources()
        home = HomePage.objects.get(locale__language_code="th")
        toolkit = ensure_page(home, ToolkitPage, TOOLKIT)
        for order, data in enumerate(STEPS):
            _ensure_step(toolkit, order, data, resources, toolkit.locale)
    if stdout:
        stdout.write(f"toolkit: overview, {len(STEPS)} steps, {len(RESOURCES)} resources in each language, bundles")
