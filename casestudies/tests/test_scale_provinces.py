"""The scale generator's provinces (casestudies/scale/provinces.yaml) against the Department of Provincial
Administration's list as geothai carries it, and their regions against the network's."""

from decimal import Decimal

import geothai

from casestudies import scale
from casestudies.models import Region
from network import places


def test_every_province_is_geothai_s_by_code_and_name_none_missing_none_extra():
    rows = scale.PROVINCE_ROWS
    codes = [row["code"] for row in rows]
    assert len(rows) == 77 and len(set(codes)) == 77
    assert set(codes) == {province.code for province in geothai.provinces()}
    for row in rows:
        province = geothai.province(row["code"])
        assert (row["name"].th, row["name"].en) == (province.name_th, province.name_en), row["slug"]
    assert len({row["slug"] for row in rows}) == 77


def test_every_province_is_in_the_region_the_network_lists_it_in():
    regions = {row["slug"]: places.region_of(row["code"]) for row in scale.PROVINCE_ROWS}
    assert {province["slug"]: province["region"] for province in scale.PROVINCES} == regions
    sizes = {region: list(regions.values()).count(region) for region in Region.values}
    assert sizes == {"north": 9, "northeast": 20, "central": 22, "east": 7, "west": 5, "south": 14}


def test_a_province_s_mark_is_its_seat():
    seats = {province["slug"]: (province["latitude"], province["longitude"]) for province in scale.PROVINCES}
    assert seats["bangkok"] == (Decimal("13.75"), Decimal("100.50"))
    assert seats["chiang-mai"] == (Decimal("18.79"), Decimal("98.98"))
    assert seats["songkhla"] == (Decimal("7.19"), Decimal("100.60"))  # the town of Songkhla, not Hat Yai
    assert "code" not in scale.PROVINCES[0]  # not a field of casestudies.Province
