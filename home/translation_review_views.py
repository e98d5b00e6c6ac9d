"""wagtail-localize's three publishing views, with Review in front of them.

wagtail-localize decides inside these views (not through a hook or setting) to publish: *Translate this page*
publishes the new translation of a live page, *Sync translated pages* has a "Publish immediately" box, and
*Convert to alias page* publishes the source's text over a translation. Each is a thin subclass or wrapper of the
library's view; ``urlpatterns`` below is included in ``config/urls.py`` *before* the admin, at the same paths,
so ``reverse("wagtail_localize:…")`` links keep working and reach these views.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_review import ReviewedTranslationCreator, can_publish, can_publish_translation


class ReviewedSubmitPageTranslationView(SubmitPageTranslationView):
    """*Translate this page*: the new translation is published only if the user may publish it (and the Thai page
    is live); otherwise it is saved as a draft for the translator to finish and submit for review."""

    @transaction.atomic
    def form_valid(self, form):
        user, locales = self.request.user, list(form.cleaned_data["locales"])
        creator = ReviewedTranslationCreator(user, locales)
        creator.create_translations(self.object)
        if form.cleaned_data["include_subtree"]:
            for page in self.object.get_descendants().order_by("path"):
                creator.create_translations(page)
        self.components.save(creator, sources_and_translations=creator.mappings)

        drafts = [locale for locale in locales if not can_publish_translation(user, self.object, locale)]
        if drafts:
            messages.info(
                self.request,
                _("The translation is saved as a draft. Translate it, then choose “Submit for review”."),
            )
        single = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        label = locales[0].get_display_name() if len(locales) == 1 else _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(single))


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """*Sync translated pages*: "Publish immediately" only for users who may publish every translated page."""

    @cached_property
    def may_publish(self):
        if not issubclass(self.object.specific_content_type.model_class(), Page):
            return True  # snippets: wagtail-localize's own rules
        targets = [translation.get_target_instance() for translation in self.object.translations.filter(enabled=True)]
        return all(can_publish(self.request.user, target) for target in targets)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            form.fields["publish_translations"] = forms.BooleanField(
                label=gettext_lazy("Publish immediately"),
                required=False,
                disabled=True,
                help_text=gettext_lazy(
                    "Only moderators publish translations. Open each translation, translate the changes and "
                    "choose “Submit for review”."
                ),
            )
        return form

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations") and not self.may_publish:
            raise PermissionDenied
        return super().post(request, **kwargs)


def convert_to_alias(request, page_id):
    """*Convert to alias page* replaces a translation with the source's live text at once: moderators only."""
    page = get_object_or_404(Page, id=page_id)
    if not can_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


# Same paths as wagtail-localize's (under admin/localize/); matched first because config/urls.py lists them first.
urlpatterns = [
    path(
        "submit/page/<int:page_id>/",
        require_admin_access(ReviewedSubmitPageTranslationView.as_view()),
        name="reviewed_submit_page_translation",
    ),
    path(
        "update/<int:translation_source_id>/",
        require_admin_access(ReviewedUpdateTranslationsView.as_view()),
        name="reviewed_update_translations",
    ),
    path(
        "page/<int:page_id>/convert_to_alias/",
        require_admin_access(convert_to_alias),
        name="reviewed_convert_to_alias",
    ),
]
