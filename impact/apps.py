from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impact"
    verbose_name = _("Impact figures")
    public_content = True  # its models are shown on public pages: saving one purges the page cache
    demo_after = ("home", "casestudies", "network")  # figures belong to the demo's pilot units and network groups

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from .figure_sums import figure_saving, indicator_saved
        from .models import ImpactFigure, Indicator
        from .panels import add_unit_figures_tab
        from .services import figure_written

        add_unit_figures_tab()
        post_save.connect(figure_written, sender=ImpactFigure, dispatch_uid="impact_figure_saved")
        post_delete.connect(figure_written, sender=ImpactFigure, dispatch_uid="impact_figure_deleted")
        pre_save.connect(figure_saving, sender=ImpactFigure, dispatch_uid="impact_figure_saving")
        post_save.connect(indicator_saved, sender=Indicator, dispatch_uid="impact_indicator_saved")
