from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "network"
    verbose_name = _("Replication network")
    public_content = True  # approved groups are shown on public pages (purged by network.signals, not on every save)
    demo_after = ("casestudies",)  # the demo groups name the case studies' target groups

    def ready(self):
        from . import signals

        signals.connect()
