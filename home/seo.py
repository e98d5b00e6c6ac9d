"""What a page says about itself when it is shared or crawled: title, description, image, canonical URL,
Open Graph / Twitter tags and schema.org JSON-LD. Generic over page types. Every URL in them is on the site's
public address (``home.public_address``), whichever of the site's addresses the page was read at.

A page model may define ``get_meta_description()`` and ``get_share_image()``; otherwise the page's
``search_description``, then its summary/intro fields, then the site default are used, and the image
is the page's ``share_image`` or ``hero_image``, then the site's default picture.
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from .public_address import on_public_address
from .translations import absolute_page_url

OG_LOCALES = {"th": "th_TH", "en": "en_US"}
SHARE_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"
SHARE_SIZE = (1200, 630)
DEFAULT_IMAGE = "img/share-default.png"
DESCRIPTION_FIELDS = ("summary", "intro", "hero_intro", "purpose")
DESCRIPTION_LENGTH = 200


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class ShareData:
    title: str
    document_title: str
    description: str
    canonical: str
    image: ShareImage
    og_type: str
    og_locale: str
    og_locale_alternates: list = field(default_factory=list)
    site_name: str = ""
    published: str = ""
    modified: str = ""
    json_ld: list = field(default_factory=list)


def clean_text(text, length=DESCRIPTION_LENGTH):
    """Plain text from ``text`` (tags removed, spaces collapsed), cut to ``length`` characters with an ellipsis."""
    text = re.sub(r"\s+", " ", strip_tags(str(text or ""))).strip()
    return Truncator(text).chars(length)


def site_name():
    return str(settings.WAGTAIL_SITE_NAME)


def default_description():
    return _(
        "The occupational development fund model: occupations and community funds as tools for learning, "
        "for disadvantaged youth and informal workers."
    )


def meta_description(page):
    """The page's own description, else its summary or introduction, else the site's."""
    candidates = []
    if page is not None:
        hook = getattr(page, "get_meta_description", None)
        if callable(hook):
            candidates.append(hook())
        candidates.append(getattr(page, "search_description", ""))
        candidates.extend(getattr(page, name, "") for name in DESCRIPTION_FIELDS)
    for text in candidates:
        cleaned = clean_text(text)
        if cleaned:
            return cleaned
    return default_description()


def share_image_of(page):
    """The Wagtail image to share the page with, or None."""
    if page is None:
        return None
    hook = getattr(page, "get_share_image", None)
    if callable(hook):
        return hook()
    return getattr(page, "share_image", None) or getattr(page, "hero_image", None)


def share_image(page, request):
    """An absolute 1200×630 picture for link previews: from the page's image, else the site default."""
    image = share_image_of(page)
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        alt = getattr(page, "hero_alt", "") if image.pk == getattr(page, "hero_image_id", None) else ""
        return ShareImage(
            request.build_absolute_uri(rendition.url), rendition.width, rendition.height, alt or page.title
        )
    return ShareImage(request.build_absolute_uri(static(DEFAULT_IMAGE)), *SHARE_SIZE, site_name())


def canonical_url(page, request):
    """The page's own absolute URL (an untranslated alias points at the original it shows)."""
    if page is None:
        return request.build_absolute_uri(request.path)
    target = page.alias_of.specific if getattr(page, "alias_of_id", None) else page
    return absolute_page_url(target, request) or request.build_absolute_uri(request.path)


def is_article(page):
    """Described as a schema.org Article: the page type says so with ``schema_org_type = "Article"``."""
    return page is not None and getattr(page, "schema_org_type", "") == "Article"


def _iso(value):
    return value.isoformat() if value else ""


def organisation_ld(request, home_url):
    return {
        "@type": "Organization",
        "@id": f"{home_url}#organization",
        "name": site_name(),
        "url": home_url,
        "logo": on_public_address(request.build_absolute_uri(static("img/icon-512.png")), request),
    }


def _ancestors_from_sections(page, request):
    """The ancestors from the home page's sections read for the menu (``home.home_sections``), when they are all
    there (pages at most two levels below the home page, public ancestors); else None."""
    from .home_sections import home_sections

    if request is None or page.depth > 4:
        return None
    found = home_sections(request, get_language())  # paths place pages in one tree: no language check needed
    by_path = {p.path: p for p in (found.home, *found.sections) if p is not None}
    paths = [page.path[: Page.steplen * depth] for depth in range(2, page.depth)]
    if not all(path in by_path for path in paths):
        return None
    return [by_path[path] for path in paths]


def ancestors_from_home(page, request):
    """``page``'s ancestors from the home page down (one query, kept on ``request`` for the breadcrumbs and their
    structured data)."""
    memo = getattr(request, "_ancestors_from_home", None) or {}
    if page.pk not in memo:
        memo[page.pk] = _ancestors_from_sections(page, request)
        if memo[page.pk] is None:
            memo[page.pk] = list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))
        if request is not None:
            request._ancestors_from_home = memo
    return memo[page.pk]


def breadcrumbs_ld(page, request):
    """A BreadcrumbList from the home page down to ``page`` (one query for the ancestors). None on the home page
    itself: a trail of one item tells a search engine nothing."""
    if page is None or page.depth <= 2:
        return None
    trail = [*ancestors_from_home(page, request), page]
    items = []
    for position, crumb in enumerate(trail, start=1):
        url = on_public_address(absolute_page_url(crumb, request), request)
        if url:
            name = _("Home") if crumb.depth == 2 else crumb.title
            items.append({"@type": "ListItem", "position": position, "name": str(name), "item": url})
    return {"@type": "BreadcrumbList", "itemListElement": items} if items else None


def page_language_code(page):
    """``page``'s language code, from the active ``Locale`` (read once per request, ``home.locale_memo``) when it
    is the page's own: no query for ``page.locale``."""
    active = Locale.get_active()
    return active.language_code if active.pk == page.locale_id else page.locale.language_code


def article_ld(page, data, organisation_id):
    article = {
        "@type": "Article",
        "headline": Truncator(page.title).chars(110),
        "description": data.description,
        "image": [data.image.url],
        "inLanguage": page_language_code(page),
        "mainEntityOfPage": data.canonical,
        "url": data.canonical,
        "author": {"@id": organisation_id},
        "publisher": {"@id": organisation_id},
    }
    if data.published:
        article["datePublished"] = data.published
    if data.modified:
        article["dateModified"] = data.modified
    return article


def share_data(page, request, language, alternates=(), title=None, description=None, canonical=None):
    """Everything ``includes/seo_meta.html`` needs for ``page`` (None for views that are not pages).

    ``alternates`` are the language codes of the page's other available versions; ``title`` and
    ``description`` override the page's own for views that are not pages; ``canonical`` is the page's
    absolute URL when the caller already knows it (saves a lookup).
    """
    name = site_name()
    if page is not None and page.depth <= 2:
        title = title or name
    elif page is not None:
        title = title or page.seo_title or page.title
    title = str(title or name)
    image = share_image(page, request)
    image.url = on_public_address(image.url, request)
    data = ShareData(
        title=title,
        document_title=title if title == name else f"{title} · {name}",
        description=clean_text(description) if description else meta_description(page),
        canonical=on_public_address(canonical or canonical_url(page, request), request),
        image=image,
        og_type="article" if is_article(page) else "website",
        og_locale=OG_LOCALES.get(language, language),
        og_locale_alternates=[OG_LOCALES.get(code, code) for code in alternates if code != language],
        site_name=name,
    )
    if page is not None and is_article(page):
        published = getattr(page, "date", None) or page.first_published_at
        data.published = _iso(published)
        data.modified = _iso(page.last_published_at)

    home_url = on_public_address(request.build_absolute_uri(f"/{language}/"), request)
    organisation = organisation_ld(request, home_url)
    graph = [organisation]
    crumbs = breadcrumbs_ld(page, request)
    if crumbs:
        graph.append(crumbs)
    if is_article(page):
        graph.append(article_ld(page, data, organisation["@id"]))
    data.json_ld = graph
    return data


def json_ld_script_text(graph):
    """JSON for a ``<script type="application/ld+json">``, safe against ``</script>`` in page text."""
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
