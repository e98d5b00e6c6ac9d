from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("News")
    public_content = True  # its models are shown on public pages: saving one purges the page cache
    demo_after = ("home", "casestudies")  # news names the demo's pilot units and partners
