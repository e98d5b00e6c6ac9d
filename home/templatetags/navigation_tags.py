from django import template
from django.utils import translation

from wagtail.models import Locale

from home import compiled_sql
from home.home_sections import home_sections
from home.models import Partner, StandardPage
from home.seo import ancestors_from_home
from home.translations import relative_page_url

register = template.Library()


def _menu_state(item, page):
    """``"page"`` for the current page, ``"true"`` for a section that contains it, else ``""``."""
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == item.pk:
        return "page"
    return "true" if page.path.startswith(item.path) else ""


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top navigation: the in-menu children of this language's home page that the public may see."""
    page = context.get("page")
    request = context.get("request")
    found = home_sections(request, translation.get_language())
    home = found.home
    items = [section for section in found.sections if section.show_in_menus]
    return {
        "home": home,
        "home_url": relative_page_url(home, request) if home is not None else None,
        "home_state": "page" if page is not None and getattr(page, "pk", None) == getattr(home, "pk", None) else "",
        "items": [(item, relative_page_url(item, request), _menu_state(item, page)) for item in items],
    }


def _partners(locale_id):
    return Partner.objects.filter(locale_id=locale_id).values_list("name", "short_name", "website")


@register.inclusion_tag("includes/footer_partners.html")
def footer_partners():
    """The active language's partners, in their order (one query, its SQL compiled once: ``home.compiled_sql``)."""
    rows = compiled_sql.rows("footer-partners", _partners, Locale.get_active().pk)
    return {"partners": [{"name": name, "short_name": short, "website": website} for name, short, website in rows]}


# Standard pages linked from every footer, in this order, when they exist: found by their shared ASCII slug.
FOOTER_PAGE_SLUGS = ["faq", "privacy"]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """This language's public footer pages (standard pages under the home page with the slugs above), in order:
    ``(title, url)`` pairs."""
    request = context.get("request")
    found = home_sections(request, translation.get_language())
    pages = [page for page in found.of_type(StandardPage) if page.slug in FOOTER_PAGE_SLUGS]
    pages.sort(key=lambda page: FOOTER_PAGE_SLUGS.index(page.slug))
    return [(page.title, relative_page_url(page, request)) for page in pages]


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The page's ancestors from the home page down (read once per request, shared with the structured data)."""
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    return ancestors_from_home(page, context.get("request"))
