"""The network's form fields written in Python (``network_form_tags``): the chosen option selected and only it,
labels and values escaped, the kept (per process) option lists never carrying one request's choice to the next."""

from django import forms
from django.utils import translation

from network.templatetags.network_form_tags import join_field, options

CHOICES = [("1", "One"), ("10", "Ten"), ("<x>", "<b>bold</b>")]


def test_only_the_chosen_option_is_selected():
    html = options(CHOICES, "1")
    assert '<option value="1" selected>One</option>' in html
    assert '<option value="10">Ten</option>' in html
    assert html.count("selected") == 1


def test_the_kept_list_does_not_remember_a_choice():
    options(CHOICES, "10")
    html = options(CHOICES, None)
    assert "selected" not in html
    assert options(CHOICES, "unknown") == html


def test_values_and_labels_are_escaped():
    html = options(CHOICES, "<x>")
    assert '<option value="&lt;x&gt;" selected>&lt;b&gt;bold&lt;/b&gt;</option>' in html
    assert "<b>" not in html


class Sample(forms.Form):
    name = forms.CharField(label="Name <i>", max_length=20, help_text="Help")
    kind = forms.ChoiceField(label="Kind", choices=[("", "Choose"), ("a", "A")], required=False)


def test_a_field_with_an_error_is_described_by_its_error_and_help():
    form = Sample({"name": "", "kind": "a"})
    form.is_valid()
    with translation.override("en"):
        html = join_field(form["name"], autocomplete="name")
        select = join_field(form["kind"], select=True)
    assert 'aria-invalid="true" aria-describedby="id_name-error id_name-help"' in html
    assert 'autocomplete="name"' in html and 'maxlength="20"' in html
    assert "Name &lt;i&gt;" in html and "(optional)" not in html
    assert '<option value="a" selected>A</option>' in select
    assert "(optional)" in select and "aria-invalid" not in select
