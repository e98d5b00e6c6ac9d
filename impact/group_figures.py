"""The network groups' figures as the public sees them: apart from the learning units', after staff accepted them
(``ImpactFigure.objects.published().of_groups()``), each marked "reported by the group"."""

from dataclasses import dataclass

from django.db.models import Count

from home import compiled_sql
from home.visibility import hidden_page_ids

from .formatting import format_period, format_value
from .models import ImpactFigure


@dataclass(frozen=True)
class GroupFigure:
    group: str
    province: str
    period: str
    value: str
    status: str
    group_is_illustrative: bool


def indicator_group_figures(code, unit, language):
    """The accepted figures of public network groups for the indicator ``code``, newest period first (one query)."""
    from network.models import Registration

    rows = (
        ImpactFigure.objects.published()
        .of_groups()
        .filter(indicator__code=code)
        .order_by("-period_start", "group__name", "group_id")
        .values_list(
            "group__name",
            "group__province_code",
            "group__is_illustrative",
            "period_start",
            "period_end",
            "value",
            "status",
        )
    )
    return [
        GroupFigure(
            name,
            Registration.province_label(province_code, language),
            format_period(start, end, language),
            format_value(value, unit, language),
            status,
            is_illustrative,
        )
        for name, province_code, is_illustrative, start, end, value, status in rows
    ]


def _figures_per_group(hidden):
    figures = ImpactFigure.objects.published_without(hidden).of_groups().order_by()
    return figures.values("group_id").annotate(figures=Count("pk")).values_list("group_id", "figures")


def group_figure_counts():
    """``(figures, groups)``: how many accepted group figures the public sees, and from how many groups (one query,
    its SQL compiled once: ``home.compiled_sql``)."""
    hidden = sorted(hidden_page_ids())  # as ``ImpactFigure.objects.published()``
    per_group = compiled_sql.rows("impact-group-figure-counts", _figures_per_group, hidden)
    return sum(figures for _group, figures in per_group), len(per_group)
