"""Staff-only admin views: the translation-status listing and its dashboard panel."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .translation_inventory import kinds, translation_rows
from .translation_status import DEFAULT_ORDERING, SORT_KEYS, State, count_states, filter_rows, sort_rows

PER_PAGE = 100


def can_see_translation_status(user):
    """Staff who start or check translations (Editors, Moderators, Translators) and superusers."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtail_localize.submit_translation"))


class TranslationStatusFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states"))] + [(s.value, s.label) for s in State]
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    q = forms.CharField(label=_("Title contains"), required=False, max_length=200)
    ordering = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, key) for name in SORT_KEYS for key in (name, f"-{name}")],
    )

    def __init__(self, *args, kind_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kind_choices]


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every page and translatable snippet with the state of its translation, sortable and filterable."""

    template_name = "home/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    columns = [
        ("title", _("Thai source")),
        ("kind", _("Kind")),
        ("changed", _("Source changed")),
        ("synced", _("Last synced")),
        ("state", _("Translation")),
    ]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        rows = translation_rows()
        form = TranslationStatusFilterForm(request.GET or None, kind_choices=kinds(rows))
        status = 200
        if form.is_bound and not form.is_valid():
            shown, status = [], 400
        else:
            data = form.cleaned_data if form.is_bound else {}
            shown = filter_rows(rows, state=data.get("state"), kind=data.get("kind"), query=data.get("q"))
            shown = sort_rows(shown, data.get("ordering") or DEFAULT_ORDERING)
        ordering = (form.cleaned_data.get("ordering") if form.is_bound and form.is_valid() else "") or DEFAULT_ORDERING
        page = Paginator(shown, PER_PAGE).get_page(request.GET.get("p"))
        context = self.get_context_data(
            form=form,
            page_obj=page,
            counts=count_states(rows),
            total=len(rows),
            shown_count=len(shown),
            headers=self._headers(ordering),
        )
        return self.render_to_response(context, status=status)

    def _headers(self, ordering):
        headers = []
        for key, label in self.columns:
            current = ordering.lstrip("-") == key
            descending = ordering.startswith("-")
            headers.append(
                {
                    "label": label,
                    "ordering": f"-{key}" if current and not descending else key,
                    "sorted": ("descending" if descending else "ascending") if current else "",
                }
            )
        return headers


class TranslationStatusPanel(Component):
    """Dashboard panel: how many translations are missing, out of date, unpublished and up to date."""

    name = "translation_status"
    template_name = "home/admin/translation_status_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        counts = count_states(translation_rows())
        url = reverse("translation_status")
        context["states"] = [
            {"state": state, "label": state.label, "count": count, "url": f"{url}?state={state.value}"}
            for state, count in counts.items()
        ]
        context["status_url"] = url
        return context
