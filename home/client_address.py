"""The address of the person at the other end of a request, as the sign-in throttle (django-axes) sees it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each proxy appends the address it received the request from
to ``X-Forwarded-For``, so the client's address is the entry that many places from the right; anything to
its left was sent by the client and may be forged. With no trusted proxy (the default) the header is
ignored and the connection's own address (``REMOTE_ADDR``) is used.
"""

import ipaddress

from django.conf import settings


def forwarded_client(forwarded_for, remote_addr, trusted_proxies):
    """The client address from an ``X-Forwarded-For`` value, the connecting address and the proxy count.

    Falls back to ``remote_addr`` when no proxy is trusted, the header is missing or the entry is not an
    IP address (the throttle stores addresses in an IP-address column).
    """
    if trusted_proxies <= 0 or not forwarded_for:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if not hops:
        return remote_addr
    candidate = hops[-min(trusted_proxies, len(hops))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def client_address(request):
    """``AXES_CLIENT_IP_CALLABLE``: the client address under the configured number of trusted proxies."""
    return forwarded_client(
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        request.META.get("REMOTE_ADDR"),
        settings.TRUSTED_PROXY_COUNT,
    )
