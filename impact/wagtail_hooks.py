"""Admin for impact figures: the indicator catalogue, the figures listing (``impact.admin_figures``) with its
bulk actions and history, and the spreadsheet import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.templatetags.page_hooks_tags import HOME_SECTIONS_HOOK

from . import actions, admin_views, group_report_views, history
from .admin_figures import (
    DeleteFiguresBulkAction,
    ImpactFigureViewSet,
    MarkIllustrativeBulkAction,
    MarkReportedBulkAction,
    MarkVerifiedBulkAction,
)
from .models import Indicator


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "tasks"
    menu_label = _("Indicators")
    list_display = ["name", "code", "unit", "direction", "show_on_home"]
    list_filter = ["unit", "direction", "show_on_home"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "code"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("name"),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldPanel("weight_code"),
        FieldPanel("how_measured"),
        FieldPanel("show_on_home"),
    ]


class ImpactGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, ImpactFigureViewSet)
    menu_icon = "table"
    menu_label = _("Impact")
    menu_name = "impact"
    menu_order = 260


register_snippet(ImpactGroup)


@hooks.register("register_admin_urls")
def impact_admin_urls():
    return [
        path("impact/import/", admin_views.ImportFiguresView.as_view(), name="impact_import"),
        path(
            "impact/import/template.<str:kind>",
            admin_views.template_download,
            name="impact_import_template",
        ),
        path(
            "impact/group-figures/",
            group_report_views.ReviewQueueView.as_view(),
            name="impact_group_figures_review",
        ),
    ]


class GroupFiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(group_report_views.REVIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def group_figures_menu_item():
    """The Moderators' queue of figures the network groups reported."""
    return GroupFiguresMenuItem(
        _("Group figures to review"), reverse("impact_group_figures_review"), icon_name="table", order=271
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("impact.add_impactfigure") and request.user.has_perm("impact.change_impactfigure")


@hooks.register("register_admin_menu_item")
def impact_import_menu_item():
    return ImportMenuItem(_("Import figures"), reverse("impact_import"), icon_name="upload", order=261)


hooks.register("register_actions", actions.register)
hooks.register("register_log_actions", history.register_log_actions)
hooks.register("register_bulk_action", MarkIllustrativeBulkAction)
hooks.register("register_bulk_action", MarkReportedBulkAction)
hooks.register("register_bulk_action", MarkVerifiedBulkAction)
# After Wagtail's own snippet bulk actions, so this one replaces the plain delete for figures.
hooks.register("register_bulk_action", DeleteFiguresBulkAction, order=100)


@hooks.register(HOME_SECTIONS_HOOK, order=10)
def home_section_impact_headlines():
    """The headline figures, as a section of the home page (home.templatetags.page_hooks_tags)."""
    return "impact/includes/headline_figures.html"
