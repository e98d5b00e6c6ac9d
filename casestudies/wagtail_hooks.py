"""Admin for case studies: the taxonomy snippets in one menu group, and a flat list of case study pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.templatetags.page_hooks_tags import HOME_SECTIONS_HOOK
from home.term_admin import TermViewSet

from .models import CaseStudyPage, Occupation, Province, TargetGroup


class ProvinceViewSet(TermViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    list_display = ["name", "region", "slug", "latitude", "longitude"]
    list_filter = ["region"]


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")


class OccupationViewSet(TermViewSet):
    model = Occupation
    menu_label = _("Occupations")


class CaseStudyTaxonomyGroup(SnippetViewSetGroup):
    items = (ProvinceViewSet, TargetGroupViewSet, OccupationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Case study terms")
    menu_name = "case-study-terms"
    menu_order = 250


register_snippet(CaseStudyTaxonomyGroup)


class CaseStudyListingViewSet(PageListingViewSet):
    """Every case study in one flat list, with its province and the year it joined."""

    model = CaseStudyPage
    icon = "doc-full-inverse"
    menu_label = _("Case studies")
    menu_order = 240
    add_to_admin_menu = True
    columns = PageListingViewSet.columns + [
        Column("province", label=_("Province"), sort_key="province__name"),
        Column("year_joined", label=_("Year joined"), sort_key="year_joined"),
    ]


@hooks.register("register_admin_viewset")
def register_case_study_listing():
    return CaseStudyListingViewSet("case_study_pages")


@hooks.register(HOME_SECTIONS_HOOK, order=20)
def home_section_pilots():
    """The pilot units' cards, as a section of the home page (home.templatetags.page_hooks_tags)."""
    return "casestudies/includes/home_pilots.html"
