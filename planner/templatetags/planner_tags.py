"""The planner's month-by-month table rows, built in Python: one row per month, ten cells each, went through
the template engine node by node and cost more than the rest of the page."""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.templatetags.number_tags import number

register = template.Library()

ROW = (
    "<tr>\n"
    '            <th scope="row">{}</th>\n'
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "          </tr>"
)


def new_loans_cell(month):
    """``3 (15,000.00)``: the loans issued this month and their amount, or ``0``."""
    if not month.new_loans:
        return "0"
    return f"{localize(month.new_loans)} ({number(month.new_loans_amount)})"


@register.simple_tag
def month_rows(months):
    """The table's ``<tr>`` rows, as the template wrote them: month, then the amounts with ``|number``."""
    return mark_safe(  # noqa: S308 - every value goes through format_html's escaping
        "".join(
            format_html(
                ROW,
                localize(m.month),
                number(m.savings),
                number(m.repayments),
                number(m.fees),
                number(m.defaults),
                number(m.learning),
                new_loans_cell(m),
                number(m.loans_outstanding),
                number(m.cash),
                number(m.learning_total),
            )
            for m in months
        )
    )
