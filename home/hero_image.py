"""A page's hero image: the wide picture at its top and on its cards, with the alt text that must go with it."""

from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter

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


def _rendition_rows(card_images, own_image, page_specs):
    """``(rendition fields, image fields, rows)``: the ``CARD_RENDITIONS`` renditions of the images ``card_images``
    and the ``page_specs`` renditions of ``own_image``, each row a rendition's fields then its image's, in one query
    its SQL compiled once per process (``home.compiled_sql``)."""
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
    return rendition_fields, image_fields, found


def _images_with_renditions(wanted, rendition_fields, image_fields, rows):
    """``{id: image}`` of the image ids ``wanted``, each with its renditions among ``rows`` (``_rendition_rows``)
    kept as ``get_renditions`` reads them; an image without any (its first view) read on its own."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    db, split = rendition_model.objects.db, len(rendition_fields)
    by_image, images = {}, {}
    for row in rows:
        rendition = rendition_model.from_db(db, rendition_fields, row[:split])
        rendition.image = images.get(rendition.image_id) or image_model.from_db(db, image_fields, row[split:])
        by_image.setdefault(rendition.image_id, []).append(rendition)
        images.setdefault(rendition.image_id, rendition.image)
    missing = set(wanted) - {None} - images.keys()
    if missing:  # no rendition yet
        images.update(image_model.objects.in_bulk(missing))
    for image_id, image in images.items():
        _with_renditions(image, by_image.get(image_id, []))
    return images


def prefetch_hero_renditions(cards, page=None, page_specs=()):
    """The ``CARD_RENDITIONS`` of the hero images of ``cards`` (pages, their ``hero_image`` set here) and the
    ``page_specs`` renditions of ``page``'s own hero image, in one query that also brings the images, its SQL
    compiled once per process (``home.compiled_sql``). An image without any of these renditions yet (its first
    view) is read on its own."""
    card_images = {card.hero_image_id for card in cards if card.hero_image_id}
    own_image = page.hero_image_id if page is not None else None
    if not own_image and not card_images:
        return
    images = _images_with_renditions(card_images | {own_image}, *_rendition_rows(card_images, own_image, page_specs))
    if own_image in images:
        page.hero_image = images[page.hero_image_id]
    for card in cards:
        card.hero_image = images.get(card.hero_image_id)


@dataclass(frozen=True)
class CardPicture:
    """A card's image as its ``<img>`` needs it: the URLs of its ``CARD_RENDITIONS`` (1× and 2×) and the 1×'s size."""

    src: str
    src_2x: str
    width: int
    height: int


CARD_FILTERS = tuple(Filter(spec) for spec in CARD_RENDITIONS)  # built once


def _picture(image):
    """The ``CardPicture`` of ``image`` from Wagtail's renditions (made now where they do not exist yet)."""
    small, large = image.get_renditions(*CARD_FILTERS).values()
    return CardPicture(small.url, large.url, small.width, small.height)


def card_pictures(cards, page=None, page_specs=()):
    """Each of ``cards`` (pages) with ``hero_picture``: its hero image's ``CardPicture`` (None without an image),
    and ``page``'s own hero image with its ``page_specs`` renditions, as ``prefetch_hero_renditions``: one query,
    compiled once.

    A card's picture is read from the renditions' rows as they are, no image or rendition objects built and no
    Wagtail lookup per card (issue 22: those cost 0.4 ms a card, a tenth of a listing of 8), but by Wagtail's own
    rule: the rendition of each spec whose focal-point key is the image's (``Filter.get_cache_key``), its URL from
    the renditions' storage. An image without both renditions yet, or an SVG (whose filters Wagtail rewrites), is
    read and given them by Wagtail."""
    card_images = {card.hero_image_id for card in cards if card.hero_image_id}
    own_image = page.hero_image_id if page is not None else None
    pictures = {}
    if own_image or card_images:
        rendition_fields, image_fields, rows = _rendition_rows(card_images, own_image, page_specs)
        if own_image:
            own_rows = [row for row in rows if row[rendition_fields.index("image_id")] == own_image]
            page.hero_image = _images_with_renditions({own_image}, rendition_fields, image_fields, own_rows)[own_image]
        pictures = _pictures(card_images, rendition_fields, image_fields, rows)
    for card in cards:
        card.hero_picture = pictures.get(card.hero_image_id)


def _pictures(image_ids, rendition_fields, image_fields, rows):
    """``{image id: CardPicture}`` of ``image_ids`` from ``rows`` (``_rendition_rows``), else from Wagtail."""
    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    split, found = len(rendition_fields), {}
    for row in rows:
        rendition = dict(zip(rendition_fields, row[:split], strict=True))
        image = SimpleNamespace(**dict(zip(image_fields, row[split:], strict=True)))
        if rendition["image_id"] in image_ids and not image.file.lower().endswith(".svg"):
            spec = rendition["filter_spec"]
            if spec in CARD_RENDITIONS and rendition["focal_point_key"] == CARD_FILTERS[
                CARD_RENDITIONS.index(spec)
            ].get_cache_key(image):
                found.setdefault(image.id, {})[spec] = rendition
    pictures = {}
    for image_id, by_spec in found.items():
        if len(by_spec) == len(CARD_RENDITIONS):
            small, large = (by_spec[spec] for spec in CARD_RENDITIONS)
            pictures[image_id] = CardPicture(
                storage.url(small["file"]), storage.url(large["file"]), small["width"], small["height"]
            )
    missing = image_ids - pictures.keys()
    if missing:  # first view (or an SVG): Wagtail reads the image and makes its renditions
        for image_id, image in get_image_model().objects.in_bulk(missing).items():
            pictures[image_id] = _picture(image)
    return pictures
