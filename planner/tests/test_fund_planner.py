"""The revolving-fund projection: hand-worked plans, invariants (hypothesis) and edge cases."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.fund_planner import DECLINING, FLAT, FundParams, simulate_revolving_fund, to_satang


def params(**overrides):
    values = dict(
        starting_capital=D("50000"),
        members=20,
        monthly_savings=D("100"),
        loan_size=D("5000"),
        loan_term_months=10,
        fee_rate=D("1"),
        fee_method=FLAT,
        repayment_rate=D("95"),
        learning_share=D("30"),
        months=24,
    )
    values.update(overrides)
    return FundParams(**values)


def test_three_month_flat_plan_checked_by_hand():
    # Capital 10,000; 3 members save 100 a month; loans of 3,000 over 2 months; 1 % a month flat;
    # everyone repays; half of the surplus goes to learning.
    plan = simulate_revolving_fund(
        params(
            starting_capital=D("10000"),
            members=3,
            monthly_savings=D("100"),
            loan_size=D("3000"),
            loan_term_months=2,
            fee_rate=D("1"),
            repayment_rate=D("100"),
            learning_share=D("50"),
            months=3,
        )
    )
    m1, m2, m3 = plan.months
    # Month 1: cash 10,000 + savings 3 × 100 = 10,300. Nothing to repay yet. 10,300 // 3,000 = 3 loans
    # and 3 members are free, so 3 loans (9,000) go out at the end: cash 1,300, owed 9,000.
    assert (m1.savings, m1.repayments, m1.fees, m1.learning) == (D("300"), 0, 0, 0)
    assert (m1.new_loans, m1.new_loans_amount, m1.cash, m1.loans_outstanding) == (3, D("9000"), D("1300"), D("9000"))
    # Month 2: cash 1,300 + 300 = 1,600; instalments 3 × 1,500 = 4,500 and fees 3 × 1 % × 3,000 = 90
    # -> 6,190. Surplus 90 (no defaults), half = 45 to learning -> 6,145. All 3 members still owe:
    # no new loan. Owed 9,000 − 4,500 = 4,500.
    assert (m2.repayments, m2.fees, m2.defaults, m2.learning) == (D("4500"), D("90"), 0, D("45"))
    assert (m2.new_loans, m2.cash, m2.loans_outstanding) == (0, D("6145"), D("4500"))
    # Month 3: 6,145 + 300 + last instalments 4,500 + fees 90 = 11,035; learning 45 -> 10,990.
    # The loans are paid off, so 3 new loans (9,000): cash 1,990, owed 9,000, learning so far 90.
    assert (m3.repayments, m3.fees, m3.learning, m3.learning_total) == (D("4500"), D("90"), D("45"), D("90"))
    assert (m3.new_loans, m3.cash, m3.loans_outstanding) == (3, D("1990"), D("9000"))
    # Check: 10,000 + 900 savings + 180 fees − 0 defaults − 90 learning = 10,990 = 1,990 + 9,000.
    assert plan.fund_value == D("10990")


def test_three_month_declining_plan_with_defaults_checked_by_hand():
    # Capital 2,000; 1 member, no savings; one loan of 1,000 over 2 months at 2 % a month on the
    # declining balance; 80 % of what is due comes in; nothing to learning.
    plan = simulate_revolving_fund(
        params(
            starting_capital=D("2000"),
            members=1,
            monthly_savings=D("0"),
            loan_size=D("1000"),
            loan_term_months=2,
            fee_rate=D("2"),
            fee_method=DECLINING,
            repayment_rate=D("80"),
            learning_share=D("0"),
            months=3,
        )
    )
    m1, m2, m3 = plan.months
    # Month 1: 2,000 would cover 2 loans, but there is only one member: 1 loan, cash 1,000.
    assert (m1.new_loans, m1.cash, m1.loans_outstanding) == (1, D("1000"), D("1000"))
    # Month 2: instalment 500, fee 2 % × 1,000 = 20. 80 % comes in: 400 + 16; 100 is written off.
    # Cash 1,416; owed 500 (the written-off 100 leaves the books). Surplus 16 − 100 < 0: no learning.
    assert (m2.repayments, m2.fees, m2.defaults, m2.learning) == (D("400"), D("16"), D("100"), 0)
    assert (m2.cash, m2.loans_outstanding, m2.new_loans) == (D("1416"), D("500"), 0)
    # Month 3: instalment 500, fee 2 % × 500 = 10 (declining). 400 + 8 in, 100 written off: 1,824.
    # The loan is closed, so the member borrows again: cash 824, owed 1,000.
    assert (m3.repayments, m3.fees, m3.defaults) == (D("400"), D("8"), D("100"))
    assert (m3.cash, m3.loans_outstanding, m3.new_loans) == (D("824"), D("1000"), 1)
    # Check: 2,000 + 0 + 24 fees − 200 defaults − 0 = 1,824 = 824 + 1,000.
    assert plan.total_defaults == D("200") and plan.fund_value == D("1824")


def test_flat_fee_earns_more_than_declining_on_the_same_loans():
    flat = simulate_revolving_fund(params(fee_method=FLAT))
    declining = simulate_revolving_fund(params(fee_method=DECLINING))
    assert flat.total_fees > declining.total_fees > 0


money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
percent = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
fund_params = st.builds(
    FundParams,
    starting_capital=money,
    members=st.integers(min_value=0, max_value=300),
    monthly_savings=st.decimals(min_value=0, max_value=5000, places=2),
    loan_size=st.decimals(min_value="0.01", max_value=10**6, places=2),
    loan_term_months=st.integers(min_value=1, max_value=60),
    fee_rate=st.decimals(min_value=0, max_value=10, places=2),
    fee_method=st.sampled_from([FLAT, DECLINING]),
    repayment_rate=percent,
    learning_share=percent,
    months=st.integers(min_value=1, max_value=60),
)


@settings(max_examples=150, deadline=None)
@given(fund_params)
def test_money_is_conserved_and_cash_never_negative(p):
    plan = simulate_revolving_fund(p)
    assert len(plan.months) == p.months
    savings = fees = defaults = learning = D(0)
    cash_before = to_satang(p.starting_capital)
    for m in plan.months:
        savings += m.savings
        fees += m.fees
        defaults += m.defaults
        learning += m.learning
        assert m.cash + m.loans_outstanding == p.starting_capital + savings + fees - defaults - learning
        assert m.cash >= 0
        assert m.loans_outstanding >= 0
        assert min(m.savings, m.repayments, m.fees, m.defaults, m.learning) >= 0
        # No loan without the cash for it: what went out is at most what was there before lending.
        cash_before_lending = m.cash + m.new_loans_amount
        assert m.new_loans_amount <= cash_before_lending
        assert m.new_loans_amount == m.new_loans * to_satang(p.loan_size)
        assert m.loans_active <= p.members
        # Every amount is whole satang.
        for value in (m.cash, m.loans_outstanding, m.fees, m.defaults, m.learning, m.repayments):
            assert value == value.quantize(D("0.01"))
        assert cash_before + m.savings + m.repayments + m.fees - m.learning == cash_before_lending
        cash_before = m.cash
    assert learning == plan.final.learning_total


@settings(max_examples=60, deadline=None)
@given(fund_params)
def test_full_repayment_writes_nothing_off_and_zero_repayment_earns_nothing(p):
    full = simulate_revolving_fund(FundParams(**{**p.__dict__, "repayment_rate": D(100)}))
    assert full.total_defaults == 0
    none = simulate_revolving_fund(FundParams(**{**p.__dict__, "repayment_rate": D(0)}))
    assert none.total_repayments == 0 and none.total_fees == 0 and none.total_learning == 0
    assert none.total_defaults == none.total_lent - none.final.loans_outstanding


def test_no_members_means_no_savings_and_no_loans():
    plan = simulate_revolving_fund(params(members=0))
    assert plan.total_savings == 0 and plan.total_loans_issued == 0
    assert all(m.cash == D("50000") for m in plan.months)


def test_zero_repayment_loses_every_loan_once_it_falls_due():
    plan = simulate_revolving_fund(params(repayment_rate=D(0), months=12))
    assert plan.total_fees == 0 and plan.total_learning == 0
    # Lent in month 1, written off over months 2-11: what is left is capital + savings − write-offs.
    assert plan.fund_value == D("50000") + plan.total_savings - plan.total_defaults
    assert plan.total_defaults > 0


def test_full_repayment_grows_the_fund_by_savings_and_fees_less_learning():
    plan = simulate_revolving_fund(params(repayment_rate=D(100)))
    assert plan.total_defaults == 0
    assert plan.fund_value == D("50000") + plan.total_savings + plan.total_fees - plan.total_learning
    # 30 % of each month's fees, each rounded to satang: at most half a satang off per month.
    assert abs(plan.total_learning - plan.total_fees * D("0.3")) <= D("0.005") * len(plan.months)


def test_sixty_months_is_the_longest_plan():
    plan = simulate_revolving_fund(params(months=60))
    assert len(plan.months) == 60 and plan.final.month == 60
    with pytest.raises(ValueError, match="months"):
        params(months=61)


@pytest.mark.parametrize(
    "bad",
    [
        {"starting_capital": D(-1)},
        {"members": -1},
        {"loan_size": D(0)},
        {"loan_term_months": 0},
        {"repayment_rate": D(101)},
        {"learning_share": D(-1)},
        {"fee_method": "compound"},
        {"months": 0},
    ],
)
def test_impossible_parameters_are_refused(bad):
    with pytest.raises(ValueError):
        params(**bad)
