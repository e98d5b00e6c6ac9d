"""Admin for the toolkit: the resources snippet and the monthly downloads report."""

import django_filters

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.templatetags.page_hooks_tags import HOME_SECTIONS_HOOK

from .models import DownloadCount, ToolkitResource


class ToolkitResourceViewSet(SnippetViewSet):
    model = ToolkitResource
    icon = "doc-full"
    menu_label = _("Toolkit resources")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "kind", "language", "document"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "description"]


register_snippet(ToolkitResourceViewSet)


def _month_choices():
    months = DownloadCount.objects.order_by("-month").values_list("month", flat=True).distinct()
    return [(m.isoformat(), m.strftime("%Y-%m")) for m in months]


class DownloadFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(label=_("Month"), choices=_month_choices, field_name="month")
    item = django_filters.ChoiceFilter(label=_("Item"), choices=DownloadCount.Item.choices)

    class Meta:
        model = DownloadCount
        fields = ["month", "item"]


class DownloadReportView(ReportView):
    """Top downloads per month: counts only, no personal data exists to show."""

    page_title = _("Toolkit downloads")
    header_icon = "download"
    index_url_name = "toolkit_downloads_report"
    index_results_url_name = "toolkit_downloads_report_results"
    filterset_class = DownloadFilterSet
    list_export = ["month", "item", "resource", "language", "count"]
    columns = [
        Column("month", label=_("Month"), accessor=lambda c: c.month.strftime("%Y-%m")),
        Column("item", label=_("Item"), accessor="get_item_display"),
        Column("resource", label=_("Resource"), accessor=lambda c: c.resource.title if c.resource else "—"),
        Column("language", label=_("Language")),
        Column("count", label=_("Downloads")),
    ]

    def get_queryset(self):
        return DownloadCount.objects.select_related("resource").order_by("-month", "-count", "item")


@hooks.register("register_admin_urls")
def register_download_report_urls():
    return [
        path("reports/toolkit-downloads/", DownloadReportView.as_view(), name="toolkit_downloads_report"),
        path(
            "reports/toolkit-downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="toolkit_downloads_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return MenuItem(
        _("Toolkit downloads"),
        reverse("toolkit_downloads_report"),
        name="toolkit-downloads",
        icon_name="download",
        order=800,
    )


@hooks.register(HOME_SECTIONS_HOOK, order=30)
def home_section_toolkit_entry():
    """The way into the toolkit, as a section of the home page (home.templatetags.page_hooks_tags)."""
    return "toolkit/includes/home_entry.html"
