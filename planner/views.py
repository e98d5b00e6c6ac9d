"""The revolving-fund planner: a GET form, the projection rendered on the server, and its CSV."""

from decimal import Decimal
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from home import spreadsheet
from home.localisation import current_language
from home.query_parameters import reads_query

from .chart import build_chart
from .forms import DEFAULTS, PlannerForm, planner_form
from .fund_planner import simulate_revolving_fund

# Series drawn on the chart: key, label, CSS modifier (colour and dash pattern).
CHART_SERIES = [
    ("cash", _("Cash on hand")),
    ("loans_outstanding", _("Loans outstanding")),
    ("learning_total", _("Learning fund so far")),
]

CSV_COLUMNS = [
    ("month", "month"),
    ("savings", "savings_thb"),
    ("repayments", "repayments_thb"),
    ("fees", "fees_earned_thb"),
    ("defaults", "defaults_written_off_thb"),
    ("learning", "learning_fund_thb"),
    ("learning_total", "learning_fund_total_thb"),
    ("new_loans", "new_loans_count"),
    ("new_loans_amount", "new_loans_thb"),
    ("loans_active", "loans_active_count"),
    ("loans_outstanding", "loans_outstanding_thb"),
    ("cash", "cash_on_hand_thb"),
]


@require_GET
@reads_query(*PlannerForm.base_fields)
def planner(request):
    """The planner: the worked example until the reader submits their own assumptions."""
    form = planner_form(request.GET)
    context = {"form": form, "language": current_language(), "is_example": form.data is DEFAULTS}
    if form.is_valid():
        plan = simulate_revolving_fund(form.fund_params())
        query = urlencode({name: _plain(value) for name, value in form.cleaned_data.items()})
        months = [m.month for m in plan.months]
        chart = build_chart(months, {key: [getattr(m, key) for m in plan.months] for key, _label in CHART_SERIES})
        labels = dict(CHART_SERIES)
        context.update(
            plan=plan,
            chart=chart,
            chart_labels=[(series, labels[series.key]) for series in chart.series],
            query=query,
            share_url=request.build_absolute_uri(f"{request.path}?{query}"),
            csv_url=f"{reverse('toolkit_planner_csv')}?{query}",
        )
    return render(request, "planner/planner.html", context, status=400 if form.errors else 200)


def _plain(value):
    """A cleaned value as it goes back into a shareable URL: ASCII digits, no exponent, no trailing zeros."""
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


@require_GET
@reads_query(*PlannerForm.base_fields)
def planner_csv(request):
    """The plan as CSV (UTF-8, one row per month, stable English column names, amounts in baht)."""
    form = planner_form(request.GET)
    if not form.is_valid():
        lines = [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]
        return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")
    plan = simulate_revolving_fund(form.fund_params())
    rows = [[getattr(month, attr) for attr, _header in CSV_COLUMNS] for month in plan.months]
    return spreadsheet.csv_response("revolving-fund-plan.csv", [header for _attr, header in CSV_COLUMNS], rows)
