from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "toolkit"
    verbose_name = _("Replication toolkit")
    public_content = True  # its models are shown on public pages: saving one purges the page cache
    demo_after = ("home",)  # sections go under the demo home page

    def ready(self):
        from . import signals

        signals.connect()
