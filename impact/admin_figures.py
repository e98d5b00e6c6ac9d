"""The figures listing in the admin: every figure of the Thai case studies, filtered by unit, indicator and
period, searchable, with bulk actions (mark illustrative, reported or verified; delete), and a History page per figure.

Writes go through ``impact.actions`` (single figures) and ``impact.services`` (bulk), which log each changed
value (``impact.history``) and purge the page caches once.
"""

import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FigureStatus, ImpactFigure, Indicator
from .services import delete_figures, set_status


def _unit_choices():
    """The Thai case studies grouped by region (``<optgroup>``, the regions' fixed order), by title in each."""
    from casestudies.models import CaseStudyPage, Region

    units = (
        CaseStudyPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
        .order_by("title")
        .values_list("pk", "title", "province__region")
    )
    return [
        (region or _("No province"), [(pk, title) for pk, title, _region in members])
        for region, members in Region.grouped(units, lambda unit: unit[2])
    ]


def _source_indicators(request):
    return Indicator.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class ImpactFigureFilterSet(WagtailFilterSet):
    unit = django_filters.ChoiceFilter(field_name="page", label=_("unit"), choices=_unit_choices)
    indicator = django_filters.ModelChoiceFilter(label=_("indicator"), queryset=_source_indicators)
    period = django_filters.DateFromToRangeFilter(
        field_name="period_start", label=_("period starts"), widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=FigureStatus.choices)

    class Meta:
        model = ImpactFigure
        fields = []


class ImpactFigureViewSet(SnippetViewSet):
    """All figures of the Thai case studies in one list, filterable by unit, indicator, period and flag."""

    model = ImpactFigure
    icon = "table"
    menu_label = _("Figures")
    list_display = [
        "indicator",
        "page",
        "period_start",
        "period_end",
        "value",
        "baseline",
        "status",
    ]
    filterset_class = ImpactFigureFilterSet
    search_fields = ["page__title", "page__slug", "indicator__code", "indicator__name", "source"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["page__path", "indicator__sort_order", "period_start"]
    panels = [
        FieldPanel("page"),
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("value"), FieldPanel("baseline")])], heading=_("Numbers")),
        FieldPanel("source"),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        return (
            ImpactFigure.objects.of_source_pages()
            .select_related("page", "indicator")
            .defer("page__body", "page__lessons_learned")
        )


def _acting_user(user, kwargs):
    """Wagtail passes the bulk action view (``self``), not the user, to ``execute_action``."""
    view = kwargs.get("self")
    return user or (view.request.user if view is not None else None)


def _figures(object_ids):
    return ImpactFigure.objects.filter(pk__in=object_ids).select_related("page", "indicator")


class _FigureBulkAction(SnippetBulkAction):
    models = [ImpactFigure]

    @classmethod
    def get_queryset(cls, model, object_ids):
        return _figures(object_ids)

    def check_perm(self, obj):
        return self.request.user.has_perm("impact.change_impactfigure")


class MarkIllustrativeBulkAction(_FigureBulkAction):
    display_name = _("Mark illustrative")
    action_type = "mark_illustrative"
    aria_label = _("Mark the selected figures as illustrative")
    template_name = "impact/admin/confirm_bulk_illustrative.html"
    action_priority = 40
    status = FigureStatus.ILLUSTRATIVE

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return set_status(objects, cls.status, _acting_user(user, kwargs)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d figure marked illustrative.", "%(count)d figures marked illustrative.", num_parent_objects
        ) % {"count": num_parent_objects}


class MarkReportedBulkAction(MarkIllustrativeBulkAction):
    display_name = _("Mark reported")
    action_type = "mark_reported"
    aria_label = _("Mark the selected figures as reported by the unit, not yet verified")
    action_priority = 41
    status = FigureStatus.REPORTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d figure marked as reported by the unit.",
            "%(count)d figures marked as reported by the unit.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MarkVerifiedBulkAction(MarkIllustrativeBulkAction):
    display_name = _("Mark verified")
    action_type = "mark_verified"
    aria_label = _("Mark the selected figures as verified by staff")
    action_priority = 42
    status = FigureStatus.VERIFIED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d figure marked as verified by staff.",
            "%(count)d figures marked as verified by staff.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeleteFiguresBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for figures, keeping each deleted figure's values in the history."""

    models = [ImpactFigure]

    @classmethod
    def get_queryset(cls, model, object_ids):
        return _figures(object_ids)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return delete_figures(objects, _acting_user(user, kwargs)), 0
