"""A small, self-drawn map of Thailand (the case study index, the impact indicator pages): outline and marks as SVG
coordinates.

The outline is a simplified border traced by hand from well-known places along it (good enough to be
recognised, not for navigation). Positions use an equirectangular projection scaled for Thailand's
latitude, so a province's latitude and longitude land in the right place on the outline.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

SCALE = 40  # SVG units per degree of latitude
WEST, NORTH = 97.2, 20.6  # top-left corner of the map, in degrees
SOUTH, EAST = 5.5, 105.8
_LON_FACTOR = math.cos(math.radians(13))  # Thailand's middle latitude

# (latitude, longitude) clockwise from Mae Sai, the northern tip.
OUTLINE = (
    (20.45, 99.9), (20.36, 100.1), (20.25, 100.42), (19.95, 100.55), (19.6, 100.45), (19.5, 100.9),
    (19.55, 101.25), (19.1, 101.3), (18.6, 101.05), (18.05, 101.05), (17.55, 101.0), (17.85, 101.4),
    (17.95, 101.75), (17.85, 102.2), (17.95, 102.75), (18.2, 103.1), (18.4, 103.4), (18.3, 103.95),
    (17.95, 104.15), (17.45, 104.75), (16.95, 104.78), (16.55, 104.73), (16.1, 105.05), (15.75, 105.45),
    (15.3, 105.55), (14.85, 105.5), (14.35, 105.2), (14.4, 104.65), (14.35, 104.0), (14.4, 103.45),
    (14.35, 102.95), (14.05, 102.75), (13.65, 102.55), (13.2, 102.4), (12.75, 102.5), (12.3, 102.7),
    (11.65, 102.92), (12.05, 102.6), (12.2, 102.3), (12.55, 101.95), (12.68, 101.45), (12.63, 101.0),
    (12.95, 100.88), (13.35, 100.97), (13.5, 100.6), (13.48, 100.25), (13.3, 99.98), (12.95, 100.05),
    (12.6, 99.95), (12.15, 99.98), (11.75, 99.8), (11.2, 99.55), (10.8, 99.38), (10.45, 99.2),
    (9.9, 99.15), (9.4, 99.2), (9.2, 99.5), (9.25, 99.85), (8.85, 99.95), (8.4, 100.05), (7.8, 100.3),
    (7.3, 100.45), (7.05, 100.75), (6.88, 101.25), (6.75, 101.6), (6.45, 101.82), (6.2, 102.1),
    (5.95, 101.95), (5.8, 101.65), (6.05, 101.4), (5.75, 101.2), (5.65, 100.98), (6.25, 100.85),
    (6.45, 100.55), (6.5, 100.15), (6.85, 99.9), (7.35, 99.55), (7.75, 99.3), (8.1, 98.85),
    (8.45, 98.6), (8.1, 98.4), (7.8, 98.3), (8.35, 98.25), (8.85, 98.27), (9.4, 98.45), (9.95, 98.6),
    (10.45, 98.78), (10.95, 99.1), (11.5, 99.6), (12.2, 99.42), (12.95, 99.18), (13.6, 99.1),
    (14.1, 98.65), (14.65, 98.5), (15.2, 98.28), (15.75, 98.55), (16.2, 98.9), (16.7, 98.52),
    (17.3, 98.25), (17.75, 97.75), (18.3, 97.62), (19.0, 97.4), (19.6, 97.8), (19.75, 98.05),
    (19.8, 98.55), (20.1, 98.95), (20.25, 99.5),
)  # fmt: skip

# Where the region names are written on the map (latitude, longitude).
REGION_LABELS = {
    "north": (18.9, 98.5),
    "northeast": (16.0, 103.2),
    "central": (14.95, 100.75),
    "east": (12.9, 101.8),
    "west": (15.6, 99.15),
    "south": (8.9, 99.1),
}


def project(latitude, longitude):
    """SVG ``(x, y)`` of a point given in degrees."""
    x = (float(longitude) - WEST) * _LON_FACTOR * SCALE
    y = (NORTH - float(latitude)) * SCALE
    return round(x, 1), round(y, 1)


def view_box():
    """The SVG viewBox covering the whole country."""
    width, height = project(SOUTH, EAST)
    return f"0 0 {width:g} {height:g}"


@lru_cache(maxsize=1)
def outline_path():
    """The country's outline as SVG path data."""
    points = [project(lat, lon) for lat, lon in OUTLINE]
    return "M" + " L".join(f"{x:g} {y:g}" for x, y in points) + " Z"


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    item: object


@dataclass(frozen=True)
class PlaceMark:
    """One mark for every item in one place (a province): drawn with their number when there are several."""

    x: float
    y: float
    items: tuple

    @property
    def count(self):
        return len(self.items)

    @property
    def item(self):
        return self.items[0]


def separate(points, gap, rounds=60):
    """``points`` (``[[x, y], ...]``, changed in place) pushed apart until no two are closer than ``gap`` (or after
    ``rounds`` passes): each pair that is too close moves apart along the line between them, half each."""
    for _round in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                dx, dy = points[j][0] - points[i][0], points[j][1] - points[i][1]
                distance = math.hypot(dx, dy)
                if distance >= gap:
                    continue
                if distance == 0:  # same place: part them sideways
                    dx, dy, distance = 1.0, 0.0, 1.0
                    points[j][0] += 0.01
                push = (gap - distance) / 2 + 0.01
                ux, uy = dx / distance, dy / distance
                points[i][0] -= ux * push
                points[i][1] -= uy * push
                points[j][0] += ux * push
                points[j][1] += uy * push
                moved = True
        if not moved:
            break
    return points


@lru_cache(maxsize=8)
def place_layout(places, gap=24.0):
    """``{key: (x, y)}`` for ``places``, a tuple of ``(key, latitude, longitude)`` (every province of the country):
    each at its position, moved apart from its neighbours until no two are closer than ``gap``, so that marks drawn
    there (and the numbers written in them) never overlap. Laid out once for every place (kept per process), so a
    place's mark stays where it is whichever of them are shown, and showing some costs no geometry per request."""
    points = separate([list(project(lat, lon)) for _key, lat, lon in places], gap)
    return {key: (round(x, 1), round(y, 1)) for (key, _lat, _lon), (x, y) in zip(places, points, strict=True)}


def group_marks(items, place, position, gap=24.0):
    """One ``PlaceMark`` per place (``place(item)``, e.g. a province) holding its items in the order given, at
    ``position`` (latitude, longitude) of its first item; marks of neighbouring places are moved apart so that no
    two marks (and the numbers written in them) overlap, however many units share a province."""
    by_place = {}
    for item in items:
        by_place.setdefault(place(item), []).append(item)
    groups = list(by_place.values())
    points = separate([list(project(*position(group[0]))) for group in groups], gap)
    return [PlaceMark(round(x, 1), round(y, 1), tuple(group)) for (x, y), group in zip(points, groups, strict=True)]


def place_marks(items, position, spread=9.0):
    """One mark per item at ``position(item)`` (latitude, longitude); items in the same place are set in a ring
    around it so every mark stays visible and clickable."""
    by_place = {}
    for item in items:
        by_place.setdefault(tuple(float(v) for v in position(item)), []).append(item)
    marks = []
    for (lat, lon), group in by_place.items():
        x, y = project(lat, lon)
        if len(group) == 1:
            marks.append(Mark(x, y, group[0]))
            continue
        for i, item in enumerate(group):
            angle = 2 * math.pi * i / len(group)
            marks.append(Mark(round(x + spread * math.cos(angle), 1), round(y + spread * math.sin(angle), 1), item))
    return marks
