from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfCheckConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "selfcheck"
    verbose_name = _("Readiness self-check")
    public_content = True  # its questions are shown on public pages: saving one purges the page cache
    demo_after = ("toolkit",)  # each demo theme links to the toolkit steps
