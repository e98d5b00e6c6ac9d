"""Translations go through Review like any other edit: only users who may publish a page publish its translation.

wagtail-localize writes a translation straight into the target page's row (what the public sees) and publishes it;
it has no draft of a live translated page. For users without publish permission on the target page this module
saves the translated content as a *revision only* (the live page is untouched) and submits it to the page's
workflow, so a moderator approves (and so publishes) it. The views in ``home.translation_review_views`` and the
hooks in ``home.wagtail_hooks`` route every publishing path of wagtail-localize through here.
"""

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationLog, TranslationSource
from wagtail_localize.operations import TranslationCreator

page_permission_policy = PagePermissionPolicy()


class ReviewError(Exception):
    """The translation cannot be submitted for review; the message says why, in the user's language."""


def can_publish(user, page):
    """Whether ``user`` may publish ``page`` (the permission that also lets them publish its translation)."""
    return page.permissions_for_user(user).can_publish()


def can_publish_translation(user, source_page, locale):
    """Whether ``user`` may publish ``source_page``'s translation into ``locale``: publish permission on the
    translated page if it exists (an alias counts), otherwise on its nearest translated ancestor."""
    target = source_page.get_translation_or_none(locale)
    if target is not None:
        return can_publish(user, target)
    for ancestor in source_page.get_ancestors().filter(depth__gt=1).order_by("-depth"):
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return page_permission_policy.user_has_permission_for_instance(user, "publish", translated)
    return bool(user.is_active and user.is_superuser)


def enabled_translation_for(page):
    """The synced wagtail-localize translation whose target is ``page``, or None (the query its hooks make)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def _convert_alias_keeping_content(page, user):
    """Make an alias a page of its own without changing what it shows: its row keeps the source's content."""
    page.alias_of_id = None
    page.save(update_fields=["alias_of_id"], clean=False)
    revision = page.save_revision(user=user, changed=False, clean=False)
    data = {"page": {"id": page.id, "title": page.get_admin_display_title()}}
    log(instance=page, action="wagtail.convert_alias", user=user, revision=revision, data=data)


@transaction.atomic
def save_translation_draft(translation, user):
    """Save ``translation``'s current strings as a new revision of its target page, leaving the live page alone.

    A target that does not exist yet is created unpublished; an alias becomes a page of its own that still shows
    the source's content. Returns the target page (specific) with ``latest_revision`` set to the new draft.
    Raises ``ValidationError`` if the translated page is not valid.
    """
    source, locale = translation.source, translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except Page.DoesNotExist:
        target = None
    if target is None or not target.live:
        # Nothing public to protect: wagtail-localize's own draft save (creates the page if needed, unpublished).
        translation.save_target(user=user, publish=False)
        return source.get_translated_instance(locale)
    if target.alias_of_id:
        _convert_alias_keeping_content(target, user)
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.slug = find_available_slug(draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.id)
    # save_revision() writes only the revision bookkeeping columns of the page row, never its content.
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return draft


def submit_for_review(page, user):
    """Start ``page``'s workflow for ``user`` on its latest revision (or resume it after requested changes).

    Raises ``ReviewError`` if the page has no workflow or is already waiting for review.
    """
    workflow = page.get_workflow()
    if workflow is None:
        raise ReviewError(_("This page has no review workflow; ask a moderator to publish it."))
    state = page.current_workflow_state
    if state is None:
        return workflow.start(page, user)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    raise ReviewError(_("This translation is already waiting for review."))


def refuse_if_locked(translation, user):
    """Raise ``ReviewError`` if the target page exists and is locked for ``user`` (for example while in review)."""
    try:
        page = translation.source.get_translated_instance(translation.target_locale)
    except Page.DoesNotExist:
        return
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        if page.workflow_in_progress:
            raise ReviewError(_("This translation is already waiting for review."))
        raise ReviewError(_("This page is locked; it cannot be submitted now."))


@transaction.atomic
def save_and_submit(translation, user):
    """The translator's *Submit for review*: a draft of the target page, then its workflow. Returns the page."""
    refuse_if_locked(translation, user)
    page = save_translation_draft(translation, user)
    submit_for_review(page, user)
    return page


class ReviewedTranslationCreator(TranslationCreator):
    """wagtail-localize's ``TranslationCreator`` that publishes a new page translation only for users who may
    publish it; for everyone else the translation is saved as a draft (``save_translation_draft``).

    The body is wagtail-localize's own (1.14), with the single publishing decision replaced: the library offers
    no hook to decide per page and user.
    """

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)

        source, _created = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            for related_object_segment in source.relatedobjectsegment_set.all():
                related_instance = related_object_segment.object.get_instance(instance.locale)
                self.create_translations(related_instance, include_related_objects=False)

        mode = getattr(instance, "localize_default_translation_mode", None) or getattr(
            settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"
        )
        for target_locale in self.target_locales:
            if target_locale == source.locale:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=target_locale, defaults={"enabled": mode == "synced"}
            )
            self.mappings[source].append(translation)
            with contextlib.suppress(ValidationError):
                self._save(instance, translation)

    def _save(self, instance, translation):
        if isinstance(instance, Page):
            sync_live = getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True)
            if sync_live and instance.live and can_publish_translation(self.user, instance, translation.target_locale):
                translation.save_target(user=self.user, publish=True)
            else:
                save_translation_draft(translation, self.user)
        else:
            # Snippets without drafts can only be saved live (as wagtail-localize does); drafts stay drafts.
            translation.save_target(user=self.user, publish=not isinstance(instance, DraftStateMixin))
