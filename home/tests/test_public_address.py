import pytest

from django.test import override_settings

from home.public_address import absolutise_links, public_root, public_url


@override_settings(WAGTAILADMIN_BASE_URL="https://odf.example.org/")
def test_public_url_uses_the_configured_address():
    assert public_root() == "https://odf.example.org"
    assert public_url("/th/toolkit/") == "https://odf.example.org/th/toolkit/"
    assert public_url("https://elsewhere.example/x") == "https://elsewhere.example/x"


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="")
def test_without_a_configured_address_the_default_site_is_used():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert public_root() == site.root_url.rstrip("/")


def test_absolutise_links_makes_site_paths_absolute_and_leaves_the_rest():
    html = (
        '<a href="/th/about/">a</a> <a href=\'/en/\'>b</a> <a href="#step-1">c</a> '
        '<a href="https://x.example/">d</a> <a href="//cdn.example/x">e</a> <img src="/media/images/p.webp" alt="p">'
    )
    assert absolutise_links(html, "https://odf.example.org") == (
        "<a href=\"https://odf.example.org/th/about/\">a</a> <a href='https://odf.example.org/en/'>b</a> "
        '<a href="#step-1">c</a> <a href="https://x.example/">d</a> <a href="//cdn.example/x">e</a> '
        '<img src="/media/images/p.webp" alt="p">'
    )
