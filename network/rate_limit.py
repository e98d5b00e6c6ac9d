"""The join form's per-address rate limit: at most ``LIMIT`` counted submissions per address in ``WINDOW``.

Counts are rows in the database (``JoinAttempt``), so every process sees the same count without a shared cache.
The address is kept only as a keyed hash (HMAC with the secret key), and rows older than the window are deleted
when a new one is written.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from .models import JoinAttempt

LIMIT = 5
WINDOW = datetime.timedelta(hours=1)


def address_hash(address):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"network-join:{address}".encode(), hashlib.sha256).hexdigest()


def is_limited(address, now=None):
    """Has ``address`` used up its submissions in the current window?"""
    now = now or timezone.now()
    return JoinAttempt.objects.filter(address_hash=address_hash(address), at__gt=now - WINDOW).count() >= LIMIT


def count(address, now=None):
    """Count one submission from ``address`` and forget those older than the window."""
    now = now or timezone.now()
    JoinAttempt.objects.filter(at__lte=now - WINDOW).delete()
    JoinAttempt.objects.create(address_hash=address_hash(address), at=now)
