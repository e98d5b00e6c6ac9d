"""The group's private report form (``/<lang>/network/report/<token>/``) and the Moderators' review queue.

The form is private: never cached (``Cache-Control: private, no-store``), never indexed, in no sitemap. An
unknown, renewed or expired link, or one of a group that is no longer approved, gets a bilingual 404 page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from home.localisation import current_language
from network.models import Registration

from . import group_reports
from .models import FigureReview, ImpactFigure
from .queries import indicators_in

REVIEW_PERMISSION = "impact.review_group_figures"


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def group_report(request, token):
    """The group's quarterly figures: one optional number per indicator, named in the reader's language."""
    language = current_language()
    group = Registration.objects.with_report_token(token)
    if group is None:
        return _private(render(request, "impact/group_report_invalid.html", {"language": language}, status=404))
    indicators = indicators_in(Locale.get_active())
    status, saved = 200, None
    if request.method == "POST":
        form = group_reports.GroupReportForm(request.POST, indicators=indicators)
        if form.is_valid():
            start, end = form.period()
            group_reports.save_report(group, start, end, form.cleaned_data["values"])
            saved = dict(form.fields["quarter"].choices)[form.cleaned_data["quarter"]]
            form = group_reports.GroupReportForm(indicators=indicators)
        else:
            status = 400
    else:
        form = group_reports.GroupReportForm(indicators=indicators)
    context = {"language": language, "group": group, "form": form, "saved": saved}
    return _private(render(request, "impact/group_report.html", context, status=status))


class ReviewQueueView(WagtailAdminTemplateMixin, View):
    """Figures the network groups reported, waiting for review (or all with ``?all=1``): accept or reject."""

    template_name = "impact/admin/group_figures_review.html"
    page_title = gettext_lazy("Figures reported by network groups")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        figures = ImpactFigure.objects.of_groups().select_related("group", "indicator")
        show_all = request.GET.get("all") == "1"
        if not show_all:
            figures = figures.filter(review=FigureReview.PENDING)
        figures = figures.order_by("group__name", "group_id", "-period_start", "indicator__sort_order")[:500]
        context = self.get_context_data(figures=figures, show_all=show_all)
        return self.render_to_response(context)

    def post(self, request):
        ids = [pk for pk in request.POST.getlist("figure") if pk.isdigit()]
        accept = request.POST.get("decision") == "accept"
        figures = list(ImpactFigure.objects.of_groups().filter(pk__in=ids))
        count = group_reports.review(figures, accept, user=request.user)
        if accept:
            message = ngettext("%(count)d figure accepted.", "%(count)d figures accepted.", count)
        else:
            message = ngettext("%(count)d figure rejected.", "%(count)d figures rejected.", count)
        messages.success(request, message % {"count": count})
        return redirect("impact_group_figures_review")
