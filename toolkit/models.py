"""The replication toolkit: landing page, ordered step pages, downloadable resources, bundles and counts."""

from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import compiled_sql
from home.blocks import BaseStreamBlock
from home.models import PAGE_TRANSLATABLE_FIELDS
from home.page_cache import CachedContentMixin
from home.page_slugs import RomanisedSlugMixin
from home.search import SegmentedSearchMixin
from home.visibility import hidden_page_ids, public_pages

from .downloads import is_resumed, serve_document


class ChecklistStreamBlock(blocks.StreamBlock):
    item = blocks.CharBlock(
        label=_("Checklist item"),
        max_length=300,
        help_text=_("One thing to check off, written as a short statement: “The committee has met”."),
        icon="tick",
    )

    class Meta:
        template = "toolkit/blocks/checklist.html"


class ToolkitPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, RoutablePageMixin, Page):
    """The toolkit overview: who it is for, how to use it, the steps in order and the downloads."""

    intro = models.TextField(_("introduction"), help_text=_("One or two sentences on what the toolkit is."))
    audience = models.TextField(
        _("who the toolkit is for"), help_text=_("The people and organisations this toolkit is written for.")
    )
    how_to_use = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("how to use the toolkit"),
        help_text=_("How to work through the steps, print and share them."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkit.ToolkitStepPage"]
    max_count_per_parent = 1
    # Kept for offline reading with its steps and PDF once a reader opens it (home.offline, /sw.js).
    offline_kit = True
    offline_files = ("toolkit.pdf",)  # the ZIP holds the same files again: not fetched behind a reader's back

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("audience"), FieldPanel("how_to_use")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("audience"),
        index.SearchField("how_to_use"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("audience"),
        TranslatableField("how_to_use"),
    ]

    class Meta:
        verbose_name = _("toolkit page")
        verbose_name_plural = _("toolkit pages")

    def live_steps(self):
        """The step pages the public may see (``home.visibility``), in tree order (the order editors give them)."""
        return public_pages(ToolkitStepPage.objects.child_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # As ``live_steps().only(*STEP_CARD_FIELDS)``; each query's SQL compiled once (``home.compiled_sql``).
        steps = compiled_sql.objects(
            ("toolkit-step-cards", self.depth), partial(_step_cards, self.depth + 1), self.pk, sorted(hidden_page_ids())
        )
        context["steps"] = steps
        context["resources"] = resources_for_steps(steps, only=RESOURCE_LIST_FIELDS)
        bundles = compiled_sql.objects("toolkit-bundles", _toolkit_bundles, self.pk)
        context["bundles"] = {b.kind: b for b in bundles}
        return context

    @path("")
    def overview(self, request):
        return self.render(request)

    @path("download/<int:resource_id>/")
    def download_resource(self, request, resource_id):
        """Serve one resource's file and count the download (no personal data is recorded)."""
        resource = get_object_or_404(
            ToolkitResource.objects.select_related("document"), pk=resource_id, locale_id=self.locale_id
        )
        if resource.document is None or not resource_is_published(resource):
            raise Http404
        if not is_resumed(request):
            DownloadCount.objects.record(DownloadCount.Item.RESOURCE, self.locale.language_code, resource=resource)
        return serve_document(resource.document, request)


def _step_cards(depth, toolkit_id, hidden):
    """The public steps below the toolkit ``toolkit_id`` (at ``depth``), with what their cards show, in tree order."""
    return (
        public_pages(compiled_sql.below(ToolkitStepPage, toolkit_id, depth), hidden)
        .only(*STEP_CARD_FIELDS)
        .order_by("path")
    )


def _toolkit_bundles(toolkit_id):
    return ToolkitBundle.objects.filter(toolkit_id=toolkit_id, step=None).order_by("created_at")


def _step_resource_links(only, page_ids):
    links = StepResource.objects.filter(page_id__in=page_ids).select_related("resource__document")
    return links.only("page_id", "sort_order", "resource_id", *only) if only else links


def resource_is_published(resource):
    """A resource is public when a step the public may see (``home.visibility``) lists it."""
    steps = StepResource.objects.filter(resource=resource).values("page_id")
    return public_pages(ToolkitStepPage.objects.filter(pk__in=steps)).exists()


# What a step's card on the toolkit page shows, and what a resource in a list of downloads shows
# (``toolkit/toolkit_page.html``, ``toolkit/includes/resource_list.html``).
STEP_CARD_FIELDS = ("id", "title", "url_path", "locale_id", "path", "purpose", "time_needed")
RESOURCE_LIST_FIELDS = (
    "resource__title",
    "resource__description",
    "resource__kind",
    "resource__language",
    "resource__document__file",
    "resource__document__file_size",
)


def resources_for_steps(steps, only=None):
    """The distinct resources of ``steps`` (a list in tree order), in step order then the order within each step
    (with ``only`` the resources' and documents' fields loaded, e.g. ``RESOURCE_LIST_FIELDS``)."""
    position = {step.pk: index for index, step in enumerate(steps)}
    only = tuple(only or ())
    links = compiled_sql.objects(("step-resources", only), partial(_step_resource_links, only), list(position))
    seen, resources = set(), []
    for link in sorted(links, key=lambda link: (position[link.page_id], link.sort_order, link.pk)):
        if link.resource_id not in seen:
            seen.add(link.resource_id)
            resources.append(link.resource)
    return resources


class ToolkitStepPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, Page):
    """One step of replicating the fund model: purpose, people, time, activities, checklist, tips, resources."""

    purpose = models.TextField(_("purpose"), help_text=_("What this step achieves, in one or two sentences."))
    participants = models.TextField(
        _("who takes part"), help_text=_("Who should be in the room: committee, youth, informal workers, partners.")
    )
    time_needed = models.CharField(
        _("time needed"), max_length=120, help_text=_("A realistic estimate, e.g. “2 meetings of 3 hours”.")
    )
    activities = StreamField(
        BaseStreamBlock(),
        verbose_name=_("activities"),
        help_text=_("What people do in this step, in order."),
    )
    checklist = StreamField(
        ChecklistStreamBlock(),
        blank=True,
        verbose_name=_("checklist"),
        help_text=_("Items to tick off before moving on; printed with empty boxes."),
    )

    parent_page_types = ["toolkit.ToolkitPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("participants"), FieldPanel("time_needed")], heading=_("At a glance")
        ),
        FieldPanel("activities"),
        FieldPanel("checklist"),
        InlinePanel("tips", label=_("Tips from the learning units")),
        InlinePanel("resource_links", label=_("Resources")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("participants"),
        index.SearchField("activities"),
        index.SearchField("checklist"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("purpose"),
        TranslatableField("participants"),
        TranslatableField("time_needed"),
        TranslatableField("activities"),
        TranslatableField("checklist"),
        TranslatableField("tips"),
        TranslatableField("resource_links"),
    ]

    class Meta:
        verbose_name = _("toolkit step")
        verbose_name_plural = _("toolkit steps")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolkit = self.get_parent()
        # The public steps (``home.visibility``: live, not hidden by a restriction), and this one for a reader it
        # was unlocked for: their titles and addresses, for the previous and next links.
        # With each step's newest stored PDF (built on publish), for this step's size beside its link: no query
        # of its own.
        hidden = hidden_page_ids()
        siblings = compiled_sql.objects(
            ("toolkit-step-siblings", self.depth), partial(_siblings, self.depth), toolkit.pk
        )
        this = next((s for s in siblings if s.pk == self.pk), None)
        steps = [s for s in siblings if (s.live and s.pk not in hidden) or s.pk == self.pk]
        ids = [s.pk for s in steps]
        position = ids.index(self.pk) if self.pk in ids else None
        context.update(
            toolkit=toolkit,
            steps=steps,
            number=position + 1 if position is not None else None,
            total=len(steps),
            previous_step=steps[position - 1] if position else None,
            next_step=steps[position + 1] if position is not None and position + 1 < len(steps) else None,
            tips=tips_with_public_links(self.tips.select_related("linked_page")),
            resources=[link.resource for link in self.resource_links.select_related("resource__document")],
            step_pdf=ToolkitBundle(pk=this.pdf_id, size=this.pdf_size) if this and this.pdf_id else None,
        )
        return context


def _siblings(depth, toolkit_id):
    """Every step below the toolkit ``toolkit_id`` (at ``depth``), live or not, in tree order, with its newest PDF."""
    newest_pdf = ToolkitBundle.objects.filter(step=OuterRef("pk")).order_by("-created_at")
    return (
        compiled_sql.below(Page, toolkit_id, depth)
        .only("id", "title", "path", "url_path", "locale_id", "live")
        .annotate(pdf_id=Subquery(newest_pdf.values("pk")[:1]), pdf_size=Subquery(newest_pdf.values("size")[:1]))
        .order_by("path")
    )


def tips_with_public_links(tips):
    """``tips`` (with their ``linked_page`` selected) as a list, each with ``public_link``: its linked page if the
    public may see it (``home.visibility``: live and not hidden by a restriction), else None. No query of its own:
    the hidden pages are read once per request."""
    tips = list(tips)
    hidden = hidden_page_ids()
    for tip in tips:
        page = tip.linked_page
        tip.public_link = page if page is not None and page.live and page.pk not in hidden else None
    return tips


class StepTip(TranslatableMixin, Orderable):
    """A tip from a learning unit, optionally linking to the page that tells more (e.g. a case study)."""

    page = ParentalKey(ToolkitStepPage, on_delete=models.CASCADE, related_name="tips")
    text = models.TextField(_("tip"), help_text=_("What a learning unit learned, in one or two sentences."))
    # A generic page: the case study model is built separately and may be linked here once it exists.
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("read more on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The case study (or other page) this tip comes from."),
    )

    panels = [FieldPanel("text"), FieldPanel("linked_page")]
    translatable_fields = [TranslatableField("text"), TranslatableField("linked_page")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tip from a learning unit")
        verbose_name_plural = _("tips from the learning units")
        ordering = ["sort_order"]


class ToolkitResource(TranslatableMixin, models.Model):
    """A downloadable form, template, ledger or guide, with its file in Wagtail's documents."""

    class Kind(models.TextChoices):
        FORM = "form", _("Form")
        TEMPLATE = "template", _("Template")
        LEDGER = "ledger", _("Ledger")
        GUIDE = "guide", _("Guide")

    title = models.CharField(_("title"), max_length=200, help_text=_("The resource's name, as readers see it."))
    description = models.TextField(
        _("description"), help_text=_("One or two sentences: what it is for and when to use it.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, help_text=_("Form, template, ledger or guide.")
    )
    # No model choices: wagtail-localize then lets a translation override the file's language with its file.
    language = models.CharField(
        _("language of the file"),
        max_length=8,
        default="th",
        help_text=_("The language the file itself is written in."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The file to download: pdf, docx, xlsx, odt, ods, csv, png or jpg."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
        FieldPanel("document"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("language", overridable=True),
        SynchronizedField("document", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("toolkit resource")
        verbose_name_plural = _("toolkit resources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Choose one of the site's languages.")})

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def file_type(self):
        """The file's type as readers know it, e.g. “PDF”, “DOCX”."""
        return self.document.file_extension.upper() if self.document else ""

    def steps(self):
        """The public steps that use this resource, in tree order."""
        return public_pages(ToolkitStepPage.objects.filter(resource_links__resource=self)).distinct().order_by("path")


class StepResource(TranslatableMixin, Orderable):
    """Links a resource to a step; a resource may belong to several steps."""

    page = ParentalKey(ToolkitStepPage, on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(
        ToolkitResource,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="step_links",
        help_text=_("A form, template, ledger or guide used in this step."),
    )

    panels = [FieldPanel("resource")]
    translatable_fields = [TranslatableField("resource")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("step resource")
        verbose_name_plural = _("step resources")
        ordering = ["sort_order"]


class ToolkitBundle(models.Model):
    """A generated ZIP or PDF of one toolkit, stored and reused while its fingerprint stays the same."""

    class Kind(models.TextChoices):
        ZIP = "zip", "ZIP"
        PDF = "pdf", "PDF"

    toolkit = models.ForeignKey(ToolkitPage, verbose_name=_("toolkit"), on_delete=models.CASCADE, related_name="+")
    # Set for the small PDF of one step; empty for the whole toolkit's PDF and ZIP.
    step = models.ForeignKey(
        "ToolkitStepPage", verbose_name=_("step"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, help_text=_("Digest of the published content the file was built from.")
    )
    file = models.FileField(_("file"), upload_to="toolkit/bundles/")
    size = models.PositiveBigIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("toolkit bundle")
        verbose_name_plural = _("toolkit bundles")
        constraints = [
            models.UniqueConstraint(fields=["toolkit", "kind", "fingerprint"], name="toolkit_bundle_unique_version")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.fingerprint[:12]}"


def month_start(when=None):
    """The first day of the month of ``when`` (default: now), in the site's time zone."""
    day = timezone.localdate(when) if when is not None else timezone.localdate()
    return day.replace(day=1)


class DownloadCountQuerySet(models.QuerySet):
    def record(self, item, language, resource=None, when=None):
        """Add one to the month's counter for ``item``; only the item, language and month are stored."""
        month = month_start(when)
        lookup = {"resource": resource} if resource is not None else {"resource": None, "item": item}
        counters = self.filter(month=month, **lookup)
        if counters.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                self.create(item=item, language=language, resource=resource, month=month, count=1)
        except IntegrityError:  # another request created it first
            counters.update(count=F("count") + 1)

    def top_of_month(self, day, limit=50):
        """Counters of the month of ``day`` (a date), most downloaded first, with their resources loaded."""
        return (
            self.filter(month=day.replace(day=1))
            .select_related("resource")
            .order_by("-count", "item", "language")[:limit]
        )


class DownloadCount(models.Model):
    """How often something was downloaded in a month. Deliberately holds no IP, cookie or user agent."""

    purges_page_cache = False  # counted while serving public downloads; shown on no public page (home.page_cache)

    class Item(models.TextChoices):
        RESOURCE = "resource", _("Resource")
        ZIP = "zip", _("Toolkit ZIP")
        PDF = "pdf", _("Toolkit PDF")

    item = models.CharField(_("item"), max_length=10, choices=Item.choices)
    resource = models.ForeignKey(
        ToolkitResource, verbose_name=_("resource"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    month = models.DateField(_("month"), help_text=_("The first day of the month counted."))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    objects = DownloadCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "month"], condition=Q(resource__isnull=False), name="download_count_resource_month"
            ),
            models.UniqueConstraint(
                fields=["item", "language", "month"],
                condition=Q(resource__isnull=True),
                name="download_count_bundle_month",
            ),
        ]

    def __str__(self):
        return f"{self.get_item_display()} {self.language} {self.month:%Y-%m}: {self.count}"
