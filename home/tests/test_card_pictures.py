"""A card's picture is read from the renditions' rows (``home.hero_image.card_pictures``), not through Wagtail's
objects: it must still be exactly the rendition Wagtail would give (issue 22)."""

import pytest

from wagtail.images import get_image_model

from casestudies.models import CaseStudyPage
from home.hero_image import CARD_FILTERS, CardPicture, card_pictures

pytestmark = pytest.mark.django_db


def wagtails_picture(image_id):
    """The picture as Wagtail gives it: the image read afresh, its renditions looked up (or made) by Wagtail."""
    small, large = get_image_model().objects.get(pk=image_id).get_renditions(*CARD_FILTERS).values()
    return CardPicture(small.url, large.url, small.width, small.height)


def units_with_images():
    units = list(CaseStudyPage.objects.filter(hero_image__isnull=False).order_by("path"))
    assert len(units) >= 3, "the demo's units have hero images"
    return units


def test_each_card_gets_the_picture_wagtail_gives(django_assert_num_queries):
    units = units_with_images()
    expected = {unit.pk: wagtails_picture(unit.hero_image_id) for unit in units}  # the renditions exist from here on
    with django_assert_num_queries(1):
        card_pictures(units)
    assert {unit.pk: unit.hero_picture for unit in units} == expected
    assert all(picture.src.endswith(".webp") and picture.src != picture.src_2x for picture in expected.values())
    assert {(picture.width, picture.height) for picture in expected.values()} == {(400, 250)}


def test_a_card_without_an_image_has_no_picture(django_assert_num_queries):
    unit = units_with_images()[0]
    unit.hero_image_id = None
    with django_assert_num_queries(0):
        card_pictures([unit])
    assert unit.hero_picture is None


def test_an_image_seen_for_the_first_time_gets_its_renditions_made():
    unit = units_with_images()[0]
    image = get_image_model().objects.get(pk=unit.hero_image_id)
    image.renditions.all().delete()
    card_pictures([unit])
    assert image.renditions.count() == len(CARD_FILTERS)
    assert unit.hero_picture == wagtails_picture(image.pk)


def test_a_moved_focal_point_gives_the_new_crop_not_the_old_rendition():
    unit = units_with_images()[0]
    image = get_image_model().objects.get(pk=unit.hero_image_id)
    before = wagtails_picture(image.pk)
    card_pictures([unit])
    assert unit.hero_picture == before
    # An editor sets a focal point: Wagtail's crop changes, the old renditions stay in the table.
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 20, 20
    image.save()
    card_pictures([unit])
    after = wagtails_picture(image.pk)
    assert after != before
    assert unit.hero_picture == after
