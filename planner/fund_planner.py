"""Month-by-month projection of a community revolving fund, in exact baht and satang.

A plain module (no Django): ``simulate_revolving_fund(params) -> Plan``.

Assumptions, applied in this order every month (month 1 starts with the starting capital in cash):

1. **Savings**: every member pays ``monthly_savings`` into the fund's cash.
2. **Repayments**: each loan is repaid in ``loan_term_months`` equal principal instalments (rounded to
   satang; the last instalment takes the remainder), starting the month after it was issued. Only
   ``repayment_rate`` % of each instalment due is collected. The part not collected is **written off
   as a default at once** (no arrears are carried and nothing written off is recovered later), so a
   loan always leaves the books at the end of its term.
3. **Fees**: a monthly service fee/interest of ``fee_rate`` % is charged on each loan that is being
   repaid: on the amount lent (``flat``) or on the principal still owed before this month's instalment
   (``declining``). Only ``repayment_rate`` % of the fee due is collected; uncollected fees are never
   counted as income.
4. **Learning/social fund**: ``learning_share`` % of the month's surplus (fees earned minus defaults
   written off, when positive) leaves the fund's cash for learning and social activities.
5. **New loans** are issued at the end of the month, after everything above, in whole loans of
   ``loan_size``, only from cash on hand, and to members without a loan (one loan per member at a
   time). No loan is issued that cash cannot cover, so cash never goes negative.

Every amount is rounded to satang (0.01 baht, half up) when it is computed; defaults are the exact
difference between what was due and what was collected, so no satang is lost to rounding and the fund
balances every month:

    cash + loans outstanding = capital + savings + fees − defaults − learning fund
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

SATANG = Decimal("0.01")
HUNDRED = Decimal(100)
FLAT = "flat"
DECLINING = "declining"
FEE_METHODS = (FLAT, DECLINING)
MAX_MONTHS = 60


def to_satang(amount: Decimal) -> Decimal:
    """Round an amount of baht to satang, half up (as a cashier would)."""
    return Decimal(amount).quantize(SATANG, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class FundParams:
    """What the reader assumes about their fund; money in baht, rates in per cent."""

    starting_capital: Decimal
    members: int
    monthly_savings: Decimal
    loan_size: Decimal
    loan_term_months: int
    fee_rate: Decimal
    fee_method: str
    repayment_rate: Decimal
    learning_share: Decimal
    months: int

    def __post_init__(self):
        checks = [
            (self.starting_capital >= 0, "starting_capital must not be negative"),
            (self.members >= 0, "members must not be negative"),
            (self.monthly_savings >= 0, "monthly_savings must not be negative"),
            (to_satang(self.loan_size) > 0, "loan_size must be at least 0.01"),
            (self.loan_term_months >= 1, "loan_term_months must be at least 1"),
            (self.fee_rate >= 0, "fee_rate must not be negative"),
            (self.fee_method in FEE_METHODS, "fee_method must be 'flat' or 'declining'"),
            (0 <= self.repayment_rate <= HUNDRED, "repayment_rate must be 0-100"),
            (0 <= self.learning_share <= HUNDRED, "learning_share must be 0-100"),
            (1 <= self.months <= MAX_MONTHS, f"months must be 1-{MAX_MONTHS}"),
        ]
        problems = [message for ok, message in checks if not ok]
        if problems:
            raise ValueError("; ".join(problems))


@dataclass(frozen=True)
class Month:
    """One month of the plan; amounts are the month's flows, except the three balances at its end."""

    month: int
    savings: Decimal
    repayments: Decimal
    fees: Decimal
    defaults: Decimal
    learning: Decimal
    new_loans: int
    new_loans_amount: Decimal
    loans_active: int
    cash: Decimal
    loans_outstanding: Decimal
    learning_total: Decimal


@dataclass(frozen=True)
class Plan:
    """The month-by-month projection and its totals."""

    params: FundParams
    months: list[Month] = field(default_factory=list)

    def _total(self, name):
        return sum((getattr(m, name) for m in self.months), Decimal("0.00"))

    @property
    def total_savings(self) -> Decimal:
        return self._total("savings")

    @property
    def total_fees(self) -> Decimal:
        return self._total("fees")

    @property
    def total_defaults(self) -> Decimal:
        return self._total("defaults")

    @property
    def total_learning(self) -> Decimal:
        return self._total("learning")

    @property
    def total_repayments(self) -> Decimal:
        return self._total("repayments")

    @property
    def total_loans_issued(self) -> int:
        return sum(m.new_loans for m in self.months)

    @property
    def total_lent(self) -> Decimal:
        return self._total("new_loans_amount")

    @property
    def final(self) -> Month:
        return self.months[-1]

    @property
    def fund_value(self) -> Decimal:
        """What the fund holds at the end: cash plus loans still owed to it."""
        return self.final.cash + self.final.loans_outstanding

    @property
    def money_put_in(self) -> Decimal:
        """Starting capital plus all members' savings over the plan."""
        return self.params.starting_capital + self.total_savings


@dataclass
class _Cohort:
    """Loans issued in the same month: identical, so they are tracked together."""

    count: int
    principal: Decimal
    owed: Decimal  # per loan, still to be repaid
    instalments_left: int


def _instalment(cohort: _Cohort, term: int) -> Decimal:
    if cohort.instalments_left == 1:
        return cohort.owed
    return min(to_satang(cohort.principal / term), cohort.owed)


def simulate_revolving_fund(params: FundParams) -> Plan:
    """Project the fund month by month under ``params`` (see the module docstring for the rules)."""
    rate = params.fee_rate / HUNDRED
    repaid_share = params.repayment_rate / HUNDRED
    learning_share = params.learning_share / HUNDRED
    loan = to_satang(params.loan_size)
    cash = to_satang(params.starting_capital)
    cohorts: list[_Cohort] = []
    learning_total = Decimal("0.00")
    months = []

    for number in range(1, params.months + 1):
        savings = to_satang(params.members * params.monthly_savings)
        cash += savings

        repayments = fees = defaults = Decimal("0.00")
        for cohort in cohorts:
            principal_due = _instalment(cohort, params.loan_term_months) * cohort.count
            base = cohort.principal if params.fee_method == FLAT else cohort.owed
            fee_due = to_satang(base * rate) * cohort.count
            collected = to_satang(principal_due * repaid_share)
            repayments += collected
            defaults += principal_due - collected
            fees += to_satang(fee_due * repaid_share)
            cohort.owed -= principal_due / cohort.count
            cohort.instalments_left -= 1
        cohorts = [c for c in cohorts if c.instalments_left > 0]
        cash += repayments + fees

        surplus = fees - defaults
        learning = to_satang(surplus * learning_share) if surplus > 0 else Decimal("0.00")
        cash -= learning
        learning_total += learning

        borrowers = sum(c.count for c in cohorts)
        new_loans = min(int(cash // loan), params.members - borrowers)
        new_amount = loan * new_loans
        if new_loans > 0:
            cash -= new_amount
            cohorts.append(_Cohort(new_loans, loan, loan, params.loan_term_months))

        months.append(
            Month(
                month=number,
                savings=savings,
                repayments=repayments,
                fees=fees,
                defaults=defaults,
                learning=learning,
                new_loans=new_loans,
                new_loans_amount=new_amount,
                loans_active=sum(c.count for c in cohorts),
                cash=cash,
                loans_outstanding=sum((c.owed * c.count for c in cohorts), Decimal("0.00")),
                learning_total=learning_total,
            )
        )
    return Plan(params=params, months=months)
