"""The planner's form fields and month-by-month table rows, built in Python: one row per month, ten cells each,
went through the template engine node by node and cost more than the rest of the page; the nine fields, each an
``{% include %}`` of its own, cost a tenth of the page (issue 18)."""

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


FIELD = (
    '<div class="tool-field{error_class}">\n'
    '  <label for="{id}">{label}</label>\n'
    "  {help}{errors}"
    '<input type="text" name="{name}" id="{id}" value="{value}" inputmode="{inputmode}" autocomplete="off"{invalid}'
    ' aria-describedby="{describedby}">\n'
    "</div>"
)


@register.simple_tag
def planner_field(field):
    """One labelled text input of the form, with its help text and errors tied to it (``aria-describedby``)."""
    field_id = field.auto_id
    help_html = (
        format_html('<p class="tool-field__help" id="{}-help">{}</p>\n  ', field_id, field.help_text)
        if field.help_text
        else ""
    )
    errors = field.errors
    errors_html = (
        format_html(
            '<p class="tool-field__error" id="{}-error">{}</p>\n  ',
            field_id,
            mark_safe("".join(format_html("{} ", error) for error in errors)),  # noqa: S308 - each error escaped
        )
        if errors
        else ""
    )
    describedby = (f"{field_id}-error " if errors else "") + (f"{field_id}-help" if field.help_text else "")
    value = field.value()
    return format_html(
        FIELD,
        error_class=" tool-field--error" if errors else "",
        id=field_id,
        label=field.label,
        help=help_html,
        errors=errors_html,
        name=field.html_name,
        value="" if value is None else value,
        inputmode=field.field.widget.attrs.get("inputmode", ""),
        invalid=mark_safe(' aria-invalid="true"') if errors else "",
        describedby=describedby,
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
