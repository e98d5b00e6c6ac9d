"""The privacy page exists in both languages, says what the site does, and every page's footer links to it."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "points"),
    [
        ("th", "ความเป็นส่วนตัว", ["ไม่ติดตามผู้อ่าน", "ไม่โหลดสิ่งใดจากเว็บไซต์อื่น", "ไม่มีคุกกี้สำหรับผู้อ่าน"]),
        ("en", "Privacy", ["No tracking", "Nothing loaded from other sites", "No cookies for readers"]),
    ],
)
def test_privacy_page_in_each_language_is_linked_from_every_footer(client, language, title, points):
    page = client.get(f"/{language}/privacy/")
    assert page.status_code == 200
    body = page.content.decode()
    assert f">{title}</h1>" in body
    for point in points:
        assert point in body, point
    # Each point is its own translated text (a shared path would repeat one point three times).
    assert len({body.index(point) for point in points}) == 3
    if language == "en":
        assert body.count("public pages set no cookies") == 1
    for path in (f"/{language}/", f"/{language}/about/", f"/{language}/toolkit/", f"/{language}/news/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<a href="/{language}/privacy/">{title}</a>' in response.content.decode(), path


@pytest.mark.parametrize(("language", "words"), [("th", "ดูที่ youtube.com"), ("en", "Watch on youtube.com")])
def test_video_block_is_a_plain_link_that_loads_nothing_from_the_other_site(language, words):
    from django.utils import translation

    from home.blocks import BaseStreamBlock

    stream = BaseStreamBlock()
    value = stream.to_python(
        [{"type": "embed", "value": {"url": "https://www.youtube.com/watch?v=abc", "title": "ทอเสื่อกก", "caption": ""}}]
    )
    with translation.override(language):
        html = stream.render(value)
    assert '<a class="media-link__link" href="https://www.youtube.com/watch?v=abc"' in html
    assert "ทอเสื่อกก" in html
    assert words in html
    assert "<iframe" not in html and "<script" not in html and "<img" not in html
