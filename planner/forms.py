"""The planner's form: every field validated with a message a reader understands, Thai digits accepted."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from home.numbers import normalise_number

from .fund_planner import DECLINING, FLAT, MAX_MONTHS, FundParams

# The worked example shown before the reader changes anything (illustrative, not a real fund).
DEFAULTS = {
    "capital": "50000",
    "members": "20",
    "savings": "100",
    "loan_size": "5000",
    "term": "10",
    "fee_rate": "1",
    "fee_method": FLAT,
    "repayment": "95",
    "learning_share": "30",
    "months": "24",
}

MESSAGES = {
    "required": _("Please enter a number here."),
    "invalid": _("Please use digits only, for example 5000 (Thai digits ๐-๙ are fine too)."),
    "max_decimal_places": _("Please use at most 2 digits after the decimal point."),
    "max_digits": _("This number is too long."),
    "max_whole_digits": _("This number is too long."),
}


class _ReaderNumberMixin:
    """Accept what people type: Thai digits, thousands separators, a ฿ sign or a % sign."""

    def to_python(self, value):
        if isinstance(value, str):
            value = normalise_number(value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        # A text input (type=number refuses Thai digits), so no min/max/step attributes.
        return {}


class AmountField(_ReaderNumberMixin, forms.DecimalField):
    def __init__(self, *, min_value, max_value, min_message=None, max_message=None, **kwargs):
        messages = {
            **MESSAGES,
            "min_value": min_message or _("This cannot be negative."),
            "max_value": max_message,
        }
        super().__init__(
            min_value=Decimal(min_value),
            max_value=Decimal(max_value),
            decimal_places=2,
            max_digits=14,
            error_messages=messages,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **kwargs,
        )


class CountField(_ReaderNumberMixin, forms.IntegerField):
    def __init__(self, *, min_value, max_value, min_message, max_message, **kwargs):
        messages = {
            **MESSAGES,
            "invalid": _("Please enter a whole number, for example 20 (or ๒๐)."),
            "min_value": min_message,
            "max_value": max_message,
        }
        super().__init__(
            min_value=min_value,
            max_value=max_value,
            error_messages=messages,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            **kwargs,
        )


class PlannerForm(forms.Form):
    """The reader's assumptions about their revolving fund."""

    capital = AmountField(
        label=_("Starting capital (baht)"),
        help_text=_("Money the fund starts with, e.g. from a grant or an existing group fund."),
        min_value=0,
        max_value=10**9,
        max_message=_("Please enter at most 1,000,000,000 baht."),
    )
    members = CountField(
        label=_("Members"),
        help_text=_("People who save in the fund and may borrow from it (one loan each at a time)."),
        min_value=0,
        max_value=100_000,
        min_message=_("This cannot be negative."),
        max_message=_("Please enter at most 100,000 members."),
    )
    savings = AmountField(
        label=_("Monthly savings per member (baht)"),
        min_value=0,
        max_value=100_000,
        max_message=_("Please enter at most 100,000 baht a month."),
    )
    loan_size = AmountField(
        label=_("Loan size (baht)"),
        help_text=_("The amount of each loan."),
        min_value=1,
        max_value=10**8,
        min_message=_("A loan must be at least 1 baht."),
        max_message=_("Please enter at most 100,000,000 baht."),
    )
    term = CountField(
        label=_("Loan term (months)"),
        help_text=_("Loans are repaid in equal monthly instalments, starting the month after the loan."),
        min_value=1,
        max_value=MAX_MONTHS,
        min_message=_("A loan runs for at least 1 month."),
        max_message=_("Please enter at most 60 months."),
    )
    fee_rate = AmountField(
        label=_("Monthly service fee or interest (%)"),
        min_value=0,
        max_value=10,
        max_message=_("Please enter at most 10 per cent a month."),
    )
    fee_method = forms.ChoiceField(
        label=_("How the fee is charged"),
        choices=[
            (FLAT, _("Flat: on the amount lent, every month")),
            (DECLINING, _("Declining balance: on the amount still owed")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how the fee is charged."),
            "invalid_choice": _("Please choose how the fee is charged."),
        },
    )
    repayment = AmountField(
        label=_("Expected repayment rate (%)"),
        help_text=_("Share of each instalment that comes in; the rest is written off at once."),
        min_value=0,
        max_value=100,
        max_message=_("Please enter a share between 0 and 100."),
    )
    learning_share = AmountField(
        label=_("Share of surplus for the learning and social fund (%)"),
        help_text=_("Surplus is the month's fees earned minus loans written off."),
        min_value=0,
        max_value=100,
        max_message=_("Please enter a share between 0 and 100."),
    )
    months = CountField(
        label=_("Months to plan"),
        min_value=1,
        max_value=MAX_MONTHS,
        min_message=_("Please plan at least 1 month."),
        max_message=_("Please plan at most 60 months."),
    )

    def fund_params(self) -> FundParams:
        """The validated assumptions, ready for ``simulate_revolving_fund``."""
        data = self.cleaned_data
        return FundParams(
            starting_capital=data["capital"],
            members=data["members"],
            monthly_savings=data["savings"],
            loan_size=data["loan_size"],
            loan_term_months=data["term"],
            fee_rate=data["fee_rate"],
            fee_method=data["fee_method"],
            repayment_rate=data["repayment"],
            learning_share=data["learning_share"],
            months=data["months"],
        )


def planner_form(query) -> PlannerForm:
    """The form bound to the query string, or to the worked example when the query holds none of its fields."""
    if any(name in query for name in PlannerForm.base_fields):
        return PlannerForm(query)
    return PlannerForm(DEFAULTS)
