"""Provinces, districts and regions from geothai: complete, consistent, sorted for readers."""

import geothai

from casestudies.models import Region
from network import places


def test_every_province_has_one_region_and_the_regions_have_their_provinces():
    codes = {province.code for province in geothai.provinces()}
    assert len(codes) == 77
    assert set(places._REGION_OF) == codes
    sizes = {region: len(codes) for region, codes in places.REGION_PROVINCE_CODES.items()}
    assert sizes == {"north": 9, "northeast": 20, "central": 22, "east": 7, "west": 5, "south": 14}
    assert set(sizes) == set(Region.values)


def test_region_examples():
    assert places.region_of("38") == "northeast"  # Bueng Kan
    assert places.region_of("71") == "west"  # Kanchanaburi
    assert places.region_of("52") == "north"  # Lampang
    assert places.region_of("60") == "central"  # Nakhon Sawan
    assert places.region_of("99") == ""


def test_districts_belong_to_their_province():
    assert places.is_district_of("3801", "38")
    assert not places.is_district_of("3801", "10")
    assert not places.is_district_of("", "10")
    assert not places.is_district_of("9999", "99")
    assert sum(len(places.district_choices(code, "en")) for code, _name in places.province_choices("en")) == 928


def test_names_in_both_languages_and_thai_order():
    assert places.province_name("38", "th") == "บึงกาฬ"
    assert places.province_name("38", "en") == "Bueng Kan"
    assert places.district_name("3801", "en") == "Mueang Bueng Kan"
    thai = [name for _code, name in places.district_choices("38", "th")]
    # Thai dictionary order sets leading vowels aside: เซกา (ซ) comes before บึงโขงหลง (บ).
    assert thai.index("เซกา") < thai.index("บึงโขงหลง")
    english = [name for _code, name in places.province_choices("en")]
    assert english == sorted(english)
    assert places.district_choices("zz", "th") == ()
