"""A view restriction covers the page's whole translation group, so every language version is private alike.

When a ``PageViewRestriction`` is added, changed or removed on a page, the same restriction (type, shared
password, groups) is added to, changed on or removed from every page of its translation group: the pages that
share its ``translation_key`` (its translations and the aliases that wagtail-localize keeps in sync) and the
pages it is an alias of or that are aliases of it. Each mirrored change goes through the model's own
``save``/``delete``, so the admin shows the English page as private and its history records the change.

Listings do not depend on this: ``home.visibility`` already treats a whole group as private when any member
is. Mirroring is what makes Wagtail ask for the password (or sign-in) on the translation itself.

Receivers are connected by ``home.signals.connect``; a thread-local guard stops the mirrored saves from mirroring
again.
"""

import contextlib
import threading

from django.db import transaction
from django.db.models import Q

_state = threading.local()


def group_q(page, page_model):
    """The other pages of ``page``'s translation group: the pages sharing its ``translation_key`` (or that of the
    page it is an alias of) and every alias of those. ``page_model`` may be a migration's historical model."""
    keys = {page.translation_key}
    if page.alias_of_id:
        keys |= set(page_model.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True))
    core = Q(translation_key__in=keys)
    return (core | Q(alias_of__in=page_model.objects.filter(core).values("pk"))) & ~Q(pk=page.pk)


@contextlib.contextmanager
def _mirroring():
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def _busy():
    return getattr(_state, "active", False)


def mirror_restriction(restriction, page_model, restriction_model, copy_groups=True):
    """Give every other page of the restricted page's group the same restriction (one per page).

    New restrictions always get the restriction's groups; existing ones only with ``copy_groups`` (after a
    save the groups may not be set yet: the admin and Wagtail's page copy set them just after).
    Returns the restrictions created or changed.
    """
    page = page_model.objects.get(pk=restriction.page_id)
    changed = []
    for other in page_model.objects.filter(group_q(page, page_model)).order_by("pk"):
        mirror = restriction_model.objects.filter(page_id=other.pk).order_by("pk").first()
        is_new = mirror is None
        if is_new:
            mirror = restriction_model(page_id=other.pk)
        if is_new or (mirror.restriction_type, mirror.password) != (restriction.restriction_type, restriction.password):
            mirror.restriction_type = restriction.restriction_type
            mirror.password = restriction.password
            mirror.save()
            changed.append(mirror)
        if is_new or copy_groups:
            _copy_groups(restriction, mirror)
    return changed


def _copy_groups(source, target):
    wanted = set(source.groups.values_list("pk", flat=True))
    if set(target.groups.values_list("pk", flat=True)) != wanted:
        target.groups.set(wanted)


def unmirror_restriction(page_id, page_model, restriction_model):
    """The restriction on page ``page_id`` was removed: remove the restrictions of its group too.

    If the page still has another restriction, that one is mirrored instead; if the page is gone, nothing.
    """
    remaining = restriction_model.objects.filter(page_id=page_id).order_by("pk").first()
    if remaining is not None:
        mirror_restriction(remaining, page_model, restriction_model)
        return
    page = page_model.objects.filter(pk=page_id).first()
    if page is None:
        return
    for mirror in restriction_model.objects.filter(page__in=page_model.objects.filter(group_q(page, page_model))):
        mirror.delete()


def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or _busy():
        return
    from wagtail.models import Page

    with _mirroring():
        # Groups are set after the restriction is saved (admin form, page copy): m2m_changed mirrors those.
        mirror_restriction(instance, Page, sender, copy_groups=False)


def restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if _busy() or reverse or action not in ("post_add", "post_remove", "post_clear"):
        return
    from wagtail.models import Page, PageViewRestriction

    with _mirroring():
        mirror_restriction(instance, Page, PageViewRestriction)


def restriction_deleted(sender, instance, **kwargs):
    """Removed from a page: once committed, remove it from the group too, unless the page itself was deleted
    (its restriction goes with it, and its translations stay private)."""
    if _busy():
        return
    from wagtail.models import Page

    page_id = instance.page_id

    def unmirror():
        with _mirroring():
            unmirror_restriction(page_id, Page, sender)

    transaction.on_commit(unmirror)


def connect_signals():
    """Connect the mirroring receivers (called from ``home.signals.connect``)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.models import PageViewRestriction

    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="privacy_mirror_saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="privacy_mirror_deleted")
    m2m_changed.connect(
        restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy_mirror_groups"
    )
