"""Shared pieces of the network tests: a valid join form and registrations made directly."""

import datetime
import itertools

from django.utils import timezone

from network.models import Registration

_addresses = itertools.count(1)


def fresh_address():
    """A client address not used by another test, so rate-limit counts never meet."""
    return f"198.51.100.{next(_addresses) % 250 + 1}"


def valid_post(**changes):
    data = {
        "name": "กลุ่มทดสอบการออม",
        "kind": "savings_group",
        "province": "38",
        "district": "3801",
        "fund_start_month": "6",
        "fund_start_year": "2568",
        "existing_capital": "เงินออม 10,000 บาท",
        "self_check_link": "",
        "planner_link": "",
        "contact_name": "สมศรี ทดสอบ",
        "contact_phone": "081 234 5678",
        "contact_line_id": "",
        "contact_email": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def make_registration(status="approved", **fields):
    values = {
        "name": "Test group",
        "kind": "savings_group",
        "province_code": "38",
        "district_code": "3801",
        "fund_start": datetime.date(2025, 6, 1),
        "consent_given_at": timezone.now(),
        "consent_version": "test",
        "status": status,
    }
    values.update(fields)
    return Registration.objects.create(**values)
