"""Staff review of one registration: everything it holds (its contact too: staff only), and the decision —
approve, ask for more information or reject, the last two with a reason — logged in its history."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import moderation, places
from .models import Registration, Status

REVIEW_PERMISSION = "network.change_registration"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (moderation.APPROVE, gettext_lazy("Approve: show the group publicly")),
            (moderation.ASK_MORE, gettext_lazy("Ask for more information")),
            (moderation.REJECT, gettext_lazy("Reject")),
            (moderation.WITHDRAW, gettext_lazy("Withdraw on the group's request: delete the contact, stop listing it")),
        ],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("Needed to ask for more or to reject; kept in the history."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in moderation.NEEDS_REASON and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Please give the reason."))
        return cleaned


class RegistrationAdminView(WagtailAdminTemplateMixin, View):
    """An admin view of one registration (``self.registration``), for staff who may change registrations."""

    def dispatch(self, request, pk):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        self.registration = get_object_or_404(Registration, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.registration.name


class ReviewView(RegistrationAdminView):
    template_name = "network/admin/review.html"
    page_title = gettext_lazy("Review registration")
    header_icon = "group"

    def render(self, form, status=200):
        registration = self.registration
        language = get_language() or "th"
        context = self.get_context_data(
            registration=registration,
            form=form,
            province=places.province_name(registration.province_code, language),
            district=places.district_name(registration.district_code, language),
            region=registration.region_label(),
            target_groups=list(registration.target_groups.all()),
            can_decide=registration.status != Status.WITHDRAWN,
        )
        return self.render_to_response(context, status=status)

    def get(self, request, pk):
        return self.render(DecisionForm())

    def post(self, request, pk):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        decision = form.cleaned_data["decision"]
        try:
            if decision == moderation.WITHDRAW:
                if self.registration.status == Status.WITHDRAWN:
                    raise moderation.DecisionError("already withdrawn")
                moderation.withdraw(self.registration, user=request.user)
            else:
                moderation.decide(self.registration, decision, request.user, form.cleaned_data["reason"])
        except moderation.DecisionError:
            form.add_error(None, _("This registration cannot be changed: the group has withdrawn."))
            return self.render(form, status=400)
        messages.success(
            request,
            _("“%(name)s” is now: %(status)s.")
            % {
                "name": self.registration.name,
                "status": self.registration.get_status_display(),
            },
        )
        return redirect("wagtailsnippets_network_registration:list")
