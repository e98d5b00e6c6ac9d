"""The network's form fields written in Python (issue 18): one pass per field instead of an ``{% include %}`` per
field that reads the bound field's properties again and again, a template loop over the 77 provinces comparing each
with the value, and four of Django's widget templates per checkbox. Same markup as before."""

from functools import lru_cache

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

CHECKED, NOTHING = mark_safe(" checked"), mark_safe("")


def _text(value):
    return "" if value is None else value


@lru_cache(maxsize=256)
def _options_html(choices):
    """The ``<option>`` elements of ``choices`` (``(value, label)`` strings), none selected: kept per process by their
    content, so the province and district lists (``network.places``) are escaped and joined once, not per request."""
    return format_html_join("", '<option value="{}">{}</option>', choices)


@register.filter
def options(choices, chosen):
    """The ``<option>`` elements of ``choices`` (``(value, label)`` pairs), the one whose value is ``chosen`` (as
    text) selected: ``{{ province_choices|options:filters.data.province }}``."""
    html = _options_html(tuple((str(value), str(label)) for value, label in choices))
    if chosen is None:
        return html
    selected = format_html('<option value="{}">', str(chosen))
    return mark_safe(html.replace(selected, f"{selected[:-1]} selected>", 1))  # noqa: S308 - both parts escaped


def select_options(field):
    """The ``<option>`` elements of a bound select ``field``, the one equal to its value selected."""
    return options(field.field.choices, field.value())


@register.filter
def checkbox_list(field, css_class):
    """A ``<label class="css_class">`` with its checkbox for each choice of a bound multiple-choice ``field``."""
    chosen = {str(value) for value in field.value() or ()}
    name, auto_id = field.html_name, field.auto_id
    return format_html_join(
        "",
        '<label class="{0}" for="{1}_{2}"><input type="checkbox" name="{3}" value="{4}" id="{1}_{2}"{5}> {6}</label>',
        (
            (css_class, auto_id, index, name, value, CHECKED if str(value) in chosen else NOTHING, label)
            for index, (value, label) in enumerate(field.field.choices)
        ),
    )


@register.simple_tag
def join_field(field, type="text", autocomplete="", inputmode="", select=False, textarea=False):  # noqa: A002
    """A labelled text input, textarea (``textarea=True``) or select (``select=True``) with its help and errors:
    ``aria-invalid`` and ``aria-describedby`` when it has them."""
    auto_id, errors, help_text = field.auto_id, field.errors, field.help_text
    optional = (
        format_html(' <span class="net-optional">({})</span>', gettext("optional")) if not field.field.required else ""
    )
    described = [f"{auto_id}-error"] if errors else []
    if help_text:
        described.append(f"{auto_id}-help")
    state = format_html(
        "{}{}",
        mark_safe(' aria-invalid="true"') if errors else "",
        format_html(' aria-describedby="{}"', " ".join(described)) if described else "",
    )
    if textarea:
        control = format_html(
            '<textarea name="{}" id="{}" rows="3" maxlength="{}"{}>{}</textarea>\n  ',
            field.html_name,
            auto_id,
            field.field.max_length,
            state,
            _text(field.value()),
        )
    elif select:
        control = format_html(
            '<select name="{}" id="{}"{}>{}</select>\n  ', field.html_name, auto_id, state, select_options(field)
        )
    else:
        control = format_html(
            '<input type="{}" name="{}" id="{}" value="{}" maxlength="{}"{}{}{}>',
            type or "text",
            field.html_name,
            auto_id,
            _text(field.value()),
            field.field.max_length,
            format_html(' autocomplete="{}"', autocomplete) if autocomplete else "",
            format_html(' inputmode="{}"', inputmode) if inputmode else "",
            state,
        )
    return format_html(
        '<div class="tool-field net-field{}">\n  <label for="{}">{}{}</label>\n  {}\n  {}\n  {}\n</div>\n',
        " tool-field--error" if errors else "",
        auto_id,
        field.label,
        optional,
        format_html('<p class="tool-field__help" id="{}-help">{}</p>', auto_id, help_text) if help_text else "",
        format_html(
            '<p class="tool-field__error" id="{}-error">{}</p>',
            auto_id,
            format_html_join("", "{} ", ((error,) for error in errors)),
        )
        if errors
        else "",
        control,
    )
