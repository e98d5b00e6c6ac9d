"""Thailand's provinces and districts for the network: names in Thai and English from ``geothai`` (77 provinces,
928 districts, DOPA codes), and each province's region.

The regions are the six geographical regions of the National Research Council's 1977 scheme, the one the site's
case studies use (``casestudies.models.Region``); ``geothai`` has no regions, so they are listed here by the
province's DOPA code and checked against ``geothai``'s list by the tests.
"""

from functools import lru_cache

import geothai
from pythainlp.util import collate

REGION_PROVINCE_CODES = {
    "north": ("50", "51", "52", "53", "54", "55", "56", "57", "58"),
    "northeast": tuple(str(code) for code in range(30, 50)),
    "central": (
        *(str(code) for code in range(10, 20)),
        "26",
        "60",
        "61",
        "62",
        "64",
        "65",
        "66",
        "67",
        "72",
        "73",
        "74",
        "75",
    ),
    "east": ("20", "21", "22", "23", "24", "25", "27"),
    "west": ("63", "70", "71", "76", "77"),
    "south": ("80", "81", "82", "83", "84", "85", "86", "90", "91", "92", "93", "94", "95", "96"),
}

_REGION_OF = {code: region for region, codes in REGION_PROVINCE_CODES.items() for code in codes}


def _name(area, language):
    return area.name_th if language == "th" else area.name_en


def _sorted_by_name(areas, language):
    """``(code, name)`` pairs sorted by name: Thai dictionary order (leading vowels set aside) or A to Z."""
    pairs = [(area.code, _name(area, language)) for area in areas]
    if language != "th":
        return tuple(sorted(pairs, key=lambda pair: pair[1]))
    order = {name: index for index, name in enumerate(collate(name for _code, name in pairs))}
    return tuple(sorted(pairs, key=lambda pair: order[pair[1]]))


def region_of(province_code):
    """The region (``casestudies.models.Region`` value) of a province, or ``""`` for an unknown code."""
    return _REGION_OF.get(province_code, "")


def province_codes_in(region):
    """The province codes of a region (empty for an unknown region)."""
    return REGION_PROVINCE_CODES.get(region, ())


def is_province(code):
    return geothai.province(code) is not None if code else False


def is_district_of(district_code, province_code):
    """Is ``district_code`` a district of ``province_code``?"""
    district = geothai.district(district_code) if district_code else None
    return district is not None and district_code[:2] == province_code


@lru_cache(maxsize=4)
def province_choices(language):
    """``(code, name)`` of every province, sorted by name in ``language`` (Thai or English)."""
    return _sorted_by_name(geothai.provinces(), language)


@lru_cache(maxsize=200)
def district_choices(province_code, language):
    """``(code, name)`` of the districts of a province, sorted by name; empty for an unknown province."""
    return _sorted_by_name(geothai.districts(province_code), language)


def province_name(code, language):
    province = geothai.province(code) if code else None
    return _name(province, language) if province else ""


def district_name(code, language):
    district = geothai.district(code) if code else None
    return _name(district, language) if district else ""
