"""Demo content for news: the news index and the source article (docs/source/) as the first news item.

The text lives in news/demo/news.yaml: the Thai is the EEF article as published, split into its
paragraphs; the English is our translation of it. This module only creates the tags and pages.
"""

from pathlib import Path

from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.demo import PARTNERS, ensure_page
from home.demo_data import pilot_slugs, read, stream
from home.demo_images import demo_image
from home.demo_translation import ensure_terms
from home.models import HomePage, Partner

from .models import NewsIndexPage, NewsPage, NewsTag

DATA = read(
    Path(__file__).parent / "demo" / "news.yaml",
    required={
        "tags": ("slug", "name"),
        "index": ("title", "slug"),
        "article": ("title", "slug", "summary", "hero_alt", "body", "date", "hero_image"),
    },
)
TAGS = DATA["tags"]
INDEX = DATA["index"]
ARTICLE = {
    **{key: value for key, value in DATA["article"].items() if key not in ("date", "hero_image")},
    "body": stream(DATA["article"]["body"]),
}


def load(stdout=None):
    thai = Locale.objects.get(language_code="th")
    tags = ensure_terms(NewsTag, TAGS)
    home = HomePage.objects.get(locale=thai)
    index = ensure_page(home, NewsIndexPage, INDEX)
    case_study_index = CaseStudyIndexPage.objects.filter(locale=thai).first()
    units = (
        list(CaseStudyPage.objects.child_of(case_study_index).filter(slug__in=pilot_slugs().values()).order_by("path"))
        if case_study_index
        else []
    )
    partners = list(Partner.objects.filter(locale=thai, name__in=[p["name"].th for p in PARTNERS]))
    ensure_page(
        index,
        NewsPage,
        ARTICLE,
        date=DATA["article"]["date"],
        hero_image=demo_image(DATA["article"]["hero_image"]["title"], DATA["article"]["hero_image"]["palette"]),
        related_case_studies=units,
        partners=partners,
        tags=list(tags.values()),
    )
    if stdout:
        stdout.write(f"news: news index, 1 news item linked to {len(units)} pilot units and {len(partners)} partners")
