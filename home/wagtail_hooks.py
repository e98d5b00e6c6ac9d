from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import TranslationStatusPanel, TranslationStatusView, can_see_translation_status
from .models import Partner
from .page_cache import note_page_parameters
from .page_slugs import romanise_view
from .translation_review import ReviewError, can_publish, enabled_translation_for, save_and_submit

SUBMIT_TRANSLATION_FOR_REVIEW = "localize-submit-for-review"


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


@hooks.register("before_edit_page", order=-10)
def review_translation_actions(request, page):
    """The translation editor's actions, checked before wagtail-localize's hook (order -10) handles them.

    *Submit for review* (this project's button) saves the translation as a draft and starts the Review workflow;
    *Publish* and *Convert to alias page* are refused to users who may not publish the page.
    """
    if request.method != "POST":
        return None
    may_publish = can_publish(request.user, page)
    if "localize-convert-to-alias" in request.POST and not may_publish:
        raise PermissionDenied
    translation = enabled_translation_for(page)
    if translation is None:
        return None
    if request.POST.get("action") == "publish" and not may_publish:
        raise PermissionDenied
    if SUBMIT_TRANSLATION_FOR_REVIEW in request.POST:
        try:
            save_and_submit(translation, request.user)
        except ReviewError as error:
            messages.error(request, str(error))
        except ValidationError:
            messages.error(request, gettext("The translation has errors; correct the highlighted strings."))
        else:
            messages.success(
                request,
                gettext("“%(title)s” is waiting for review; a moderator will publish it.") % {"title": page.title},
            )
        return redirect("wagtailadmin_pages:edit", page.id)
    return None


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    """wagtail-localize's *Convert to alias page* publishes the source's text: only for users who may publish."""
    page = context.get("page")
    if page is not None and not can_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_admin_urls")
def register_romanise_url():
    return [path("romanise/", romanise_view, name="romanise_slug")]


@hooks.register("insert_editor_js")
def slug_editor_js():
    # A file with its endpoint in a data attribute: no inline script in the admin.
    return format_html(
        '<script src="{}" data-romanise-url="{}" defer></script>', static("js/admin-slug.js"), reverse("romanise_slug")
    )


hooks.register("before_serve_page", note_page_parameters)
