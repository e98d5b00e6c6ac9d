from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impact"
    verbose_name = _("Impact figures")
    public_content = True  # its models are shown on public pages: saving one purges the page cache
    demo_after = ("home", "casestudies", "network")  # figures belong to the demo's pilot units and network groups

    def ready(self):
        from .panels import add_unit_figures_tab

        add_unit_figures_tab()
