from django import template
from django.utils import translation

from wagtail.models import Locale

from home.home_sections import home_sections
from home.models import Partner, StandardPage
from home.seo import ancestors_from_home

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
    found = home_sections(context.get("request"), translation.get_language())
    home = found.home
    items = [section for section in found.sections if section.show_in_menus]
    return {
        "home": home,
        "items": [(item, _menu_state(item, page)) for item in items],
        "page": page,
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/footer_partners.html")
def footer_partners():
    return {"partners": Partner.objects.filter(locale=Locale.get_active())}


# Standard pages linked from every footer, in this order, when they exist: found by their shared ASCII slug.
FOOTER_PAGE_SLUGS = ["faq", "privacy"]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """This language's public footer pages (standard pages under the home page with the slugs above), in order."""
    found = home_sections(context.get("request"), translation.get_language())
    pages = [page for page in found.of_type(StandardPage) if page.slug in FOOTER_PAGE_SLUGS]
    return sorted(pages, key=lambda page: FOOTER_PAGE_SLUGS.index(page.slug))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The page's ancestors from the home page down (read once per request, shared with the structured data)."""
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    return ancestors_from_home(page, context.get("request"))
