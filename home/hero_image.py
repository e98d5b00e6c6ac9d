"""A page's hero image: the wide picture at its top and on its cards, with the alt text that must go with it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

# The renditions of a hero image on cards and in lists (one size for each pixel density).
CARD_RENDITIONS = ("fill-400x250|format-webp", "fill-800x500|format-webp")


class HeroImageMixin(models.Model):
    """``hero_image`` and ``hero_alt`` fields, their editor panel, and the rule that an image needs alt text."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide picture shown at the top of the page, on its card in lists and when it is shared."),
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the hero image shows for readers who cannot see it. Required with an image."),
    )

    hero_panel = MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the hero image for readers who cannot see it.")})


def prefetch_hero_images(pages, specs=CARD_RENDITIONS):
    """Prefetch the ``specs`` renditions of ``pages``' hero images (one query; the pages must select_related them)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    images = [p.hero_image for p in pages if p.hero_image_id]
    prefetch_related_objects(images, Prefetch("renditions", queryset=renditions))
