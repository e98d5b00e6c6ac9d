"""Demo content for the network: a few illustrative registrations (made-up groups, labelled as such), most of
them approved so the network page and map have something to show, one waiting in the staff queue.

The groups live in the data file demo/registrations.yaml next to this module. Loaded after the case studies
(``demo_after``), whose target groups the registrations name. Loading again replaces them. Each group's name and
what it has are in Thai and English in the data file; the one in the language of its form is saved.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from wagtail.models import Locale

from casestudies.models import TargetGroup
from home.demo_data import pick, read

from .forms import CONSENT_VERSION
from .models import Registration

DATA = read(
    Path(__file__).parent / "demo" / "registrations.yaml",
    required={"registrations": ("name", "language", "kind", "province", "district", "fund_start", "status")},
)


def _noon(day):
    """An aware datetime at noon on ``day`` (a date from the data file), or ``None``."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def load(stdout):
    Registration.objects.filter(is_illustrative=True).delete()
    source = Locale.get_default()
    for raw in DATA["registrations"]:
        row = pick(raw, raw["language"])  # the group wrote in the language of its form
        registration = Registration.objects.create(
            name=row["name"],
            kind=row["kind"],
            province_code=str(row["province"]),
            district_code=str(row["district"]),
            fund_start=row["fund_start"],
            existing_capital=row.get("existing_capital") or "",
            contact_name="",
            contact_email=row.get("contact_email", ""),
            consent_given_at=timezone.now(),
            consent_version=CONSENT_VERSION,
            language=row["language"],
            status=row["status"],
            approved_at=_noon(row.get("approved_at")),
            is_illustrative=True,
        )
        registration.target_groups.set(TargetGroup.objects.filter(slug__in=row["target_groups"], locale=source))
    stdout.write(f"network: {len(DATA['registrations'])} illustrative registrations")
