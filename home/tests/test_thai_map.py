import math

from home.thai_map import OUTLINE, group_marks, outline_path, place_layout, place_marks, project, view_box


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


def test_one_mark_per_province_with_its_units_and_neighbouring_marks_apart():
    """Bangkok, Nonthaburi, Pathum Thani and Samut Prakan are a few kilometres apart: their marks are pushed apart
    so that none overlaps another; the units of one province share one mark."""
    provinces = {
        "bangkok": (13.75, 100.5),
        "nonthaburi": (13.86, 100.51),
        "pathum-thani": (14.02, 100.53),
        "samut-prakan": (13.6, 100.6),
        "lampang": (18.29, 99.49),
    }
    items = [(province, number) for province in provinces for number in range(10)]
    marks = group_marks(items, lambda item: item[0], lambda item: provinces[item[0]], gap=24)
    assert len(marks) == 5
    assert all(mark.count == 10 and {item[0] for item in mark.items} == {mark.item[0]} for mark in marks)
    for i, first in enumerate(marks):
        for second in marks[i + 1 :]:
            assert math.dist((first.x, first.y), (second.x, second.y)) >= 23.9
    lampang = next(mark for mark in marks if mark.item[0] == "lampang")
    assert (lampang.x, lampang.y) == project(*provinces["lampang"])  # a mark with room stays where it is
