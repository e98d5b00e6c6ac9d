"""Spreadsheet import of impact figures in the admin: upload → preview with row errors → confirm → saved.

The file's rows are kept in the session between preview and confirmation and checked again before
saving, so a unit or indicator removed in between cannot slip through. Saving is all-or-nothing.
"""

import time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import importing
from .services import save_figures, source_indicators, source_units

SESSION_KEY = "impact_import"
PREVIEW_ROWS = 100  # rows shown in the preview table; rows with errors are always shown


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("A CSV (UTF-8) or Excel .xlsx file in the template's columns, at most 5 MB."),
    )


def _check(rows):
    indicators = {code: ind.unit for code, ind in source_indicators().items()}
    return importing.check_rows(rows, set(source_units()), indicators)


class ImportFiguresView(WagtailAdminTemplateMixin, View):
    template_name = "impact/admin/import.html"
    page_title = gettext_lazy("Import impact figures")
    header_icon = "upload"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [
        {"url": reverse_lazy("impact_import"), "label": gettext_lazy("Import impact figures")}
    ]

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.has_perm("impact.add_impactfigure") and user.has_perm("impact.change_impactfigure")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, status=200, **context):
        context.setdefault("form", UploadForm())
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get(self, request):
        return self.render(request)

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, status=400, form=form)
        upload = form.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            form.add_error("file", _("The file is larger than 5 MB. Split it into smaller files."))
            return self.render(request, status=400, form=form)
        try:
            rows = importing.read_table(upload.name, upload.read())
        except importing.ImportFileError as error:
            form.add_error("file", str(error))
            return self.render(request, status=400, form=form)
        return self.preview(request, rows, upload.name)

    def preview(self, request, rows, name):
        started = time.perf_counter()
        checked = _check(rows)
        check_seconds = time.perf_counter() - started
        bad = [row for row in checked if row.errors]
        token = ""
        if rows and not bad:
            token = get_random_string(16)
            request.session[SESSION_KEY] = {"token": token, "name": name, "rows": rows}
        else:
            request.session.pop(SESSION_KEY, None)
        shown = bad if bad else checked[:PREVIEW_ROWS]
        return self.render(
            request,
            status=200 if not bad else 400,
            checked=checked,
            shown_rows=shown,
            hidden_count=len(checked) - len(shown),
            bad_rows=bad,
            file_name=name,
            token=token,
            columns=importing.COLUMNS,
            preview=True,
            check_seconds=check_seconds,
        )

    def confirm(self, request):
        stored = request.session.get(SESSION_KEY)
        if not stored or stored.get("token") != request.POST.get("token"):
            messages.error(request, _("This import has expired or was already saved. Upload the file again."))
            return redirect("impact_import")
        rows = [(number, raw) for number, raw in stored["rows"]]
        # The rows are the server's own copy of what the preview checked, but a unit or indicator may have been
        # removed and the checks may have changed (a deployment) since: every check runs again.
        checked = _check(rows)
        if any(row.errors for row in checked):
            return self.preview(request, rows, stored["name"])
        created, updated = save_figures([row.values for row in checked], request.user, stored["name"])
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            _("Saved %(created)d new and %(updated)d updated figures from %(name)s.")
            % {"created": created, "updated": updated, "name": stored["name"]},
        )
        return redirect(reverse("impact_import"))


def template_download(request, kind):
    """The import template, as CSV or XLSX."""
    if kind not in ("csv", "xlsx"):
        raise Http404
    if kind == "csv":
        response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            importing.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="impact-figures-template.{kind}"'
    return response
