"""Programme news: one index page per language and one page per news item, with RSS and Atom feeds.

Related case studies, partners and tags are many-to-many fields that wagtail-localize copies as they
are (a translated news item keeps pointing at the Thai objects); templates show each one in the
reader's language through ``news.related``.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.hero_image import HeroImageMixin
from home.language_forms import SameLanguagePageForm
from home.models import PAGE_TRANSLATABLE_FIELDS, SHARE_PANELS, ShareFieldsMixin, TranslatableTerm
from home.page_cache import CachedContentMixin
from home.page_slugs import RomanisedSlugMixin
from home.search import SegmentedSearchMixin


class NewsTag(TranslatableTerm):
    """A topic that news items are tagged with; the name is translated, the slug is shared."""

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsIndexPage(
    RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, RoutablePageMixin, ShareFieldsMixin, Page
):
    """Programme news, newest first, filtered by year, region and learning unit; serves the RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences above the news list."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    query_parameters = ("year", "region", "unit", "page")
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + SHARE_PANELS
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro"), SynchronizedField("share_image")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_meta_description(self):
        return self.intro

    @path("")
    def index_route(self, request):
        from .context import index_context

        return self.render(request, context_overrides=index_context(self, request))

    def get_cached_paths(self):
        """The listing and its feeds: purged together from an HTTP cache in front (``home.http_cache``)."""
        return ["/", "feed/", "feed/atom/"]

    @path("feed/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPageForm(SameLanguagePageForm):
    """Offers only the partners, tags and case studies of the page's own language."""

    same_language_fields = ("partners", "tags", "related_case_studies")


class NewsPage(RomanisedSlugMixin, CachedContentMixin, SegmentedSearchMixin, ShareFieldsMixin, HeroImageMixin, Page):
    """One news item: date, summary, hero image, story, and the learning units and partners it concerns."""

    date = models.DateField(_("date"), help_text=_("The date of the news (what happened, or when it was announced)."))
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "Two or three sentences shown in the news list, the feeds and link previews (at most 400 characters)."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The news story: text, images, quotes, galleries, videos and callouts."),
    )
    related_case_studies = ParentalManyToManyField(
        "casestudies.CaseStudyPage",
        blank=True,
        related_name="news_items",
        verbose_name=_("related learning units"),
        help_text=_("The case studies (learning units) this news is about; the news is listed on their pages."),
    )
    partners = ParentalManyToManyField(
        "home.Partner",
        blank=True,
        related_name="news_items",
        verbose_name=_("partners"),
        help_text=_("Programme partners this news concerns."),
    )
    tags = ParentalManyToManyField(
        NewsTag,
        blank=True,
        related_name="news_items",
        verbose_name=_("tags"),
        help_text=_("Topics of this news item. Add new tags under Snippets → News tags."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    schema_org_type = "Article"  # described as a schema.org Article when shared or crawled (home.seo)
    subpage_types = []
    base_form_class = NewsPageForm

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel,
        FieldPanel("body"),
        FieldPanel("related_case_studies", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = Page.promote_panels + SHARE_PANELS
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_alt"),
        TranslatableField("body"),
        SynchronizedField("related_case_studies"),
        SynchronizedField("partners"),
        SynchronizedField("tags"),
        SynchronizedField("share_image"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date", "-pk"]

    def pages_showing_it(self):
        """The learning units' pages list their news (for purging an HTTP cache in front, ``home.http_cache``)."""
        return self.related_case_studies.all()

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_share_image(self):
        return self.share_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        from .context import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self))
        return context
