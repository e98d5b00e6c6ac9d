"""The network in the admin: the registrations queue (filters by status, province and date; for the Moderators),
the review page with its decision, and the log actions shown on each registration's History page."""

import django_filters

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.sitemap import SITEMAP_VIEWS_HOOK
from home.templatetags.page_hooks_tags import HOME_SECTIONS_HOOK

from . import admin_views, export, moderation, places, report_links
from .models import Registration, Status


def _province_choices():
    return places.province_choices(get_language() or "th")


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    province_code = django_filters.ChoiceFilter(label=_("province"), choices=_province_choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("registered"), widget=DateRangePickerWidget)

    class Meta:
        model = Registration
        fields = []


class ProvinceColumn(Column):
    def get_value(self, instance):
        return instance.province_name(get_language() or "th")


class RegistrationIndexView(IndexView):
    """The queue, with the CSV export for those who may export contacts."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(export.EXPORT_PERMISSION):
            buttons.append(
                HeaderButton(_("Export CSV with contacts"), url=reverse("network_export"), icon_name="download")
            )
        return buttons


class RegistrationViewSet(SnippetViewSet):
    """The queue of registrations, newest first; the status changes only through Review (with its reason)."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Network")
    menu_name = "network"
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "status", ProvinceColumn("province_code", label=_("province")), "kind", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("fund_start")]),
        FieldPanel("target_groups"),
        FieldPanel("existing_capital"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_line_id")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact (private)"),
        ),
        FieldPanel("is_illustrative"),
    ]


register_snippet(RegistrationViewSet)


@hooks.register("register_admin_urls")
def network_admin_urls():
    return [
        path("network/review/<int:pk>/", admin_views.ReviewView.as_view(), name="network_review"),
        path("network/registrations.csv", export.export_csv, name="network_export"),
        path("network/report-link/<int:pk>/", report_links.ReportLinkView.as_view(), name="network_report_link"),
    ]


@hooks.register("register_snippet_listing_buttons")
def review_button(snippet, user, next_url=None):
    if isinstance(snippet, Registration) and user.has_perm(admin_views.REVIEW_PERMISSION):
        yield ListingButton(_("Review"), reverse("network_review", args=[snippet.pk]), icon_name="check", priority=5)
        if snippet.status == Status.APPROVED:
            yield ListingButton(
                _("Report link"), reverse("network_report_link", args=[snippet.pk]), icon_name="link", priority=6
            )


hooks.register("register_log_actions", moderation.register_log_actions)
hooks.register("register_log_actions", report_links.register_log_actions)


@hooks.register(HOME_SECTIONS_HOOK, order=35)
def home_section_network():
    """The network's growth, as a section of the home page (home.templatetags.page_hooks_tags)."""
    return "network/includes/home_growth.html"


@hooks.register(SITEMAP_VIEWS_HOOK)
def network_sitemap_views():
    """The network's public pages in the sitemap (never a private link: report form, withdrawal)."""
    return ["network_index", "network_join"]
