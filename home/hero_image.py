"""A page's hero image: the wide picture at its top and on its cards, with the alt text that must go with it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

from home import compiled_sql

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


def _with_renditions(image, renditions):
    """``image`` with ``renditions`` kept as Django's ``prefetch_related`` keeps them (``get_rendition`` reads them)."""
    prefetched = image.renditions.all()  # a queryset not yet run
    prefetched._result_cache, prefetched._prefetch_done = renditions, True
    image._prefetched_objects_cache = {"renditions": prefetched}
    for rendition in renditions:
        rendition.image = image


def prefetch_hero_renditions(cards, page=None, page_specs=()):
    """The ``CARD_RENDITIONS`` of the hero images of ``cards`` (pages, their ``hero_image`` set here) and the
    ``page_specs`` renditions of ``page``'s own hero image, in one query that also brings the images, its SQL
    compiled once per process (``home.compiled_sql``). An image without any of these renditions yet (its first
    view) is read on its own."""
    card_images = {card.hero_image_id for card in cards if card.hero_image_id}
    own_image = page.hero_image_id if page is not None else None
    if not own_image and not card_images:
        return
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    rendition_fields = [f.attname for f in rendition_model._meta.concrete_fields]
    image_fields = [f.attname for f in image_model._meta.concrete_fields]

    def build(own_image, card_images):
        return rendition_model.objects.filter(
            Q(image_id=own_image, filter_spec__in=page_specs)
            | Q(image_id__in=card_images, filter_spec__in=CARD_RENDITIONS)
        ).values_list(*rendition_fields, *(f"image__{name}" for name in image_fields))

    found = compiled_sql.rows(("renditions", page_specs), build, own_image, card_images)
    db, split = rendition_model.objects.db, len(rendition_fields)
    by_image, images = {}, {}
    for row in found:
        rendition = rendition_model.from_db(db, rendition_fields, row[:split])
        rendition.image = images.get(rendition.image_id) or image_model.from_db(db, image_fields, row[split:])
        by_image.setdefault(rendition.image_id, []).append(rendition)
        images.setdefault(rendition.image_id, rendition.image)
    missing = (card_images | {own_image}) - {None} - images.keys()
    if missing:  # no rendition yet
        images.update(get_image_model().objects.in_bulk(missing))
    if own_image in images:
        page.hero_image = images[page.hero_image_id]
    for card in cards:
        card.hero_image = images.get(card.hero_image_id)
    for image_id, image in images.items():
        _with_renditions(image, by_image.get(image_id, []))
