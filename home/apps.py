from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home and site-wide parts")
    public_content = True  # its models are shown on public pages: saving one purges the page cache

    def ready(self):
        from .models import HomePage
        from .page_cache import connect_signals
        from .privacy_mirror import connect_signals as connect_privacy_mirror
        from .signals import home_page_saved
        from .spreadsheet import install_in_wagtail_exports
        from .thai_text import load_dictionary
        from .uploads import limit_image_decoding
        from .visibility import connect_signals as connect_visibility

        post_save.connect(home_page_saved, sender=HomePage, dispatch_uid="home_page_translator_permissions")

        connect_signals()
        connect_privacy_mirror()
        connect_visibility()

        # The Thai dictionary loads once per process here, so no search request or page save pays for it.
        load_dictionary()
        limit_image_decoding(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
        # Staff CSV exports from Wagtail's listings and reports escape formula-like cells (home/spreadsheet.py).
        install_in_wagtail_exports()
