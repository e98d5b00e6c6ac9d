"""The dashboard page that a download or explorer address below it belongs to."""

from wagtail.models import Locale

from home.request_site import page_url
from home.visibility import public_pages


def dashboard_at(request, path):
    """The public dashboard page whose address in the active language is ``/<language>/<path>``, or None.

    Addresses come from the site's root paths read once for the request (``home.request_site``)."""
    from .models import ImpactDashboardPage

    locale = Locale.get_active()
    for page in public_pages(ImpactDashboardPage.objects.filter(locale=locale).select_related("locale")):
        if page_url(request, page.url_path) == f"/{locale.language_code}/{path}":
            return page
    return None
