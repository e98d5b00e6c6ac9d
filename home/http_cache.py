"""An HTTP cache in front of the site (Varnish, a CDN): which responses it may keep, and what to purge.

Headers (``shared_cache_headers``, a middleware):

- signed-in readers get ``private, no-store``: no shared cache or service worker keeps an editor's view;
- a response anyone could have received — an anonymous GET of a public address, a complete 200 with no cookie
  set, no CSRF token in its HTML, no pending message, not a preview — gets ``public, max-age=0,
  s-maxage=HTTP_CACHE_SECONDS``: browsers revalidate, a shared cache keeps it until it expires or is purged;
- everything else is left as the view made it (Django's defaults: not marked shareable).

Purging (``connect_signals``, called from ``home.signals.connect``): after a change is committed, the URLs it affects are
sent to Wagtail's frontend-cache backends (``WAGTAILFRONTENDCACHE``, set from ``FRONTEND_CACHE_URL``; unset,
nothing is sent):

- a page published or unpublished: the page and each of its translations, its ancestors (the listings and the
  home page that show it) and its siblings (related cards, the step navigation), each with its
  ``get_cached_paths`` (feeds, exports), and the pages its class names in ``pages_showing_it()``;
- figures saved (an admin edit, a bulk action, an import): only the pages that show them, chosen by their
  writer (``impact.services.figures_changed`` calls ``purge_pages`` once per save, however many rows);
- a page in the menus, moved or deleted, a privacy change, or a snippet, image or document saved:
  the whole site (the site root ``/``, which ``deploy/varnish/default.vcl`` takes to mean every address of
  that host; a CDN backend is given the same address).
"""

from django.conf import settings
from django.db import transaction
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .page_cache import page_is_cacheable, purges_page_cache, response_is_cacheable


def is_shareable(request, response):
    """May a shared cache keep this response and give it to anyone?"""
    user = getattr(request, "user", None)
    return (
        page_is_cacheable(request)
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the HTML holds this reader's CSRF token
        and response_is_cacheable(response)
    )


def shared_cache_headers(get_response):
    """Mark each response private or shareable (see the module docstring)."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif settings.HTTP_CACHE_SECONDS and is_shareable(request, response):
            # A view's own browser lifetime (the feeds' max-age) stays; otherwise browsers revalidate.
            browser_seconds = {} if "max-age" in response.get("Cache-Control", "") else {"max_age": 0}
            patch_cache_control(response, public=True, s_maxage=settings.HTTP_CACHE_SECONDS, **browser_seconds)
        return response

    return middleware


# Purging ------------------------------------------------------------------------------------------------------


def backends_configured():
    """Is there a frontend cache to purge (``FRONTEND_CACHE_URL`` set)?"""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def site_roots():
    """The whole-site purge address of every site: its root URL (``https://host/``)."""
    from wagtail.models import Site

    return {site.root_url.rstrip("/") + "/" for site in Site.objects.all()}


def shown_on_every_page(page):
    """Is ``page`` in the menu or the footer of every page, or a listing whose title is in its pages'
    breadcrumbs? Then a change to it is a change to the whole site."""
    from .templatetags.navigation_tags import FOOTER_PAGE_SLUGS

    return page.show_in_menus or not page.is_leaf() or (page.depth == 3 and page.slug in FOOTER_PAGE_SLUGS)


def pages_affected_by(page):
    """The live pages whose HTML shows ``page``, or ``None`` for the whole site (module docstring):

    - the page and its translations and aliases;
    - its ancestors (the listings and the home page) and their translations;
    - its siblings (related cards, the previous and next step);
    - the pages its class names in ``pages_showing_it()`` (a news item: the learning units it is about);
    - every live page of a class whose ``shows_pages_of`` names the page's type (the impact dashboard shows
      every unit).
    """
    from wagtail.models import Page, get_page_models

    page = page.specific
    if shown_on_every_page(page):
        return None
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1)
    # The page's own group whether live or not: an unpublished page must leave the cache too.
    group = Page.objects.filter(translation_key=page.translation_key) | Page.objects.filter(alias_of=page)
    around = Page.objects.filter(translation_key__in=ancestors.values("translation_key")) | page.get_siblings()
    affected = list(group.specific(defer=True)) + list(around.live().specific(defer=True))
    showing = getattr(page, "pages_showing_it", None)
    if showing is not None:
        affected += [shown for shown in showing() if shown.live]
    label = page._meta.label
    for model in get_page_models():
        if label in getattr(model, "shows_pages_of", ()):
            affected += list(model.objects.live())
    return affected


def urls_affected_by(page):
    """The full URLs to purge for a change of ``page``: its pages' URLs and cached paths, or the site roots."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    pages = pages_affected_by(page)
    if pages is None:
        return site_roots()
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def purge_urls(urls):
    """Send ``urls`` to the frontend-cache backends once the current transaction commits."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(urls)
    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(urls))


def purge_pages(pages):
    """Purge ``pages`` (each with its cached paths: feeds, exports) in one batch once the transaction commits.

    ``pages`` may be a function returning them, so callers pay for finding the pages only when there is a frontend
    cache to purge."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if not backends_configured():
        return
    batch = PurgeBatch()
    batch.add_pages(pages() if callable(pages) else pages)
    purge_urls(batch.urls)


def page_changed(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished``: purge what shows the page."""
    if backends_configured():
        purge_urls(urls_affected_by(instance))


def everything_changed(sender=None, **kwargs):
    """Purge the whole site: a change many pages show."""
    if backends_configured():
        purge_urls(site_roots())


def content_saved(sender, instance, **kwargs):
    """``post_save``: snippets, images, documents, figures, privacy (pages purge when published, not on a draft save)."""
    from wagtail.models import Page

    if not isinstance(instance, Page) and purges_page_cache(sender):
        everything_changed()


def content_deleted(sender, instance, **kwargs):
    """``post_delete``: a page or anything public pages show."""
    from wagtail.models import Page

    if isinstance(instance, Page) or purges_page_cache(sender):
        everything_changed()


def connect_signals():
    """Connect the purge receivers (called from ``home.signals.connect``)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="http_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="http_cache_unpublished")
    post_page_move.connect(everything_changed, dispatch_uid="http_cache_moved")
    post_save.connect(content_saved, dispatch_uid="http_cache_saved")
    post_delete.connect(content_deleted, dispatch_uid="http_cache_deleted")
    m2m_changed.connect(
        everything_changed, sender=PageViewRestriction.groups.through, dispatch_uid="http_cache_privacy"
    )
