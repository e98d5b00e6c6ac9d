"""A group that takes up the model and joins the replication network, and the join form's rate-limit counts.

What the public may see of a group (``PUBLIC_FIELDS``: name, kind, province, district, when its fund starts) is
kept apart from its contact (``CONTACT_FIELDS``), which only staff see and which withdrawal deletes. Every public
surface lists groups through ``Registration.objects.public()`` and nothing else.
"""

import datetime
import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casestudies.models import OrganisationKind, Region, TargetGroup

from . import places

PUBLIC_FIELDS = ("name", "kind", "province_code", "district_code", "fund_start")
CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_line_id", "contact_email")


REPORT_LINK_DAYS = 120


def new_token():
    return secrets.token_urlsafe(32)


def token_hash(token):
    """What is stored of a report link's token: its SHA-256 (the token is 256 random bits, so a plain hash is
    enough; a leaked database gives no working link)."""
    return hashlib.sha256(token.encode()).hexdigest()


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    NEEDS_INFO = "needs_info", _("Needs more information")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RegistrationQuerySet(models.QuerySet):
    def public(self):
        """The one rule for what the public sees: approved groups only (never submitted, rejected or withdrawn)."""
        return self.filter(status=Status.APPROVED)

    def with_report_token(self, token):
        """The public group whose report link carries ``token`` and has not expired, or ``None``."""
        if not token or len(token) > 100:
            return None
        return self.public().filter(report_token_hash=token_hash(token), report_link_expires__gt=timezone.now()).first()

    def in_region(self, region):
        return self.filter(province_code__in=places.province_codes_in(region))


class Registration(models.Model):
    """A community group that registers to replicate the model: what it is, where, and whom staff can contact."""

    name = models.CharField(_("group name"), max_length=150, help_text=_("The group's name, as it is known locally."))
    kind = models.CharField(
        _("kind of group"),
        max_length=30,
        choices=OrganisationKind.choices,
        help_text=_("What kind of group it is."),
    )
    province_code = models.CharField(_("province"), max_length=2, help_text=_("The province's code (DOPA)."))
    district_code = models.CharField(_("district"), max_length=4, help_text=_("The district's code (DOPA)."))
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("who takes part"),
        blank=True,
        related_name="+",
        help_text=_("The groups of people the fund works with."),
    )
    fund_start = models.DateField(
        _("fund start"), help_text=_("When the fund started or will start (the first day of that month).")
    )
    existing_capital = models.TextField(
        _("what the group already has"),
        max_length=1000,
        blank=True,
        help_text=_("Its existing capital: savings, a fund, tools, a place to meet ..."),
    )
    self_check_link = models.URLField(_("self-check result link"), max_length=1000, blank=True)
    planner_link = models.URLField(_("planner link"), max_length=1000, blank=True)

    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=20, blank=True)
    contact_line_id = models.CharField(_("LINE ID"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail"), max_length=254, blank=True)

    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    language = models.CharField(_("language of the form"), max_length=5, default="th")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    reason = models.TextField(
        _("reason"), max_length=2000, blank=True, help_text=_("Why it was rejected, or what more is needed.")
    )
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("A made-up group for the demo, labelled as such.")
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    withdrawal_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    report_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    report_link_expires = models.DateTimeField(_("report link expires"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    # Saves come from public requests (the join form): the public pages change only when what is public changes,
    # and ``network.signals`` purges the caches then.
    purges_page_cache = False

    class Meta:
        verbose_name = _("network registration")
        verbose_name_plural = _("network registrations")
        ordering = ["-created_at"]
        permissions = [("export_registration", _("Can export network registrations with their contacts"))]
        indexes = [models.Index(fields=["status", "province_code"])]

    def __str__(self):
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    def was_public(self):
        return getattr(self, "_loaded_status", None) == Status.APPROVED

    def region(self):
        return places.region_of(self.province_code)

    def region_label(self):
        return Region(self.region()).label if self.region() else ""

    def province_name(self, language):
        return places.province_name(self.province_code, language)

    @staticmethod
    def province_label(province_code, language):
        """A province's name by its code (for rows read without the model, e.g. a group's figures)."""
        return places.province_name(province_code, language)

    def district_name(self, language):
        return places.district_name(self.district_code, language)

    def new_report_token(self, days=REPORT_LINK_DAYS):
        """Give the group a new private report link (the old one stops working); returns the token, which is
        shown once and never stored."""
        token = new_token()
        self.report_token_hash = token_hash(token)
        self.report_link_expires = timezone.now() + datetime.timedelta(days=days)
        return token

    def has_contact(self):
        return any(getattr(self, name) for name in CONTACT_FIELDS)

    def forget_contact(self):
        """Delete the contact data (withdrawal, retention): only what was public stays."""
        for name in CONTACT_FIELDS:
            setattr(self, name, "")


class JoinAttempt(models.Model):
    """One counted submission of the join form, by a keyed hash of the sender's address (not the address):
    the per-address rate limit, shared by every process through the database."""

    address_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    purges_page_cache = False

    class Meta:
        verbose_name = _("join attempt")
        verbose_name_plural = _("join attempts")

    def __str__(self):
        return f"{self.address_hash[:8]} {self.at:%Y-%m-%d %H:%M}"
