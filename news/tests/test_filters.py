import pytest

from home.query_parameters import parse_choice
from news.filters import parse_year


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2566", "th", 2023),
        ("2023", "th", 2023),  # a CE year typed on the Thai site still counts
        ("2023", "en", 2023),
        ("2566", "en", None),  # beyond the range an English reader can mean
        (" 2567 ", "th", 2024),
        ("", "th", None),
        (None, "en", None),
        ("abc", "en", None),
        ("-2023", "en", None),
        ("２０２３", "en", None),  # full-width digits are not accepted
        ("99999999999999999999", "th", None),
        ("1066", "en", None),
    ],
)
def test_parse_year(value, language, expected):
    assert parse_year(value, language) == expected


def test_parse_choice_accepts_only_known_values():
    allowed = {"ban-pho-thong": object()}
    assert parse_choice("ban-pho-thong", allowed) == "ban-pho-thong"
    assert parse_choice("nope", allowed) is None
    assert parse_choice("", allowed) is None
    assert parse_choice(None, allowed) is None
