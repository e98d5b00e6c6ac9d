"""Demo content for the readiness self-check: five themes and their questions, in Thai and English.

Loaded after the toolkit's demo (``DEMO_APPS`` in load_demo_content), so the toolkit pages exist: each theme then
links to the toolkit steps whose slug matches its keywords. The questions are demo wording that editors replace;
no figure here is a measured result.
"""

from django.apps import apps

from wagtail.models import Locale

from home.demo_translation import Pair, pick, translate

from .models import ReadinessQuestion, ReadinessTheme

P = Pair


def _answers(*pairs):
    return [("answer", {"text": text, "points": points}) for text, points in pairs]


THEMES = [
    {
        "keywords": ("assess", "understand"),
        "theme": {
            "name": P("กลุ่มและทุนเดิมของชุมชน", "Existing groups and capital"),
            "description": P(
                "ตัวแบบเริ่มจากสิ่งที่ชุมชนมีอยู่แล้ว ทั้งกลุ่ม ทักษะ และกองทุน",
                "The model starts from what the community already has: its groups, skills and funds.",
            ),
            "advice": P(
                "เริ่มจากสำรวจว่าชุมชนมีกลุ่ม ทักษะ และทุนอะไรอยู่แล้ว แล้วชวนคนที่เกี่ยวข้องมาคุยกัน",
                "Start by mapping the groups, skills and funds the community already has, and invite the people involved to talk.",
            ),
        },
        "questions": [
            {
                "text": P(
                    "ชุมชนมีกลุ่มที่ทำงานร่วมกันอยู่แล้วหรือไม่ เช่น วิสาหกิจชุมชน กลุ่มอาชีพ กลุ่มออมทรัพย์",
                    "Does the community already have groups that work together, such as a community enterprise, an occupation group or a savings group?",
                ),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่มี", "No, not yet"), 0),
                    (P("มี แต่ไม่ค่อยได้ทำกิจกรรม", "Yes, but they are rarely active"), 4),
                    (P("มี และทำกิจกรรมร่วมกันสม่ำเสมอ", "Yes, and they meet and act together regularly"), 10),
                ],
            },
            {
                "text": P(
                    "ชุมชนมีทุนเดิมที่นำมาต่อยอดได้หรือไม่ ทั้งเงิน ทักษะ และวัตถุดิบในพื้นที่",
                    "Does the community have existing capital to build on: money, skills, local materials?",
                ),
                "help_text": P(
                    "ทุนไม่ได้หมายถึงเงินอย่างเดียว ฝีมือและวัตถุดิบในท้องถิ่นก็เป็นทุน",
                    "Capital is not only money: local skills and materials count too.",
                ),
                "answers": [
                    (P("ยังไม่มี", "Not yet"), 0),
                    (P("มีบ้าง", "Some"), 5),
                    (P("มีชัดเจน และรู้ว่าจะใช้อย่างไร", "Yes, clearly, and we know how to use it"), 10),
                ],
            },
        ],
    },
    {
        "keywords": ("committee", "team"),
        "theme": {
            "name": P(
                "คนและคณะทำงาน กับเยาวชนและแรงงานนอกระบบ", "People and committee, with youth and informal workers"
            ),
            "description": P(
                "เยาวชนด้อยโอกาสและแรงงานนอกระบบร่วมเป็นเจ้าของและมีที่นั่งในคณะทำงานที่ขับเคลื่อนกองทุน",
                "Disadvantaged youth and informal workers share ownership and have a seat on the working committee that drives the fund.",
            ),
            "advice": P(
                "ชวนเยาวชนและแรงงานนอกระบบมาร่วมตั้งคณะทำงานตั้งแต่ต้น และตกลงบทบาทของแต่ละคน",
                "Invite youth and informal workers to form the working committee from the start, and agree on each person's role.",
            ),
        },
        "questions": [
            {
                "text": P(
                    "มีคนพร้อมเป็นคณะทำงานขับเคลื่อนกองทุนหรือไม่",
                    "Are there people ready to form a working committee to drive the fund?",
                ),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่มี", "Not yet"), 0),
                    (P("มีผู้สนใจ แต่ยังไม่ได้ตั้งคณะทำงาน", "Some people are interested, but no committee yet"), 5),
                    (P("มีคณะทำงานแล้ว", "Yes, a committee exists"), 10),
                ],
            },
            {
                "text": P(
                    "เยาวชนด้อยโอกาสและแรงงานนอกระบบมีที่นั่งในคณะทำงานหรือไม่",
                    "Do disadvantaged youth and informal workers have seats on the committee?",
                ),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่ได้คิดเรื่องนี้", "We have not thought about it yet"), 0),
                    (P("อยากให้มี แต่ยังไม่ได้ชวน", "We want them to, but have not invited them yet"), 4),
                    (P("มีแล้ว และมีส่วนตัดสินใจจริง", "Yes, and they take part in decisions"), 10),
                ],
            },
        ],
    },
    {
        "keywords": ("occupation", "plan"),
        "theme": {
            "name": P("อาชีพและตลาด", "Occupation and market"),
            "description": P(
                "อาชีพเป็นเครื่องมือของการเรียนรู้ที่ต้องมาจากความต้องการของคนในชุมชน",
                "The occupation is a tool for learning and must grow from what people in the community need.",
            ),
            "advice": P(
                "คุยกันว่าคนในชุมชนทำอาชีพอะไรได้ดีอยู่แล้ว และใครจะซื้อผลผลิต ก่อนตัดสินใจลงทุน",
                "Talk about which occupations people already do well and who will buy what they make before deciding what to invest in.",
            ),
        },
        "questions": [
            {
                "text": P("กลุ่มรู้หรือยังว่าจะพัฒนาอาชีพอะไร", "Does the group know which occupation it wants to develop?"),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่รู้", "Not yet"), 0),
                    (P("มีหลายทางเลือก ยังไม่ได้ตัดสินใจ", "We have several options but have not decided"), 5),
                    (P("รู้แล้ว และมีคนทำอาชีพนี้อยู่", "Yes, and some of us already work in it"), 10),
                ],
            },
            {
                "text": P("มีผู้ซื้อหรือช่องทางขายผลผลิตหรือไม่", "Is there someone to buy what the occupation produces?"),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่รู้", "We do not know yet"), 0),
                    (P("พอมีลูกค้าในชุมชน", "Some customers in the community"), 5),
                    (P("มีตลาดหรือผู้ซื้อประจำ", "A market or regular buyers"), 10),
                ],
            },
        ],
    },
    {
        "keywords": ("learning", "partner"),
        "theme": {
            "name": P("ภาคีการเรียนรู้", "Learning partners"),
            "description": P(
                "ภาคีหนุนเสริม คนในพื้นที่ลงมือทำ: ใครจะช่วยให้ความรู้และเป็นพี่เลี้ยง",
                "Partners support, local people act: who will teach and mentor?",
            ),
            "advice": P(
                "ทำรายชื่อหน่วยงานและผู้รู้ในพื้นที่ที่ช่วยได้ แล้วชวนมาร่วมวางแผนการเรียนรู้",
                "List the organisations and local experts who could help, and invite them to plan the learning with you.",
            ),
        },
        "questions": [
            {
                "text": P(
                    "มีหน่วยงานหรือคนที่ช่วยให้ความรู้และเป็นพี่เลี้ยงหรือไม่ เช่น โรงเรียน องค์กรปกครองส่วนท้องถิ่น มูลนิธิ ผู้รู้ในชุมชน",
                    "Are there organisations or people who can teach and mentor, such as a school, the local government, a foundation or local experts?",
                ),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่มี", "Not yet"), 0),
                    (P("รู้จัก แต่ยังไม่ได้ชวน", "We know some, but have not asked them"), 5),
                    (P("มีภาคีที่ช่วยอยู่แล้ว", "Yes, partners already help us"), 10),
                ],
            },
        ],
    },
    {
        "keywords": ("money", "rules", "fund"),
        "theme": {
            "name": P("การจัดการเงิน", "Money management"),
            "description": P(
                "กองทุนหมุนเวียนต้องมีบัญชีที่ตรวจสอบได้ และกติกาการยืมคืนที่สมาชิกตกลงร่วมกัน",
                "A revolving fund needs accounts anyone can check and lending rules the members agreed together.",
            ),
            "advice": P(
                "เริ่มจดบัญชีรับจ่ายทุกครั้ง และเขียนกติกาการยืมและชำระคืนร่วมกัน แล้วลองวางแผนด้วยเครื่องมือวางแผนกองทุน",
                "Start recording every payment in and out, write the lending and repayment rules together, then try the fund planner.",
            ),
        },
        "questions": [
            {
                "text": P("กลุ่มจดบัญชีรับจ่ายหรือไม่", "Does the group keep accounts of money in and out?"),
                "help_text": P("", ""),
                "answers": [
                    (P("ไม่ได้จด", "No"), 0),
                    (P("จดบ้าง แต่ไม่สม่ำเสมอ", "Sometimes, not regularly"), 4),
                    (P("จดทุกครั้ง และตรวจสอบได้", "Every time, and anyone can check them"), 10),
                ],
            },
            {
                "text": P(
                    "มีกติกาการยืมและการชำระคืนที่สมาชิกตกลงร่วมกันหรือไม่",
                    "Are there lending and repayment rules that the members agreed together?",
                ),
                "help_text": P("", ""),
                "answers": [
                    (P("ยังไม่มี", "Not yet"), 0),
                    (P("มี แต่ยังไม่ได้เขียนไว้", "Yes, but they are not written down"), 5),
                    (P("เขียนไว้ชัดเจน และสมาชิกทุกคนรู้", "Written down, and every member knows them"), 10),
                ],
            },
        ],
    },
]


def _step_pages(thai):
    """Live Thai toolkit step pages (when the toolkit app has them), for linking themes to steps."""
    try:
        model = apps.get_model("toolkit", "ToolkitStepPage")
    except LookupError:
        return []
    return list(model.objects.live().filter(locale=thai).order_by("path"))


def _steps_for(keywords, pages):
    return [("page", p) for p in pages if any(k in p.slug for k in keywords)][:2]


def _question_values(question, language):
    values = pick({"text": question["text"], "help_text": question["help_text"]}, language)
    values["answers"] = _answers(*[(pick(text, language), points) for text, points in question["answers"]])
    return values


def load(stdout=None):
    """Create (once) and translate the self-check themes and questions; idempotent."""
    thai = Locale.objects.get(language_code="th")
    pages = _step_pages(thai)
    question_order = 0
    for order, data in enumerate(THEMES):
        values = pick(data["theme"], "th")
        theme = ReadinessTheme.objects.filter(locale=thai, name=values["name"]).first()
        if theme is None:
            theme = ReadinessTheme.objects.create(
                locale=thai, sort_order=order, start_steps=_steps_for(data["keywords"], pages), **values
            )
        english_theme = translate(
            theme, ReadinessTheme(sort_order=order, start_steps=theme.start_steps.raw_data, **pick(data["theme"], "en"))
        )
        for question in data["questions"]:
            question_order += 1
            values = _question_values(question, "th")
            found = ReadinessQuestion.objects.filter(locale=thai, theme=theme, text=values["text"]).first()
            if found is None:
                found = ReadinessQuestion.objects.create(locale=thai, theme=theme, sort_order=question_order, **values)
            translate(
                found,
                ReadinessQuestion(theme=english_theme, sort_order=question_order, **_question_values(question, "en")),
            )
    if stdout:
        count = sum(len(d["questions"]) for d in THEMES)
        stdout.write(f"selfcheck: readiness self-check, {len(THEMES)} themes, {count} questions")
