"""Admin for impact figures: the indicator catalogue, a filterable list of all figures, and spreadsheet import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import ImpactFigure, Indicator
from .services import sync_page_revision


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


class ImpactFigureViewSet(SnippetViewSet):
    """All figures of the Thai case studies in one list, filterable by unit, indicator, period and flag."""

    model = ImpactFigure
    icon = "table"
    menu_label = _("Figures")
    list_display = ["indicator", "page", "period_start", "period_end", "value", "baseline", "is_illustrative"]
    list_filter = {
        "page": ["exact"],
        "indicator": ["exact"],
        "period_start": ["gte"],
        "period_end": ["lte"],
        "is_illustrative": ["exact"],
    }
    ordering = ["page__path", "indicator__sort_order", "period_start"]
    panels = [
        FieldPanel("page"),
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("value"), FieldPanel("baseline")])], heading=_("Numbers")),
        FieldPanel("source"),
        FieldPanel("is_illustrative"),
    ]

    def get_queryset(self, request):
        return ImpactFigure.objects.of_source_pages().select_related("page", "indicator")


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
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("impact.add_impactfigure") and request.user.has_perm("impact.change_impactfigure")


@hooks.register("register_admin_menu_item")
def impact_import_menu_item():
    return ImportMenuItem(_("Import figures"), reverse("impact_import"), icon_name="upload", order=261)


# Figures edited in the list (not on the case study page) are recorded in the page's revisions too.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_figure_page(request, instance):
    if isinstance(instance, ImpactFigure):
        sync_page_revision(instance.page, request.user)


@hooks.register("after_delete_snippet")
def sync_deleted_figure_pages(request, instances):
    for page in {f.page for f in instances if isinstance(f, ImpactFigure)}:
        sync_page_revision(page, request.user)
