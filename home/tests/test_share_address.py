"""Share tags name the site's public address even when a page is read at another of its addresses."""

import re

import pytest

from django.test import override_settings


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="https://odf.example.org")
def test_share_tags_use_the_public_address(client):
    body = client.get("/en/toolkit/", HTTP_HOST="127.0.0.1").content.decode()
    assert '<link rel="canonical" href="https://odf.example.org/en/toolkit/">' in body
    assert re.search(r'<meta property="og:url" content="https://odf.example.org/en/toolkit/"', body)
    assert re.search(r'<meta property="og:image" content="https://odf.example.org/', body)
    assert '"item": "https://odf.example.org/en/toolkit/"' in body  # the breadcrumbs' structured data
    assert 'content="http://127.0.0.1' not in body and '"item": "http://127.0.0.1' not in body
