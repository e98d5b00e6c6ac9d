"""Security headers that Django does not set itself: the site's Content-Security-Policy (strict on public
pages, relaxed for the Wagtail admin, which needs inline scripts) and Permissions-Policy."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings


def is_admin_path(path):
    """True for the Wagtail admin, whose own pages need a relaxed policy."""
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with ``ADMIN_CONTENT_SECURITY_POLICY`` in force under the admin prefixes."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if is_admin_path(request.path_info):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware as a request for the page's own address; the
            # admin shows it in a frame, so the page's strict policy may be framed by the admin (same origin).
            return PolicyParts(
                config=parts.config,
                update=parts.update,
                replace={**(parts.replace or {}), "frame-ancestors": [SELF]},
                nonce=parts.nonce,
            )
        return parts


def permissions_policy_header(features):
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (from ``PERMISSIONS_POLICY``) to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
