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
    assert f"<h1>{title}</h1>" in body or f">{title}</h1>" in body
    for point in points:
        assert point in body, point
    # Each point is its own translated text (a shared path would repeat one point three times).
    assert len({body.index(point) for point in points}) == 3
    if language == "en":
        assert body.count("public pages set no cookies") == 1
    for path in (f"/{language}/", f"/{language}/about/", f"/{language}/no-such-page/"):
        response = client.get(path)
        if response.status_code == 200:
            assert f'<a href="/{language}/privacy/">{title}</a>' in response.content.decode(), path
