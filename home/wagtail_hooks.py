from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import TranslationStatusPanel, TranslationStatusView, can_see_translation_status
from .models import Partner
from .page_slugs import romanise_view


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 300
    add_to_admin_menu = True
    sort_order_field = "sort_order"
    list_display = ["name", "short_name", "website"]
    search_fields = ["name", "short_name"]


register_snippet(PartnerViewSet)


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("translation-status/", TranslationStatusView.as_view(), name="translation_status")]


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=350,
    )


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if can_see_translation_status(request.user):
        panels.append(TranslationStatusPanel())


@hooks.register("insert_global_admin_css")
def admin_css():
    # Preloaded so Thai text is drawn in Sarabun at once, not after a flash of missing glyphs.
    preload = '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>'
    return format_html(
        preload + preload + '<link rel="stylesheet" href="{}">',
        static("fonts/sarabun-thai-400-normal.woff2"),
        static("fonts/sarabun-thai-700-normal.woff2"),
        static("css/admin.css"),
    )


@hooks.register("register_admin_urls")
def register_romanise_url():
    return [path("romanise/", romanise_view, name="romanise_slug")]


@hooks.register("insert_editor_js")
def slug_editor_js():
    # A file with its endpoint in a data attribute: no inline script in the admin.
    return format_html(
        '<script src="{}" data-romanise-url="{}" defer></script>', static("js/admin-slug.js"), reverse("romanise_slug")
    )
