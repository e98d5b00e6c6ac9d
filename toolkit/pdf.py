"""Turning HTML into A4 PDFs with WeasyPrint, in the site's own Sarabun font.

WeasyPrint ignores ``unicode-range`` when one family has several files, so the Thai and Latin
subsets get different family names and the font stack lists both (see notes/FEASIBILITY.md).

Every PDF is tagged (PDF/UA-1): a screen reader gets the headings, lists, tables, links and images' alt text
in reading order, in the language of the HTML's ``lang``, and the headings become the PDF's bookmarks.
"""

import io
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


def font_css():
    """@font-face rules for "Sarabun Latin" and "Sarabun Thai" from the site's woff2 files."""
    rules = []
    for family, subset in (("Sarabun Latin", "latin"), ("Sarabun Thai", "thai")):
        for weight in (400, 700):
            path = (FONT_DIR / f"sarabun-{subset}-{weight}-normal.woff2").as_uri()
            rules.append(
                f'@font-face{{font-family:"{family}";font-weight:{weight};font-style:normal;src:url("{path}")}}'
            )
    rules.append('html{font-family:"Sarabun Latin","Sarabun Thai",sans-serif}')
    return "\n".join(rules)


def _local_path(url):
    """The local file behind a file:// URL, where /media/ and /static/ map to their folders; nothing else is readable."""
    path = unquote(url.removeprefix("file://"))
    roots = {settings.MEDIA_URL: Path(settings.MEDIA_ROOT), settings.STATIC_URL: FONT_DIR.parent}
    candidate = Path(path)
    for prefix, root in roots.items():
        if path.startswith(prefix):
            candidate = root / path.removeprefix(prefix)
    candidate = candidate.resolve()
    if not any(candidate.is_relative_to(root.resolve()) for root in roots.values()):
        raise ValueError(f"not a media or static file: {url}")
    return candidate


@lru_cache(maxsize=8)
def _decompressed_font(path):
    """The TrueType bytes of a woff2 font file, decompressed once per process. WeasyPrint would decompress it
    (fontTools, in pure Python) for each document: a tenth of a second per font, four fonts per PDF."""
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    with open(path, "rb") as font:
        woff2.decompress(font, out)
    return out.getvalue()


PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html):
    """Render an HTML document to tagged PDF bytes with the Sarabun fonts; only local files are read, never the
    network. The document's ``lang`` and ``<title>`` become the PDF's language and title."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = _local_path(url)
                if path.parent == FONT_DIR.resolve() and path.suffix == ".woff2":
                    return URLFetcherResponse(path.as_uri(), _decompressed_font(path))
                url = path.as_uri()
            return super().fetch(url, headers)

    fetcher = LocalFetcher(allowed_protocols=("file", "data"))
    fonts = FontConfiguration()
    stylesheet = CSS(string=font_css(), font_config=fonts, url_fetcher=fetcher)
    return HTML(string=html, base_url="file:///", url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], font_config=fonts, pdf_variant=PDF_VARIANT
    )
