"""Readiness self-check content that editors write in both languages: themes and weighted questions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ReadinessAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300, help_text=_("The answer as readers see it."))
    points = blocks.IntegerBlock(
        label=_("points"),
        min_value=0,
        max_value=10,
        help_text=_("How ready this answer shows the community to be: 0 (not yet) to 10 (fully)."),
    )

    class Meta:
        icon = "radio-full"
        label = _("answer")


class ReadinessTheme(TranslatableMixin, Orderable):
    """A theme of the self-check (e.g. money management); its result points to toolkit steps to start with."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Short name of the theme, shown as a heading."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on what this theme asks about.")
    )
    advice = models.TextField(
        _("advice when the score is low"),
        blank=True,
        help_text=_("What to do first when a community scores low on this theme."),
    )
    start_steps = StreamField(
        [("page", blocks.PageChooserBlock(label=_("toolkit step")))],
        blank=True,
        verbose_name=_("toolkit steps to start with"),
        help_text=_("The toolkit steps the result page links to for this theme, in order."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("advice"), FieldPanel("start_steps")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("advice"),
        TranslatableField("start_steps"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("self-check theme")
        verbose_name_plural = _("self-check themes")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class ReadinessQuestion(TranslatableMixin, Orderable):
    """One question of the self-check, with its answers and the points each answer scores."""

    theme = models.ForeignKey(
        ReadinessTheme,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("theme"),
        help_text=_("The theme this question belongs to."),
    )
    text = models.CharField(_("question"), max_length=300, help_text=_("The question, as a reader sees it."))
    help_text = models.TextField(
        _("explanation"), blank=True, help_text=_("Optional: what the question means, in plain words.")
    )
    answers = StreamField(
        [("answer", ReadinessAnswerBlock())],
        verbose_name=_("answers"),
        help_text=_("Two to five answers, in order from least to most ready."),
    )

    panels = [FieldPanel("theme"), FieldPanel("text"), FieldPanel("help_text"), FieldPanel("answers")]
    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("help_text"),
        TranslatableField("answers"),
        TranslatableField("theme"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("self-check question")
        verbose_name_plural = _("self-check questions")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.text
