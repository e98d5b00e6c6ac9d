"""Demo content for case studies: the three pilot units, their provinces, target groups and occupations.

The text lives in casestudies/demo/case_studies.yaml (Thai and English side by side), the units' slugs in
home/demo/pilots.yaml; this module only creates the terms and pages.
"""

from decimal import Decimal
from pathlib import Path

from wagtail.models import Locale

from home.demo import PARTNERS, ensure_page
from home.demo_data import pilot_slugs, read, stream
from home.demo_images import demo_image
from home.demo_translation import ensure_terms
from home.models import HomePage, Partner
from home.roles import unit_coordinator_group

from .models import CaseStudyIndexPage, CaseStudyPage, Occupation, OrganisationKind, Province, Region, TargetGroup

FILING_KEYS = ("pilot", "kind", "groups", "occupations", "palette")  # a unit's other keys are its page's fields
UNIT_KEYS = (*FILING_KEYS, "title", "unit_name", "summary", "body")
DATA = read(
    Path(__file__).parent / "demo" / "case_studies.yaml",
    required={
        "provinces": ("slug", "name", "region", "latitude", "longitude"),
        "target_groups": ("slug", "name", "description"),
        "occupations": ("slug", "name"),
        "index": ("title", "slug"),
        "fund_text": ("fund_capital", "fund_management", "fund_rules"),
        "image_alt": (),
        "demo_note": ("kind", "title", "text"),
        "units": UNIT_KEYS,
    },
)

PROVINCES = [
    {
        **row,
        "region": Region(row["region"]),
        "latitude": Decimal(row["latitude"]),
        "longitude": Decimal(row["longitude"]),
    }
    for row in DATA["provinces"]
]
TARGET_GROUPS = DATA["target_groups"]
OCCUPATIONS = DATA["occupations"]
INDEX = DATA["index"]


def _unit(row, slugs):
    """A unit's page content and the terms it is filed under; every unit gets the shared text and the demo note."""
    page_fields = {key: value for key, value in row.items() if key not in FILING_KEYS}
    content = {
        **page_fields,
        "slug": slugs[row["pilot"]],
        "hero_alt": DATA["image_alt"],
        **DATA["fund_text"],
        "body": [*stream(row["body"]), ("callout", DATA["demo_note"])],
    }
    return {
        "content": content,
        "province": row["pilot"],
        "groups": row["groups"],
        "occupations": row["occupations"],
        "kind": OrganisationKind(row["kind"]),
        "palette": row["palette"],
    }


UNITS = [_unit(row, pilot_slugs()) for row in DATA["units"]]


def load(stdout=None):
    provinces = ensure_terms(Province, PROVINCES)
    groups = ensure_terms(TargetGroup, TARGET_GROUPS)
    occupations = ensure_terms(Occupation, OCCUPATIONS)
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
            is_pilot=True,  # every demo unit is one of the article's three pilots
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
