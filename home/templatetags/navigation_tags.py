from django import template
from django.utils import translation

from wagtail.models import Locale

from home.models import HomePage, Partner, StandardPage
from home.visibility import public_pages

register = template.Library()


def _active_home():
    return HomePage.objects.filter(locale=Locale.get_active()).first()


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
    home = _active_home()
    items = list(public_pages(home.get_children().in_menu())) if home else []
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


@register.simple_tag
def footer_pages():
    """This language's public footer pages (standard pages under the home page with the slugs above), in order."""
    # Home pages sit at depth 2, so their children at depth 3.
    pages = public_pages(
        StandardPage.objects.filter(
            locale__language_code=translation.get_language(), depth=3, slug__in=FOOTER_PAGE_SLUGS
        )
    )
    return sorted(pages, key=lambda page: FOOTER_PAGE_SLUGS.index(page.slug))
