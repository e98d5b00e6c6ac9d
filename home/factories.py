"""Test data for the core: standard pages in the page tree, and staff accounts signed in to the admin.

Plain functions, shared by every app's tests instead of each test file writing its own.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.users.models import UserProfile

PUBLISHED, DRAFT, SAVED = "published", "draft", "saved"


def standard_page(parent, title, slug, *, state=PUBLISHED, english_alias=False, **fields):
    """A standard page under ``parent``.

    ``state``: ``"published"`` (a revision, published), ``"draft"`` (not live, one unpublished revision) or
    ``"saved"`` (saved in the tree as given, no revision). ``english_alias`` adds the English alias that the
    admin's locale synchronisation makes for a new Thai page.
    """
    from home.models import StandardPage

    if state == DRAFT:
        fields["live"] = False
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, **fields))
    if state == PUBLISHED:
        page.save_revision().publish()
    elif state == DRAFT:
        page.save_revision()
    elif state != SAVED:
        raise ValueError(f"unknown state {state!r}")
    if english_alias:
        from wagtail_localize.synctree import create_aliases_for_new_page

        create_aliases_for_new_page(page)
    return page


def set_admin_language(user, language):
    """The language the admin speaks to ``user``, whatever the browser asks for."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def user(name, *groups, superuser=False, language=None, password="pw", **fields):
    """A user called ``name`` (e-mail ``name@example.org``) in ``groups``, each of which must exist."""
    User = get_user_model()
    fields.setdefault("email", f"{name}@example.org")
    if superuser:
        account = User.objects.create_superuser(name, password=password, **fields)
    else:
        account = User.objects.create_user(name, password=password, **fields)
    if groups:
        account.groups.add(*(Group.objects.get(name=group) for group in groups))
    if language:
        set_admin_language(account, language)
    return account


def signed_in(account, client=None):
    """``client`` (a new one by default) signed in as ``account``; ``client.user`` is the account."""
    client = client or Client()
    client.force_login(account)
    client.user = account
    return client
