"""The case study editor's "Impact figures" tab: how many figures the unit has and links to edit or import them.

Figures are not part of the page form (a unit may have thousands); this panel only links to their own listing.
The impact app adds the tab to the case study editor itself (``add_unit_figures_tab``, from ``ImpactConfig.ready``).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel

from home.edit_tabs import add_edit_tab


class UnitFiguresPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "impact/admin/unit_figures_panel.html"

        def get_context_data(self, parent_context=None):
            from wagtail.models import Locale

            from .models import ImpactFigure

            context = super().get_context_data(parent_context)
            page = self.instance
            source = None
            if page.pk:
                source = page if page.locale.language_code == settings.LANGUAGE_CODE else None
                if source is None:
                    source = page.get_translation_or_none(Locale.get_default())
            context["source"] = source
            if source is not None:
                context["count"] = ImpactFigure.objects.filter(page=source).count()
                context["listing_url"] = reverse("wagtailsnippets_impact_impactfigure:list") + f"?unit={source.pk}"
            context["import_url"] = reverse("impact_import")
            context["is_source"] = source is not None and source.pk == page.pk
            user = self.request.user if self.request else None
            context["can_view"] = user is not None and user.has_perm("impact.view_impactfigure")
            context["can_import"] = (
                user is not None
                and user.has_perm("impact.add_impactfigure")
                and user.has_perm("impact.change_impactfigure")
            )
            return context


def add_unit_figures_tab():
    """Give the case study editor its "Impact figures" tab (figures belong to a case study: ``ImpactFigure.page``)."""
    from casestudies.models import CaseStudyPage

    add_edit_tab(CaseStudyPage, ObjectList([UnitFiguresPanel()], heading=_("Impact figures")))
