"""The network page's map and counts: approved groups counted by region, drawn as numbered circles on the same
map of Thailand as the pilot units (``home.thai_map``), with the pilot units marked beside them.

Groups are counted by region, not pinned to a place: a group's district is public, but a mark per group would
need coordinates the province list does not have, and a count per region is what readers compare."""

from dataclasses import dataclass

from django.utils.translation import get_language

from casestudies.models import CaseStudyPage, OrganisationKind, Region
from home import compiled_sql, thai_map
from home.dates import format_month
from home.visibility import hidden_page_ids

from . import places


@dataclass(frozen=True)
class Group:
    """What a public page shows of one approved group: never its contact."""

    name: str
    kind: str
    province: str
    district: str
    region: str
    fund_start: str
    is_illustrative: bool

    @classmethod
    def of(cls, registration, language):
        region = places.region_of(registration.province_code)
        return cls(
            name=registration.name,
            kind=OrganisationKind(registration.kind).label if registration.kind in OrganisationKind.values else "",
            province=places.province_name(registration.province_code, language),
            district=places.district_name(registration.district_code, language),
            region=Region(region).label if region else "",
            fund_start=format_month(registration.fund_start, language),
            is_illustrative=registration.is_illustrative,
        )


def region_counts(by_province):
    """``{region: number of groups}`` for every region, from ``{province code: number of groups}``."""
    counts = {value: 0 for value in Region.values}
    for code, number in by_province.items():
        region = places.region_of(code)
        if region:
            counts[region] += number
    return counts


@dataclass(frozen=True)
class Pilot:
    """A pilot unit as its mark shows it, where its province is."""

    title: str
    latitude: float
    longitude: float


def _pilot_rows(language):
    return (
        CaseStudyPage.objects.filter(locale__language_code=language, live=True, province__isnull=False, is_pilot=True)
        .order_by("path")
        .values_list("pk", "title", "province__latitude", "province__longitude")
    )


def pilot_marks(language):
    """The public pilot units (``is_pilot``, ``home.visibility``) of ``language`` with a province, as map marks, in tree order.
    One query, compiled once per process (``home.compiled_sql``); the hidden pages are left out here."""
    language = language or get_language()
    hidden = hidden_page_ids()
    rows = compiled_sql.rows(f"network-pilots-{language}", lambda: _pilot_rows(language))  # a query per language
    units = [Pilot(title, latitude, longitude) for pk, title, latitude, longitude in rows if pk not in hidden]
    return thai_map.place_marks(units, lambda unit: (unit.latitude, unit.longitude))


def build(by_province, language):
    """Everything the map template needs."""
    counts = region_counts(by_province)
    labels = dict(Region.choices)
    regions = []
    for value, position in thai_map.REGION_LABELS.items():
        x, y = thai_map.project(*position)
        regions.append(
            {"value": value, "label": labels[value], "count": counts.get(value, 0), "x": x, "y": y + 22, "label_y": y}
        )
    return {
        "view_box": thai_map.view_box(),
        "outline": thai_map.outline_path(),
        "regions": regions,
        "pilots": pilot_marks(language),
    }
