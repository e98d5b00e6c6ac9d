from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impact"
    verbose_name = _("Impact figures")
    demo_after = ("casestudies",)  # figures belong to the demo's pilot units

    def ready(self):
        from .panels import add_unit_figures_tab

        add_unit_figures_tab()
