"""The self-check's form, built from the questions editors wrote: one radio choice per question."""

from django import forms
from django.utils.translation import gettext_lazy as _


def readiness_form_class(themes):
    """A form with one required radio choice per question of ``themes`` (as ``load_themes`` prepares them)."""
    fields = {}
    for theme in themes:
        for question in theme.ordered_questions:
            fields[question.field_name] = forms.ChoiceField(
                label=question.text,
                help_text=question.help_text,
                choices=question.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose an answer."),
                    "invalid_choice": _("Please choose one of the answers."),
                },
            )
    return type("ReadinessForm", (forms.Form,), fields)
