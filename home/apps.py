from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home and site-wide parts")

    def ready(self):
        from .thai_text import load_dictionary

        # The Thai dictionary loads once per process here, so no search request or page save pays for it.
        load_dictionary()
