"""The private link a group reports its quarterly figures with: staff issue it, and renew it (the old link then
stops working), from the registrations queue. Only a hash of the token is kept (``Registration.report_token_hash``),
so the link is shown once, on the page that made it, and sent to the group's e-mail if it gave one."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from wagtail.log_actions import log

from .admin_views import RegistrationAdminView
from .models import REPORT_LINK_DAYS, Status

ISSUE = "network.report_link"
LOG_LABEL = gettext_lazy("Report link issued (any older link stops working)")
PERMISSION = "network.change_registration"


def register_log_actions(actions):
    actions.register_action(ISSUE, LOG_LABEL, LOG_LABEL)


def report_url(request, registration, token):
    """The group's form in its own language, as an absolute address."""
    with override(registration.language):
        return request.build_absolute_uri(reverse("impact_group_report", args=[token]))


@transaction.atomic
def issue(registration, user=None, days=REPORT_LINK_DAYS):
    """A new report token for an approved group (the old one stops working), logged; returns the token."""
    if registration.status != Status.APPROVED:
        raise ValueError("only approved groups report figures")
    token = registration.new_report_token(days)
    registration.save(update_fields=["report_token_hash", "report_link_expires", "updated_at"])
    log(registration, ISSUE, user=user, data={"expires": registration.report_link_expires.isoformat()})
    return token


def send_link(registration, url):
    """E-mail the link to the group's contact, if it gave an e-mail (0 otherwise)."""
    if not registration.contact_email:
        return 0
    with override(registration.language):
        subject = _("Your group's link to report figures: %(name)s") % {"name": registration.name}
        body = _(
            "Use this private link to report %(name)s's quarterly figures. Staff check them before they appear on "
            "the impact pages. Keep the link to yourselves; it works until %(expires)s.\n\n%(link)s"
        ) % {"name": registration.name, "expires": registration.report_link_expires.date().isoformat(), "link": url}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.contact_email])


class ReportLinkView(RegistrationAdminView):
    """GET: when the group's link expires, and a button to issue a new one. POST: issue it and show it once."""

    template_name = "network/admin/report_link.html"
    page_title = gettext_lazy("Report link")
    header_icon = "link"

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(registration=self.registration, form=forms.Form()))

    def post(self, request, pk):
        if self.registration.status != Status.APPROVED:
            messages.error(request, _("Only approved groups get a report link."))
            return redirect("network_report_link", pk=pk)
        token = issue(self.registration, user=request.user)
        url = report_url(request, self.registration, token)
        sent = send_link(self.registration, url)
        context = self.get_context_data(registration=self.registration, url=url, sent=sent)
        return self.render_to_response(context)
