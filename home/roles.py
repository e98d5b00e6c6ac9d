"""Editorial roles that depend on content: translators on each translated tree, unit coordinators on their page.

The groups themselves (and their site-wide permissions) come from migration ``home.0003_editorial_roles``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, Locale, Page

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
UNIT_COORDINATORS = "Unit coordinators"
DATA_STAFF = "Data staff"
ROLE_NAMES = [EDITORS, MODERATORS, TRANSLATORS, UNIT_COORDINATORS, DATA_STAFF]

TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
UNIT_COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
UNIT_GROUP_PREFIX = "Unit coordinators: "


def _page_permissions(codenames):
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def _grant(group, page, permissions):
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_translator_permissions():
    """Let Translators edit (through wagtail-localize) the top page of every non-source language's tree.

    Called when a home page is saved in another language, so it works on any install and stays idempotent.
    """
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    default = Locale.get_default()
    permissions = _page_permissions(TRANSLATOR_PAGE_PERMISSIONS)
    for page in Page.objects.filter(depth=2).exclude(locale=default):
        _grant(group, page, permissions)


def unit_group_name(source_page):
    """The per-unit group's name: readable (the slug) and unique (the source page's id)."""
    return f"{UNIT_GROUP_PREFIX}{source_page.slug[:100]} (#{source_page.pk})"


@transaction.atomic
def unit_coordinator_group(page, include_translations=True):
    """The per-unit group of ``page`` (a learning unit's case study), with add and edit permission on the page,
    its subpages and its translations. Created once; calling again re-grants anything missing."""
    page = page.specific
    source = page.get_translation_or_none(Locale.get_default()) or page
    group, _ = Group.objects.get_or_create(name=unit_group_name(source))
    permissions = _page_permissions(UNIT_COORDINATOR_PAGE_PERMISSIONS)
    pages = source.get_translations(inclusive=True) if include_translations else Page.objects.filter(pk=page.pk)
    for each in pages.filter(alias_of__isnull=True):
        _grant(group, each, permissions)
    return group


@transaction.atomic
def grant_unit_coordinator(user, page, include_translations=True):
    """Make ``user`` a coordinator of ``page`` (a learning unit's case study): edit it and its subpages, and
    submit them for review, nothing else. Returns the per-unit group (one per page, shared by its coordinators).
    """
    group = unit_coordinator_group(page, include_translations=include_translations)
    user.groups.add(group, Group.objects.get(name=UNIT_COORDINATORS))
    return group


def revoke_unit_coordinator(user, page):
    """Remove ``user`` from ``page``'s coordinator group (the group and its permissions stay)."""
    source = page.get_translation_or_none(Locale.get_default()) or page
    group = Group.objects.filter(name=unit_group_name(source)).first()
    if group is not None:
        user.groups.remove(group)
