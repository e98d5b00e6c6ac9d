"""What happens to a registration: it arrives (staff are told by e-mail), staff approve it, ask for more or reject
it with a reason, or the group withdraws. Each change is a Wagtail log entry, shown on the registration's
History page in the admin."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from wagtail.log_actions import log

from home.roles import MODERATORS

from .models import Registration, Status, new_token

SUBMIT = "network.submit"
APPROVE = "network.approve"
ASK_MORE = "network.ask_more"
REJECT = "network.reject"
WITHDRAW = "network.withdraw"
FORGET_CONTACT = "network.forget_contact"

LOG_ACTIONS = {
    SUBMIT: gettext_lazy("Registered through the join form"),
    APPROVE: gettext_lazy("Approved"),
    ASK_MORE: gettext_lazy("Asked for more information"),
    REJECT: gettext_lazy("Rejected"),
    WITHDRAW: gettext_lazy("Withdrawn"),
    FORGET_CONTACT: gettext_lazy("Contact data deleted"),
}

DECISIONS = {APPROVE: Status.APPROVED, ASK_MORE: Status.NEEDS_INFO, REJECT: Status.REJECTED}
NEEDS_REASON = {ASK_MORE, REJECT}


class DecisionError(ValueError):
    """A decision that cannot be taken: unknown, or without the reason it needs."""


def register_log_actions(actions):
    """``register_log_actions`` hook: the messages of the network's log entries on the History page."""
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, label)


def reviewers():
    """E-mail addresses of the active staff who can review registrations (the Moderators, and superusers)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")

    return sorted(set(users.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS)).values_list("email", flat=True)))


def notify_staff(registration):
    """Tell the reviewers a registration is waiting. The message names the group and its province, never its
    contact: e-mail is copied and forwarded, so personal data stay in the admin."""
    recipients = reviewers()
    if not recipients:
        return 0
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    link = base + reverse("network_review", args=[registration.pk])
    with override(settings.LANGUAGE_CODE):
        subject = _("New network registration: %(name)s") % {"name": registration.name}
        body = _(
            "A group has asked to join the replication network.\n\nGroup: %(name)s\nProvince: %(province)s\n\n"
            "Review it in the admin: %(link)s"
        ) % {"name": registration.name, "province": registration.province_name(settings.LANGUAGE_CODE), "link": link}
    return send_mail(subject, body, None, recipients)


def confirm_to_group(registration, withdraw_url):
    """Tell the group, at its contact e-mail if it gave one, that the registration arrived, with its private
    link to withdraw. Returns the number of messages sent (0 without an e-mail)."""
    if not registration.contact_email:
        return 0
    with override(registration.language):
        subject = _("Your registration in the replication network: %(name)s") % {"name": registration.name}
        body = _(
            "Thank you for registering %(name)s. Staff will check the registration and may contact you.\n\n"
            "To withdraw at any time, and have your contact details deleted, open this private link:\n%(link)s"
        ) % {"name": registration.name, "link": withdraw_url}
    return send_mail(subject, body, None, [registration.contact_email])


@transaction.atomic
def submit(form, language, withdraw_url=None):
    """Save a valid join form as a new registration waiting for review, and log it."""
    data = form.cleaned_data
    registration = Registration.objects.create(
        name=data["name"],
        kind=data["kind"],
        province_code=data["province"],
        district_code=data["district"],
        fund_start=data["fund_start"],
        existing_capital=data["existing_capital"],
        self_check_link=data["self_check_link"],
        planner_link=data["planner_link"],
        contact_name=data["contact_name"],
        contact_phone=data["contact_phone"],
        contact_line_id=data["contact_line_id"],
        contact_email=data["contact_email"],
        consent_given_at=timezone.now(),
        consent_version=form.consent_version,
        language=language,
    )
    registration.target_groups.set(form.source_target_groups())
    log(registration, SUBMIT)
    transaction.on_commit(lambda: notify_staff(registration))
    if withdraw_url is not None:
        link = withdraw_url(registration)
        transaction.on_commit(lambda: confirm_to_group(registration, link))
    return registration


@transaction.atomic
def decide(registration, decision, user, reason=""):
    """Approve, ask for more or reject ``registration``; asking and rejecting need a reason, kept and logged."""
    if decision not in DECISIONS:
        raise DecisionError(f"unknown decision {decision!r}")
    reason = (reason or "").strip()
    if decision in NEEDS_REASON and not reason:
        raise DecisionError("a reason is needed")
    if registration.status == Status.WITHDRAWN:
        raise DecisionError("the group has withdrawn")
    before = registration.status
    registration.status = DECISIONS[decision]
    registration.reason = reason
    if registration.status == Status.APPROVED and registration.approved_at is None:
        registration.approved_at = timezone.now()
    registration.save(update_fields=["status", "reason", "approved_at", "updated_at"])
    log(registration, decision, user=user, data={"from": before, "to": registration.status, "reason": reason})
    return registration


@transaction.atomic
def withdraw(registration, user=None):
    """The group leaves: its contact data are deleted and it is no longer listed; what was public stays on record."""
    registration.status = Status.WITHDRAWN
    registration.forget_contact()
    registration.withdrawal_token = new_token()  # the link works once
    registration.save()
    log(registration, WITHDRAW, user=user)
    return registration
