"""Case studies: one structured page per learning unit (the pilots are marked ``is_pilot``), under one index page per language.

The taxonomy (province with its region, target group, occupation) lives in translatable snippets so
Thai and English names come from the CMS. Filter values in URLs are the snippets' ASCII slugs, which
are the same in both languages.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.hero_image import HeroImageMixin
from home.language_forms import SameLanguagePageForm
from home.models import PAGE_TRANSLATABLE_FIELDS, TranslatableTerm
from home.page_cache import CachedContentMixin
from home.page_slugs import RomanisedSlugMixin
from home.search import SegmentedSearchMixin

from .filtering import FACETS


class Region(models.TextChoices):
    """Thailand's six geographical regions, as Thai readers name them."""

    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")

    @classmethod
    def grouped(cls, items, region_of):
        """``[(region label, [item, ...])]`` for every unit list a reader chooses from (``<optgroup>`` or a
        fieldset per region): regions in the fixed order above, items in the order given; items whose
        ``region_of(item)`` is empty come last, under an empty label."""
        groups = {}
        for item in items:
            groups.setdefault(region_of(item) or "", []).append(item)
        order = {value: number for number, value in enumerate(cls.values)}
        labels = dict(cls.choices)
        return [
            (labels.get(region, ""), groups[region])
            for region in sorted(groups, key=lambda region: order.get(region, len(order)))
        ]


class OrganisationKind(models.TextChoices):
    COMMUNITY_ENTERPRISE = "community_enterprise", _("Community enterprise")
    CLUB = "club", _("Club or association")
    SAVINGS_GROUP = "savings_group", _("Savings group")
    COOPERATIVE = "cooperative", _("Cooperative")
    SCHOOL = "school", _("School or learning centre")
    OTHER = "other", _("Other")


class Province(TranslatableTerm):
    """A Thai province, with its region and where it sits on the map."""

    region = models.CharField(
        _("region"), max_length=20, choices=Region.choices, help_text=_("The region the province belongs to.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(5), MaxValueValidator(21)],
        help_text=_("Where the province's mark goes on the map: latitude of its centre, e.g. 14.0228."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(97), MaxValueValidator(106)],
        help_text=_("Longitude of the province's centre, e.g. 99.5328."),
    )

    translatable_fields = TranslatableTerm.translatable_fields + [
        SynchronizedField("region"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class TargetGroup(TranslatableTerm):
    """A group of people a unit works with and for: youth, informal workers, people with disabilities ..."""

    description = models.TextField(
        _("description"), blank=True, help_text=_("Optional: one sentence on who belongs to this group.")
    )

    translatable_fields = TranslatableTerm.translatable_fields + [TranslatableField("description")]

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Occupation(TranslatableTerm):
    """An occupation a unit develops: mat weaving, farming, handicrafts ..."""

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")


class CaseStudyIndexPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, Page):
    """The list of learning units: cards, filters by region/province, target group and occupation, and a map."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the list of units.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = 1
    per_page = 8  # 4 rows of 2 cards on a wide screen; 10 or 12 go over issue 22's budget of a listing (1.5× the demo)
    query_parameters = (*FACETS, "page")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def get_context(self, request, *args, **kwargs):
        from .context import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class CaseStudyPageForm(SameLanguagePageForm):
    """Offers only the taxonomy terms and partners of the page's own language."""

    same_language_fields = ("province", "target_groups", "occupations", "partners")


class CaseStudyPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, HeroImageMixin, Page):
    """One learning unit (a pilot or one that took up the model later): who it serves, what it does, how its fund works, and what it has learned."""

    unit_name = models.CharField(
        _("unit name"),
        max_length=255,
        help_text=_("The unit's full official name, e.g. “วิสาหกิจชุมชนพอใจในวิถีพอเพียง”."),
    )
    is_pilot = models.BooleanField(
        _("pilot learning unit"),
        default=False,
        help_text=_(
            "One of the programme's pilot learning units (หน่วยจัดการเรียนรู้นำร่อง). Only pilots are called "
            "pilots on the site; units that take up the model later are not."
        ),
    )
    organisation_kind = models.CharField(
        _("kind of organisation"),
        max_length=40,
        choices=OrganisationKind.choices,
        default=OrganisationKind.COMMUNITY_ENTERPRISE,
        help_text=_("What sort of organisation runs the unit."),
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="case_studies",
        help_text=_("The province the unit works in; its region and map position come from the province."),
    )
    district = models.CharField(
        _("district"), max_length=120, blank=True, help_text=_("District (อำเภอ), where known.")
    )
    subdistrict = models.CharField(
        _("subdistrict"), max_length=120, blank=True, help_text=_("Subdistrict (ตำบล), where known.")
    )
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the unit joined the programme, in the Common Era (2023, not 2566)."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        blank=True,
        related_name="case_studies",
        verbose_name=_("target groups"),
        help_text=_("The people the unit works with and for."),
    )
    occupations = ParentalManyToManyField(
        Occupation,
        blank=True,
        related_name="case_studies",
        verbose_name=_("occupations"),
        help_text=_("The occupations the unit develops."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences shown on cards and at the top of the page (at most 400 characters)."),
    )
    fund_capital = models.TextField(
        _("capital"),
        blank=True,
        help_text=_("Where the fund's money comes from: members' savings, existing community funds, grants ..."),
    )
    fund_management = models.TextField(
        _("who manages the fund"),
        blank=True,
        help_text=_(
            "Who manages the fund and sits on its working committee, including how youth and informal "
            "workers take part."
        ),
    )
    fund_rules = models.TextField(
        _("fund rules"),
        blank=True,
        help_text=_("The main rules: who can borrow, how much, repayment, and what surplus pays for."),
    )
    lessons_learned = RichTextField(
        _("lessons learned"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the unit has learned that other communities can use."),
    )
    partners = ParentalManyToManyField(
        "home.Partner",
        blank=True,
        related_name="case_studies",
        verbose_name=_("programme partners"),
        help_text=_("Programme partners that support this unit."),
    )
    local_partners = models.TextField(
        _("local partners"),
        blank=True,
        help_text=_("Other organisations involved locally, e.g. the subdistrict administration or a school."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("story"),
        help_text=_("The unit's story: text, images, quotes, galleries, videos and callouts."),
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    schema_org_type = "Article"  # described as a schema.org Article when shared or crawled (home.seo)
    subpage_types = []
    shows_pages_of = ("toolkit.ToolkitStepPage",)  # the steps the unit illustrates (home.http_cache)
    base_form_class = CaseStudyPageForm

    content_panels = Page.content_panels + [
        FieldPanel("unit_name"),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel,
        FieldPanel("body"),
    ]
    unit_panels = [
        FieldRowPanel([FieldPanel("organisation_kind"), FieldPanel("year_joined")]),
        FieldPanel("is_pilot"),
        MultiFieldPanel(
            [FieldPanel("province"), FieldRowPanel([FieldPanel("district"), FieldPanel("subdistrict")])],
            heading=_("Where"),
        ),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("occupations", widget=forms.CheckboxSelectMultiple),
    ]
    fund_panels = [
        FieldPanel("fund_capital"),
        FieldPanel("fund_management"),
        FieldPanel("fund_rules"),
        FieldPanel("lessons_learned"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("local_partners"),
        MultipleChooserPanel(
            "toolkit_steps",
            chooser_field_name="step",
            heading=_("Toolkit steps this unit illustrates"),
            label=_("Toolkit step"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(unit_panels, heading=_("The unit")),
            ObjectList(fund_panels, heading=_("The fund")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("unit_name", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("fund_capital"),
        index.SearchField("fund_management"),
        index.SearchField("fund_rules"),
        index.SearchField("lessons_learned"),
        index.RelatedFields("province", [index.SearchField("name")]),
        index.FilterField("province"),
        index.FilterField("year_joined"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("unit_name"),
        SynchronizedField("is_pilot"),
        SynchronizedField("organisation_kind"),
        TranslatableField("province"),
        TranslatableField("district"),
        TranslatableField("subdistrict"),
        SynchronizedField("year_joined"),
        SynchronizedField("target_groups"),
        SynchronizedField("occupations"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_alt"),
        TranslatableField("fund_capital"),
        TranslatableField("fund_management"),
        TranslatableField("fund_rules"),
        TranslatableField("lessons_learned"),
        SynchronizedField("partners"),
        TranslatableField("local_partners"),
        TranslatableField("body"),
        SynchronizedField("toolkit_steps"),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        # The home page's pilot cards read the pilots only: a few rows of an index, not every unit (issue 22).
        indexes = [
            models.Index(fields=["page_ptr"], condition=models.Q(is_pilot=True), name="casestudy_pilots"),
            # The index and the filters read every unit's province, and the impact pages' catalogue its province and
            # name: from this index alone on PostgreSQL, not the units' wide rows (issue 22: 0.7 of the index page's
            # 1.6 ms taxonomy query at 200 units; the catalogue's units 2.2 → 1.2 ms).
            models.Index(fields=["page_ptr"], include=["province", "unit_name"], name="casestudy_province_name"),
        ]

    def get_context(self, request, *args, **kwargs):
        from .context import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


class CaseStudyToolkitStep(Orderable):
    """A toolkit step that a case study illustrates, in the order the editor sets."""

    page = ParentalKey(CaseStudyPage, related_name="toolkit_steps", on_delete=models.CASCADE)
    step = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toolkit step"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A toolkit step page that this unit's story illustrates."),
    )

    panels = [PageChooserPanel("step", page_type="toolkit.ToolkitStepPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("toolkit step link")
        verbose_name_plural = _("toolkit step links")
