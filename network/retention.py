"""The retention rule for contacts: which registrations keep a contact they no longer need, and forgetting it.

Rejected registrations, and registrations left waiting (submitted, or asked for more information without an
answer), lose their contact ``NETWORK_CONTACT_RETENTION_DAYS`` days after their last change; approved groups keep
theirs (staff stay in touch with them) until they withdraw. Run daily by ``manage.py forget_network_contacts``.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from .models import CONTACT_FIELDS, Registration, Status

EXPIRING = (Status.REJECTED, Status.SUBMITTED, Status.NEEDS_INFO)


def expired(now=None, days=None):
    """Registrations whose contact has outlived the retention period."""
    now = now or timezone.now()
    days = settings.NETWORK_CONTACT_RETENTION_DAYS if days is None else days
    has_contact = Q()
    for name in CONTACT_FIELDS:
        has_contact |= ~Q(**{name: ""})
    return Registration.objects.filter(
        has_contact, status__in=EXPIRING, updated_at__lt=now - datetime.timedelta(days=days)
    )


@transaction.atomic
def forget_expired(now=None, days=None):
    """Delete the contacts of ``expired()`` registrations, one log entry each; returns how many."""
    from .moderation import FORGET_CONTACT

    count = 0
    for registration in expired(now, days).select_for_update():
        registration.forget_contact()
        registration.save(update_fields=[*CONTACT_FIELDS, "updated_at"])
        log(registration, FORGET_CONTACT, data={"why": "retention"})
        count += 1
    return count
