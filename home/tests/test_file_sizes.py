import pytest

from django.template import Context, Template
from django.utils import translation

from home.numbers import format_file_size


@pytest.mark.parametrize(
    ("size", "language", "expected"),
    [
        (0, "en", "0\xa0bytes"),
        (512, "en", "512\xa0bytes"),
        (512, "th", "512\xa0ไบต์"),
        (1023, "en", "1,023\xa0bytes"),
        (1024, "en", "1\xa0KB"),
        (1536, "en", "1.5\xa0KB"),
        (82501, "th", "81\xa0KB"),
        (1258291, "en", "1.2\xa0MB"),
        (1024 * 1024 - 1, "en", "1\xa0MB"),  # not "1,024 KB"
        (10 * 1024 * 1024 - 1, "en", "10\xa0MB"),
        (3 * 1024**3, "th", "3\xa0GB"),
        (5 * 1024**4, "en", "5,120\xa0GB"),
        (None, "en", ""),
    ],
)
def test_format_file_size(size, language, expected):
    assert format_file_size(size, language) == expected


@pytest.mark.parametrize(("language", "expected"), [("en", "PDF, 1.2\xa0MB"), ("th", "ไฟล์ PDF ขนาด 1.2\xa0MB")])
def test_download_label_in_both_languages(language, expected):
    template = Template('{% load download_tags %}{% download_label "pdf" size %}|{% download_label "ZIP" None %}')
    with translation.override(language):
        assert template.render(Context({"size": 1258291})) == f"{expected}|ZIP"
