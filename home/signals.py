"""Signal receivers of the home app (connected in ``HomeConfig.ready``)."""

from django.db import transaction


def home_page_saved(sender, instance, created, **kwargs):
    """A new home page in another language: let Translators work on its tree."""
    if created and not instance.locale.language_code == instance.locale.get_default().language_code:
        from .roles import grant_translator_permissions

        transaction.on_commit(grant_translator_permissions)
