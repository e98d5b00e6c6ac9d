import math

from home.thai_map import OUTLINE, outline_path, place_layout, place_marks, project, view_box


def test_projection_puts_north_up_and_east_right():
    bangkok = project(13.75, 100.5)
    chiang_mai = project(18.79, 98.98)
    ubon = project(15.24, 104.85)
    assert chiang_mai[1] < bangkok[1]  # north is up
    assert ubon[0] > bangkok[0]  # east is right


def test_outline_fits_the_view_box_and_is_closed():
    _x0, _y0, width, height = (float(v) for v in view_box().split())
    for lat, lon in OUTLINE:
        x, y = project(lat, lon)
        assert 0 <= x <= width and 0 <= y <= height
    path = outline_path()
    assert path.startswith("M") and path.endswith("Z")
    assert path.count("L") == len(OUTLINE) - 1


def test_one_mark_per_item_even_in_the_same_province():
    items = ["a", "b", "c", "d"]
    places = {"a": (14.0, 99.5), "b": (14.0, 99.5), "c": (14.0, 99.5), "d": (18.3, 99.5)}
    marks = place_marks(items, places.get)
    assert sorted(m.item for m in marks) == items
    positions = {(m.x, m.y) for m in marks}
    assert len(positions) == 4  # units sharing a province do not hide each other
    alone = next(m for m in marks if m.item == "d")
    assert (alone.x, alone.y) == project(18.3, 99.5)


def test_places_are_laid_out_apart_once_for_every_province():
    """Bangkok, Nonthaburi, Pathum Thani and Samut Prakan are a few kilometres apart: their marks are pushed apart
    so that none overlaps another; a place with room stays where it is."""
    provinces = (
        ("bangkok", 13.75, 100.5),
        ("nonthaburi", 13.86, 100.51),
        ("pathum-thani", 14.02, 100.53),
        ("samut-prakan", 13.6, 100.6),
        ("lampang", 18.29, 99.49),
    )
    layout = place_layout(provinces, gap=24)
    assert set(layout) == {slug for slug, _lat, _lon in provinces}
    points = list(layout.values())
    for i, first in enumerate(points):
        for second in points[i + 1 :]:
            assert math.dist(first, second) >= 23.9
    assert layout["lampang"] == project(18.29, 99.49)
    assert place_layout(provinces, gap=24) is layout  # laid out once
