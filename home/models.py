"""Home page, standard pages and the site-wide partner list."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BaseStreamBlock
from .page_slugs import RomanisedSlugMixin
from .search import SegmentedSearchMixin

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug"),
]


class TranslatableTerm(TranslatableMixin, models.Model):
    """A short translatable name with a shared ASCII slug: the base of every taxonomy snippet (provinces, target
    groups, occupations, news tags). The name is translated; the slug stays the same in every language, so filter
    links work unchanged in both, and is unique within a language (``unique_<model>_slug_locale``).

    Its admin is a ``home.term_admin.TermViewSet``."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The name readers see, in this language."))
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Short ASCII name used in links and filters, e.g. “mat-weaving”. The same in every language."),
    )

    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_%(class)s_slug_locale")]

    def __str__(self):
        return self.name


class ShareFieldsMixin(models.Model):
    """A share image for link previews (LINE, Facebook ...); add it to a page model with ``SHARE_PANELS``.

    The page's meta description is Wagtail's own ``search_description``; ``home.seo`` falls back to
    the page's summary/intro and then a site default when either is empty.
    """

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on LINE, Facebook and the like (cropped to 1200×630). "
            "Empty: the page's hero image, else the site's default picture."
        ),
    )

    class Meta:
        abstract = True


SHARE_PANELS = [FieldPanel("share_image")]


class HomePage(RomanisedSlugMixin, SegmentedSearchMixin, Page):
    """The root of each language's tree: the model in brief, and the way into every section."""

    hero_heading = models.CharField(
        _("hero heading"), max_length=200, help_text=_("The large heading at the top of the home page.")
    )
    hero_intro = models.TextField(
        _("hero introduction"), help_text=_("One or two sentences that explain the model in brief.")
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The model in brief: its ideas, partners and pilot units."),
    )

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: a section's page type says it belongs here with parent_page_types = ["home.HomePage"].

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("hero_heading"),
        TranslatableField("hero_intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Wagtail's routing, reading the pages on the way to the one named in one query (``home.page_routing``)."""
        if not path_components:
            return super().route(request, path_components)
        from .page_routing import route_below

        return route_below(self, request, path_components)

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language: only while some locale still has none.
        return super().can_create_at(parent) and cls.objects.count() < Locale.objects.count()

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a home page."))


class StandardPage(RomanisedSlugMixin, SegmentedSearchMixin, Page):
    """A plain content page: about the model, partners, FAQ, privacy."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short summary shown under the title."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("The page content."))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("search_description"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class Partner(TranslatableMixin, Orderable):
    """An organisation that runs or supports the programme; listed in the footer and on pages."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Full name of the organisation."))
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("Acronym or short name, e.g. EEF / กสศ.")
    )
    role = models.TextField(
        _("role in the programme"), blank=True, help_text=_("One or two sentences on what it does.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The organisation's own site."))

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("role"),
        SynchronizedField("website"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class CacheGeneration(models.Model):
    """One row per purge of the page and fragment caches (``home.page_cache``) when each process keeps its own
    cache (no Redis): the newest row's id is the generation, read once per request, so every process sees a
    publish at its next request. Rows are only ever added, so purges never wait for one another."""

    id = models.BigAutoField(primary_key=True)

    purges_page_cache = False  # it is the purge

    class Meta:
        verbose_name = _("cache generation")

    def __str__(self):
        return str(self.id)
