"""Impact figures: the indicator catalogue, figures per learning unit and period, and the dashboard page.

Figures are numbers, not text: they belong to the Thai (source) case study page and are shared by both
languages; the reader's language only changes the labels, which come from the indicator's translation.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import PAGE_TRANSLATABLE_FIELDS
from home.page_cache import CachedContentMixin
from home.page_slugs import RomanisedSlugMixin
from home.search import SegmentedSearchMixin

from .filters import OVERVIEW_PARAMETERS
from .plausibility import NUMBER_ERROR_MESSAGES, number_errors, period_errors, validate_period_date


class UnitOfMeasure(models.TextChoices):
    PEOPLE = "people", _("people")
    PERCENT = "percent", _("per cent")
    PERCENT_CHANGE = "percent_change", _("percentage change")
    THB = "thb", _("Thai baht")
    RATIO = "ratio", _("ratio")
    COUNT = "count", _("count")


class FigureStatus(models.TextChoices):
    """How far a figure can be trusted; each is shown with its own mark wherever the figure appears."""

    ILLUSTRATIVE = "illustrative", _("Illustrative")
    REPORTED = "reported", _("Reported by the unit")
    VERIFIED = "verified", _("Verified by staff")


class FigureReview(models.TextChoices):
    """Whether staff have accepted a figure for the public pages. A learning unit's figures are entered by staff and are
    accepted as they are; a network group's arrive through its private report link and wait for a Moderator."""

    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Theme(models.TextChoices):
    """The groups of indicator cards on the impact overview, in this order."""

    MEMBERS = "members", _("Members and inclusion")
    MONEY = "money", _("Money")
    LEARNING = "learning", _("Learning and income")
    SOCIAL = "social", _("Social return")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(TranslatableMixin, models.Model):
    """One measure of results, e.g. members, share of youth, savings, repayment rate, social return ratio."""

    code = models.SlugField(
        _("code"),
        max_length=60,
        allow_unicode=False,
        help_text=_("Stable machine name used in spreadsheets and open data, e.g. “members_total”. Never change it."),
    )
    name = models.CharField(_("name"), max_length=160, help_text=_("Short name readers see, in this language."))
    definition = models.TextField(_("definition"), help_text=_("What exactly is counted, in one or two sentences."))
    unit = models.CharField(
        _("unit of measure"),
        max_length=20,
        choices=UnitOfMeasure.choices,
        help_text=_("People and baht are added up across units; percentages and ratios are averaged, never added."),
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.HIGHER,
        help_text=_("Whether a higher or a lower value is the better result."),
    )
    how_measured = models.TextField(
        _("how it is measured"), blank=True, help_text=_("Where the number comes from and how often it is collected.")
    )
    weight_code = models.SlugField(
        _("weighted by"),
        max_length=60,
        blank=True,
        help_text=_(
            "For percentages and ratios: the code of the indicator whose value weights each unit when units are "
            "averaged (e.g. “members_total” for the share of youth). Empty: a plain average."
        ),
    )
    theme = models.CharField(
        _("theme"),
        max_length=20,
        choices=Theme.choices,
        default=Theme.MEMBERS,
        help_text=_("The group this indicator's card is shown in on the impact overview."),
    )
    show_on_home = models.BooleanField(
        _("headline on the home page"),
        default=False,
        help_text=_("Show this indicator's latest total among the headline figures on the home page."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Indicators are listed by this number, smallest first.")
    )

    translatable_fields = [
        SynchronizedField("code"),
        TranslatableField("name"),
        TranslatableField("definition"),
        SynchronizedField("unit"),
        SynchronizedField("direction"),
        TranslatableField("how_measured"),
        SynchronizedField("weight_code"),
        SynchronizedField("theme"),
        SynchronizedField("show_on_home"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_indicator_code_locale")]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def is_share(self):
        """Percentages and ratios: averaged across units, never summed."""
        return self.unit in (UnitOfMeasure.PERCENT, UnitOfMeasure.PERCENT_CHANGE, UnitOfMeasure.RATIO)


def public_source(hidden, to_page=""):
    """The rule of the learning units whose figures the public sees (``published``), from a figure (``to_page``
    "page__") or from the case study itself (""): a live Thai source case study (not a translation or an alias)
    private in no language (``home.visibility``; ``hidden``: the ids ``hidden_page_ids()`` gives)."""
    rule = models.Q(
        **{
            f"{to_page}locale__language_code": settings.LANGUAGE_CODE,
            f"{to_page}alias_of__isnull": True,
            f"{to_page}live": True,
        }
    )
    if hidden:
        rule &= ~models.Q(**{"page_id__in" if to_page else "pk__in": hidden})
    return rule


class SourceFigureQuerySet(models.QuerySet):
    """Figures, whose writes in bulk (``bulk_create``, ``update``, ``delete``) keep ``FigureSum`` up to date as the
    signals do for single saves and deletions (``impact.figure_sums``)."""

    def bulk_create(self, objs, *args, **kwargs):
        from .figure_sums import keys_of, refresh

        objs = list(objs)
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            refresh(keys_of(objs), using=self.db)
        return created

    def update(self, **kwargs):
        from .figure_sums import KEY_COLUMNS, refresh

        with transaction.atomic(using=self.db, savepoint=False):
            keys = set(self.order_by().values_list(*KEY_COLUMNS))
            moved = set(KEY_COLUMNS) & {self.model._meta.get_field(name).attname for name in kwargs}
            pks = list(self.values_list("pk", flat=True)) if moved else ()
            updated = super().update(**kwargs)
            if moved:
                keys |= set(self.model.objects.filter(pk__in=pks).order_by().values_list(*KEY_COLUMNS))
            refresh(keys, using=self.db)
        return updated

    def delete(self):
        from .figure_sums import KEY_COLUMNS, refresh, refreshing_deferred

        with transaction.atomic(using=self.db, savepoint=False), refreshing_deferred(self.db):
            keys = set(self.order_by().values_list(*KEY_COLUMNS))
            deleted = super().delete()
            refresh(keys, using=self.db)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def of_source_pages(self):
        """Figures of Thai source case studies only: translations and aliases may hold copies of the rows."""
        return self.filter(page__locale__language_code=settings.LANGUAGE_CODE, page__alias_of__isnull=True)

    def published(self):
        """The one rule for what the public sees, used by every surface (pages, exports, API, data package):
        accepted figures of a public Thai source case study (``home.visibility``: live, private in no language) or
        of a public network group (``Registration.objects.public()``: approved)."""
        from home.visibility import hidden_page_ids

        return self.published_without(sorted(hidden_page_ids()))

    def published_without(self, hidden):
        """``published()`` with the ids of the pages the public may not see given (``home.visibility``), so that a
        query's SQL depends only on how many there are (``home.compiled_sql``)."""
        from network.models import Registration

        pilots = public_source(hidden, "page__")
        groups = models.Q(group_id__in=Registration.objects.public().values("pk"))
        return self.filter(pilots | groups, review=FigureReview.ACCEPTED)

    def of_pilots(self):
        return self.filter(group__isnull=True)

    def of_groups(self):
        """Figures a network group reported through its private link (shown apart from the learning units')."""
        return self.filter(group__isnull=False)


class ImpactFigure(models.Model):
    """One value of one indicator for one learning unit — or one network group — over one period; shared by both
    languages.

    A plain row of its own, not part of the case study page: page revisions, drafts and publishing never touch
    figures. They are edited in the figures listing and by the spreadsheet import (``impact.services``), and
    every change is logged with its old and new values (``impact.history``).
    """

    # Not purged by the site-wide rule (that emptied the whole site's caches once per row): every write purges what
    # shows the figures, once per transaction (``impact.services.figures_changed``).
    purges_page_cache = False

    page = models.ForeignKey(
        "casestudies.CaseStudyPage",
        related_name="impact_figures",
        on_delete=models.CASCADE,
        verbose_name=_("case study"),
        null=True,  # a network group's figure has none; staff's forms and the import still require it (not blank)
        help_text=_("The learning unit (its Thai page) this figure belongs to."),
        # No index of its own: ``unique_figure_per_period`` starts with the page, and with the indicator after it a
        # unit's figures of one indicator are read from there (the page's own index read all 14 indicators' rows).
        db_index=False,
    )
    group = models.ForeignKey(
        "network.Registration",
        related_name="impact_figures",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("network group"),
        help_text=_("The network group that reported this figure through its private link (instead of a unit)."),
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="figures",
        help_text=_("What is measured. Labels are shown in the reader's language."),
    )
    period_start = models.DateField(
        _("period start"),
        validators=[validate_period_date],
        help_text=_("First day of the period, e.g. 2024-01-01."),
    )
    period_end = models.DateField(
        _("period end"),
        validators=[validate_period_date],
        help_text=_("Last day of the period, e.g. 2024-03-31."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=16,
        decimal_places=2,
        error_messages=NUMBER_ERROR_MESSAGES,
        help_text=_("The number, in the indicator's unit of measure."),
    )
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        error_messages=NUMBER_ERROR_MESSAGES,
        help_text=_("The value before the unit joined the programme, where known."),
    )
    source = models.TextField(
        _("source or evidence"),
        blank=True,
        help_text=_("Where the number comes from: ledger, survey, meeting minutes ..."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=FigureStatus.choices,
        default=FigureStatus.REPORTED,
        help_text=_(
            "Illustrative: an example number, not a measured result. Reported: as the unit reported it. "
            "Verified: checked by staff against the evidence. Each is marked wherever the figure is shown."
        ),
    )

    review = models.CharField(
        _("review"),
        max_length=10,
        choices=FigureReview.choices,
        default=FigureReview.ACCEPTED,
        help_text=_("A network group's figures are public only once staff accept them."),
    )

    objects = SourceFigureQuerySet.as_manager()

    # The fields a change is logged for, in this order (``impact.history``).
    tracked_fields = [
        "page",
        "group",
        "indicator",
        "period_start",
        "period_end",
        "value",
        "baseline",
        "source",
        "status",
        "review",
    ]

    class Meta:
        verbose_name = _("impact figure")
        verbose_name_plural = _("impact figures")
        permissions = [("review_group_figures", _("Can accept or reject figures reported by network groups"))]
        ordering = ["page_id", "indicator_id", "period_start", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "indicator", "period_start", "period_end"], name="unique_figure_per_period"
            ),
            models.UniqueConstraint(
                fields=["group", "indicator", "period_start", "period_end"], name="unique_group_figure_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, group__isnull=True)
                | models.Q(page__isnull=True, group__isnull=False),
                name="figure_of_unit_or_group",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="figure_period_ordered"
            ),
        ]
        # An indicator's latest period is found by walking this index from its end (the home page's headline
        # figures read only the rows from there on), not by reading and sorting the indicator's whole history.
        indexes = [
            models.Index(models.F("indicator"), models.F("period_end").desc(), name="figure_latest_period"),
            # Each unit's latest accepted figure of an indicator (``queries.indicator_latest``, ``queries.CHART_ROWS``):
            # read from the index alone, in order (the key holds every column the window reads, the included ones
            # what the chart ranks; the condition, the figures it counts).
            models.Index(
                "indicator",
                "page",
                models.F("period_end").desc(),
                models.F("period_start").desc(),
                "id",
                name="figure_unit_latest",
                condition=models.Q(group__isnull=True, review=FigureReview.ACCEPTED),
                include=["value", "status"],  # PostgreSQL: the chart's latest figures read with their values
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.period_start}–{self.period_end}: {self.value}"

    @property
    def is_illustrative(self):
        return self.status == FigureStatus.ILLUSTRATIVE

    def clean(self):
        super().clean()
        errors = period_errors(self.period_start, self.period_end)
        try:
            indicator = self.indicator  # also an unsaved one, as the import checks rows before saving
        except ObjectDoesNotExist:
            indicator = None
        if indicator is not None:
            errors.update(number_errors(indicator.unit, {"value": self.value, "baseline": self.baseline}))
        if errors:
            raise ValidationError(errors)


class FigureSum(models.Model):
    """The accepted figures of every learning unit (its Thai source page; ``review`` accepted; public or not) summed
    for one indicator and period: what the impact overview and the home page's headline figures add up, read as
    one row per indicator and period however many units there are (issue 22).

    Only parts that can be subtracted: the overview takes away the same sums over the figures of the units the
    public may not see (``impact.queries.overview_sums``), so publishing, unpublishing or restricting a unit never
    rewrites these rows. Every write of figures recomputes the rows of the keys it touched, in its transaction
    (``impact.figure_sums``); ``manage.py rebuild_figure_sums`` recomputes them all or checks them.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    figures = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    weighted = models.PositiveIntegerField(default=0)  # figures with a positive weight (``Indicator.weight_code``)
    products = models.DecimalField(max_digits=36, decimal_places=4, default=0)  # sum of value times weight
    weights = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    # How many figures of each status (``aggregation.STATUSES``; ``other``: none of them): the weakest is the first
    # with a count.
    illustrative = models.PositiveIntegerField(default=0)
    reported = models.PositiveIntegerField(default=0)
    verified = models.PositiveIntegerField(default=0)
    other = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start", "period_end"], name="unique_figure_sum")
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.period_start}–{self.period_end}: {self.figures}"


class ImpactDashboardPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, RoutablePageMixin, Page):
    """The impact explorer: an overview of indicator cards, and below it one page per indicator (``<code>/``) with
    chart, table, map and sources tabs; open-data downloads beside them (``impact/urls.py``)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences above the charts."))
    method_note = models.TextField(
        _("how figures are combined"),
        blank=True,
        help_text=_("Optional note under the charts on how figures are collected and combined."),
    )
    max_periods = models.PositiveSmallIntegerField(
        _("periods shown"),
        default=8,
        validators=[MinValueValidator(1)],
        help_text=_("How many of the latest periods each chart shows when no period filter is chosen."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # The overview's; an indicator page notes its own on the request (``impact.explorer.INDICATOR_PARAMETERS``).
    query_parameters = OVERVIEW_PARAMETERS
    exports = ("figures.csv", "figures.json")  # served beside the page, with the same filters (impact/urls.py)
    # Also beside the page (impact/explorer_views.py): the data package and the comparison of units.
    exports += ("datapackage.json", "compare/")
    shows_pages_of = ("casestudies.CaseStudyPage",)  # every unit's name and figures (home.http_cache)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("method_note"), FieldPanel("max_periods")], heading=_("Charts")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("method_note"),
        SynchronizedField("max_periods"),
    ]

    class Meta:
        verbose_name = _("impact dashboard")
        verbose_name_plural = _("impact dashboards")

    def get_cached_paths(self):
        """The page and its downloads: purged together from an HTTP cache in front (``home.http_cache``)."""
        codes = Indicator.objects.filter(locale_id=self.locale_id).values_list("code", flat=True)
        indicator_paths = [f"{code}{suffix}" for code in codes for suffix in ("/", ".csv", ".metadata.json", ".svg")]
        return ["/", *self.exports, *indicator_paths]

    @path("")
    def overview(self, request):
        from .views import overview_response

        return overview_response(self, request)

    @re_path(r"^(?P<code>[a-z0-9_-]{1,60})/$")
    def indicator(self, request, code):
        from .views import indicator_response

        return indicator_response(self, request, code)
