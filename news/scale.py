"""Programme-scale content for news: ``news`` illustrative news pages in Thai and English.

Run by ``manage.py generate_scale_content`` after the case studies' scale content. Each page is made like the
demo's article (``home.demo``'s ``ensure_page``) with the slug ``scale-news-NNN``, so a second run adds nothing.
Each names one illustrative unit (``casestudies.scale``) and says in its summary that it is made up.
"""

import datetime

from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.demo import ensure_page
from home.demo_data import Pair
from home.models import HomePage
from home.scale_content import NEWS_PREFIX, UNIT_PREFIX, news_slug

from . import demo
from .models import NewsIndexPage, NewsPage, NewsTag

FIRST_DATE = datetime.date(2022, 1, 3)
DAYS_APART = 2  # 500 items cover about 2¾ years


def news_content(number):
    return {
        "slug": news_slug(number),
        "title": Pair(f"ข่าวตัวอย่างที่ {number:03d}", f"Illustrative news item {number:03d}"),
        "summary": Pair(
            f"ข่าวสมมุติลำดับที่ {number} สร้างขึ้นเพื่อทดสอบเว็บไซต์ ไม่ใช่ข่าวจริง",
            f"Made-up news item number {number}, generated to try the site; not real news.",
        ),
        "body": [
            (
                "paragraph",
                Pair(
                    "<p>ข่าวนี้เป็นข้อมูลสมมุติ ใช้ทดสอบรายการข่าว การค้นหา และแผนผังเว็บไซต์เมื่อมีข่าวจำนวนมาก</p>",
                    "<p>This item is made up. It tries the news list, search and the sitemap with many items.</p>",
                ),
            )
        ],
    }


def generate(news=500, stdout=None, **sizes):
    """Make sure illustrative news items 1..``news`` exist in both languages; returns the Thai pages."""
    thai = Locale.objects.get(language_code="th")
    index = NewsIndexPage.objects.filter(locale=thai).first()
    if index is None:
        index = ensure_page(HomePage.objects.get(locale=thai), NewsIndexPage, demo.INDEX)
    tags = list(NewsTag.objects.filter(locale=thai).order_by("pk"))
    unit_index = CaseStudyIndexPage.objects.filter(locale=thai).first()
    units = (
        list(CaseStudyPage.objects.child_of(unit_index).filter(slug__startswith=UNIT_PREFIX).order_by("slug"))
        if unit_index
        else []
    )
    existing = set(NewsPage.objects.child_of(index).filter(slug__startswith=NEWS_PREFIX).values_list("slug", flat=True))
    made = []
    for number in range(1, news + 1):
        made.append(
            ensure_page(
                index,
                NewsPage,
                news_content(number),
                date=FIRST_DATE + datetime.timedelta(days=DAYS_APART * (number - 1)),
                related_case_studies=[units[(number - 1) % len(units)]] if units else [],
                tags=[tags[number % len(tags)]] if tags else [],
            )
        )
    if stdout:
        new = sum(1 for page in made if page.slug not in existing)
        stdout.write(f"news: {news} illustrative news items ({new} new)")
    return made
