"""Romanised slugs for every page type: filled in when a page is saved, in the admin form and while the editor types.

- ``RomanisedSlugMixin`` (first base of every page model): when a page is validated (``full_clean`` on publish,
  ``minimal_clean`` on a draft, so admin create and edit, copying and ``add_child`` in code) and its slug is empty
  or not ASCII, the slug becomes the romanised title (or the romanised slug the editor typed), made unique among
  its siblings with -2, -3 ...
- ``RomanisedSlugPageForm`` (the pages' admin form): the slug field may be left empty or typed in Thai; the form
  fills it the same way before Wagtail checks it, so the editor never meets "This field is required" on the
  Promote tab. A slug the editor typed in ASCII is kept as it is (a clash with a sibling is still an error).
- ``romanise_view``: the JSON endpoint the editor's slug field calls while a Thai title is typed
  (``static/js/admin-slug.js``).
"""

from django import forms
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .slugs import first_free_slug, is_ascii_slug, romanised_slug

MAX_TEXT_LENGTH = 255  # the longest title a page can have


def sibling_slugs(parent, page, base):
    """The slugs starting with ``base`` that other children of ``parent`` already use (one query)."""
    if parent is None:
        return set()
    siblings = Page.objects.child_of(parent).filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return set(siblings.values_list("slug", flat=True))


def free_romanised_slug(text, parent, page=None):
    """The romanised slug of ``text``, made unique among ``parent``'s children; "" if ``text`` gives none."""
    base = romanised_slug(text)
    return first_free_slug(base, sibling_slugs(parent, page, base)) if base else ""


class RomanisedSlugPageForm(WagtailAdminPageForm):
    """Wagtail's page form, filling an empty or non-ASCII slug with the romanised title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None:
            # A plain text field: empty and Thai input reach ``clean`` instead of failing the field's own checks.
            self.fields["slug"] = forms.CharField(
                label=slug.label,
                help_text=slug.help_text,
                widget=slug.widget,
                required=False,
                max_length=MAX_TEXT_LENGTH,
            )

    def clean(self):
        if "slug" in self.fields and "slug" in self.cleaned_data:
            typed = self.cleaned_data["slug"].strip()
            if not is_ascii_slug(typed):
                parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
                filled = free_romanised_slug(typed or self.cleaned_data.get("title", ""), parent, self.instance)
                if filled:
                    self.cleaned_data["slug"] = filled
                elif typed or "title" in self.cleaned_data:
                    self.add_error("slug", _("Enter a slug in Latin letters and digits, e.g. “fund-rules”."))
        return super().clean()


class RomanisedSlugMixin:
    """Gives a page model the romanised-slug admin form and fills an empty or non-ASCII slug when it is saved."""

    base_form_class = RomanisedSlugPageForm

    def full_clean(self, *args, **kwargs):
        self.fill_romanised_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.fill_romanised_slug()
        super().minimal_clean()

    def fill_romanised_slug(self):
        if is_ascii_slug(self.slug):
            return
        # Like Wagtail's own slug default: only once the parent (and so the siblings) is known.
        if not (self.path or getattr(self, "_cached_parent_obj", None)):
            return
        filled = free_romanised_slug(self.slug or self.title or "", self.get_parent(), self)
        if filled:
            self.slug = filled


@require_GET
def romanise_view(request):
    """``{"slug": ...}``: the romanised slug of ``?text=`` (a page title as the editor types it).

    Registered as an admin URL, so Wagtail lets only signed-in staff with admin access reach it.
    """
    text = request.GET.get("text", "")[:MAX_TEXT_LENGTH]
    return JsonResponse({"slug": romanised_slug(text)})
