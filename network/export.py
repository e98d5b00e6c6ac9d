"""The staff CSV of registrations with their contacts, for those who hold ``network.export_registration``
(the Moderators): spreadsheet-safe (``home.spreadsheet``), never cached."""

from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from home.spreadsheet import csv_response

from . import places
from .models import Registration

EXPORT_PERMISSION = "network.export_registration"

HEADER = [
    "id",
    "registered",
    "status",
    "reason",
    "name",
    "kind",
    "region",
    "province_code",
    "province",
    "district_code",
    "district",
    "fund_start",
    "target_groups",
    "existing_capital",
    "self_check_link",
    "planner_link",
    "contact_name",
    "contact_phone",
    "contact_line_id",
    "contact_email",
    "consent_given_at",
    "consent_version",
    "language",
    "illustrative",
]


def rows(registrations):
    """One CSV row per registration, names in English (the export is for staff tools)."""
    for r in registrations:
        yield [
            r.pk,
            r.created_at.isoformat(timespec="seconds"),
            r.status,
            r.reason,
            r.name,
            r.kind,
            r.region(),
            r.province_code,
            places.province_name(r.province_code, "en"),
            r.district_code,
            places.district_name(r.district_code, "en"),
            r.fund_start.isoformat(),
            "; ".join(group.slug for group in r.target_groups.all()),
            r.existing_capital,
            r.self_check_link,
            r.planner_link,
            r.contact_name,
            r.contact_phone,
            r.contact_line_id,
            r.contact_email,
            r.consent_given_at.isoformat(timespec="seconds"),
            r.consent_version,
            r.language,
            "yes" if r.is_illustrative else "no",
        ]


@require_GET
def export_csv(request):
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    registrations = Registration.objects.order_by("created_at", "pk").prefetch_related("target_groups")
    response = csv_response("network-registrations.csv", HEADER, list(rows(registrations)))
    add_never_cache_headers(response)
    return response
