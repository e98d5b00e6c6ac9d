from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home and site-wide parts")

    def ready(self):
        from django.conf import settings

        from .uploads import limit_image_decoding

        limit_image_decoding(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
