"""The site's public address, for links that leave its pages: printed in PDFs, in a ZIP's README, in e-mails.

A request knows the host a reader used; a file built once and downloaded by many does not. Its links use
``WAGTAILADMIN_BASE_URL`` (set from the environment in production, ``http://127.0.0.1:8000`` for the demo that
``make run`` serves), else the default Wagtail ``Site``'s hostname and port. Pages keep their own paths.
"""

import re

from django.conf import settings


def public_root():
    """``https://example.org`` (no trailing slash): the configured public address, else the default Site's."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").strip()
    if base:
        return base.rstrip("/")
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def public_url(path, root=None):
    """``path`` (``/th/toolkit/``) on the public address; an absolute URL is returned as it is."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", path or "", re.IGNORECASE):
        return path
    return (public_root() if root is None else root) + "/" + (path or "").lstrip("/")


def page_public_url(page, root=None):
    """A page's URL on the public address, or None for a page that has no URL (not routable)."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    return public_url(parts[2], root)


_HREF = re.compile(r"""(\shref=)(["'])(/(?!/)[^"']*)\2""", re.IGNORECASE)


def absolutise_links(html, root=None):
    """Every link ``href="/…"`` in ``html`` made absolute on the public address (``#…`` and ``https://…`` are left
    alone; images keep their local paths), for documents read away from the site."""
    root = public_root() if root is None else root
    return _HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}{root}{m.group(3)}{m.group(2)}", html)


def on_public_address(url, request):
    """An absolute URL on the host of ``request`` moved to the public address (other hosts, such as a file store's,
    are left alone): a link shared from a page read at another of the site's addresses still leads readers to
    the public one."""
    own = request.build_absolute_uri("/")
    if url and url.startswith(own):
        return public_url(url[len(own) - 1 :])
    return url
