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


def dashboard_section(request, path):
    """As ``dashboard_at``, as the plain page (title and address) that the home page's sections hold, read once per
    request for the menu (``home.home_sections``): no query of its own."""
    from home.home_sections import home_sections

    from .models import ImpactDashboardPage

    language = Locale.get_active().language_code
    for page in home_sections(request, language).of_type(ImpactDashboardPage):
        if page_url(request, page.url_path) == f"/{language}/{path}":
            return page
    return None
