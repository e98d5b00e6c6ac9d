"""The join form: every field limited in size, HTML stripped, Thai digits and Buddhist-Era years accepted, a
honeypot, and the self-check and planner links checked to be this site's own."""

import datetime
import re
from urllib.parse import urlsplit

from django import forms
from django.core.validators import EmailValidator
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language_from_path, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from casestudies.models import OrganisationKind, TargetGroup
from home.numbers import THAI_DIGITS

from . import places

CONSENT_VERSION = "2026-11"
BUDDHIST_ERA_OFFSET = 543
HONEYPOT = "website"

MONTHS = [
    (1, pgettext_lazy("month", "January")),
    (2, pgettext_lazy("month", "February")),
    (3, pgettext_lazy("month", "March")),
    (4, pgettext_lazy("month", "April")),
    (5, pgettext_lazy("month", "May")),
    (6, pgettext_lazy("month", "June")),
    (7, pgettext_lazy("month", "July")),
    (8, pgettext_lazy("month", "August")),
    (9, pgettext_lazy("month", "September")),
    (10, pgettext_lazy("month", "October")),
    (11, pgettext_lazy("month", "November")),
    (12, pgettext_lazy("month", "December")),
]

PHONE = re.compile(r"^\+?[0-9][0-9 -]{7,18}[0-9]$")
LINE_ID = re.compile(r"^@?[A-Za-z0-9._-]{1,40}$")
# Control characters other than tab and line breaks.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value):
    """Text as kept: no HTML tags, no control characters, no surrounding space."""
    return CONTROL.sub("", strip_tags(value or "")).strip()


def year_from_reader(year):
    """A year as typed: Buddhist Era (2543 and later) or Common Era, returned CE."""
    return year - BUDDHIST_ERA_OFFSET if year >= 2400 else year


def site_tool_path(link, host, url_name):
    """The path and query of ``link`` if it is this site's page ``url_name`` (``toolkit_self_check`` or
    ``toolkit_planner``) in either language, else ``None``. Links to another host are refused."""
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc.lower() != host.lower()):
        return None
    if not parts.netloc and parts.scheme:
        return None
    path = parts.path or "/"
    language = get_language_from_path(path)
    if language is None:
        return None
    try:
        with override(language):  # i18n_patterns resolve only the active language's prefix
            match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != url_name:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class PlainCharField(forms.CharField):
    """A text field whose value is kept without HTML; an entry that was only tags counts as empty."""

    def to_python(self, value):
        return plain_text(super().to_python(value))


class JoinForm(forms.Form):
    consent_version = CONSENT_VERSION

    name = PlainCharField(label=_("Name of the group"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind of group"), choices=[("", _("Choose a kind"))] + OrganisationKind.choices)
    province = forms.ChoiceField(label=_("Province"))
    district = forms.ChoiceField(
        label=_("District"), help_text=_("Choose the province first; the list shows its districts.")
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Who takes part"),
        queryset=TargetGroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    fund_start_month = forms.TypedChoiceField(
        label=_("Month"), choices=[("", _("Choose a month"))] + MONTHS, coerce=int
    )
    fund_start_year = forms.CharField(
        label=_("Year"), max_length=4, help_text=_("Buddhist Era (e.g. 2568) or Common Era (e.g. 2025).")
    )
    existing_capital = PlainCharField(
        label=_("What the group already has"),
        help_text=_("Its existing capital: savings, a fund, tools, a place to meet."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    self_check_link = forms.CharField(
        label=_("Link to your self-check result"),
        help_text=_("The share link from the readiness self-check on this site."),
        max_length=1000,
        required=False,
    )
    planner_link = forms.CharField(
        label=_("Link to your fund plan"),
        help_text=_("The share link from the revolving-fund planner on this site."),
        max_length=1000,
        required=False,
    )
    contact_name = PlainCharField(label=_("Contact person"), max_length=120)
    contact_phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    contact_line_id = forms.CharField(label=_("LINE ID"), max_length=40, required=False)
    contact_email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    consent = forms.BooleanField(label=_("I agree to the use of this information as described above."))
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, language="th", host="", **kwargs):
        super().__init__(*args, **kwargs)
        self.language, self.host = language, host
        self.fields["province"].choices = [("", _("Choose a province"))] + list(places.province_choices(language))
        province = (self.data if self.is_bound else self.initial).get("province")
        districts = places.district_choices(province, language) if province else ()
        self.fields["district"].choices = [("", _("Choose a district"))] + list(districts)
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(locale__language_code=language).order_by(
            "name"
        )

    def clean_fund_start_year(self):
        text = self.cleaned_data["fund_start_year"].translate(THAI_DIGITS).strip()
        if not text.isdigit():
            raise forms.ValidationError(_("Please enter a year in digits, for example 2568."))
        year = year_from_reader(int(text))
        this_year = timezone.localdate().year
        if not 1990 <= year <= this_year + 5:
            raise forms.ValidationError(_("Please enter a year between 2533 and five years from now."))
        return year

    def _tool_link(self, field, url_name):
        link = CONTROL.sub("", self.cleaned_data[field]).strip()
        if not link:
            return ""
        path = site_tool_path(link, self.host, url_name)
        if path is None:
            raise forms.ValidationError(_("Please paste the share link from this site's page, or leave it empty."))
        return path

    def clean_self_check_link(self):
        return self._tool_link("self_check_link", "toolkit_self_check")

    def clean_planner_link(self):
        return self._tool_link("planner_link", "toolkit_planner")

    def clean_contact_phone(self):
        phone = plain_text(self.cleaned_data["contact_phone"]).translate(THAI_DIGITS)
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Please enter a phone number in digits, for example 081 234 5678."))
        return phone

    def clean_contact_line_id(self):
        line_id = plain_text(self.cleaned_data["contact_line_id"])
        if line_id and not LINE_ID.match(line_id):
            raise forms.ValidationError(_("A LINE ID has only Latin letters, digits, dots, dashes and underscores."))
        return line_id

    def clean_contact_email(self):
        email = plain_text(self.cleaned_data["contact_email"])
        if email:
            EmailValidator(message=_("Please enter an e-mail address such as name@example.org."))(email)
        return email

    def clean_website(self):
        if self.cleaned_data[HONEYPOT]:
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        province, district = cleaned.get("province"), cleaned.get("district")
        if province and district and not places.is_district_of(district, province):
            self.add_error("district", _("This district is not in the province you chose."))
        if not any(cleaned.get(name) for name in ("contact_phone", "contact_line_id", "contact_email")):
            if "contact_phone" not in self.errors:
                self.add_error(
                    "contact_phone", _("Please give at least one way to reach you: phone, LINE ID or e-mail.")
                )
        year, month = cleaned.get("fund_start_year"), cleaned.get("fund_start_month")
        if year and month:
            cleaned["fund_start"] = datetime.date(year, month, 1)
        return cleaned

    def tripped_honeypot(self):
        return bool(self.is_bound and (self.data.get(HONEYPOT) or "").strip())

    def source_target_groups(self):
        """The chosen target groups as their source-language (Thai) terms, one set whatever the form's language."""
        chosen = self.cleaned_data.get("target_groups") or []
        default = Locale.get_default()
        return TargetGroup.objects.filter(
            translation_key__in=[group.translation_key for group in chosen], locale=default
        )
