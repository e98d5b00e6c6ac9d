"""Caching of public pages: rendered fragments and whole anonymous pages, purged on every publish.

One *generation* number (kept in the cache) is part of every fragment and page cache key. Publishing,
unpublishing, moving or deleting a page, adding, changing or removing a page's privacy, or saving a snippet, figure, image or document bumps it, so every
cached page and fragment in both languages is stale at once (old keys simply expire). This is coarse but
simple and always correct; content changes are rare next to reads.

- ``fragment_context`` (a context processor) gives templates ``cache_gen`` and ``fragment_seconds`` for
  ``{% cache fragment_seconds "name" ... cache_gen %}``; previews and signed-in users get 0 (never stored).
- ``AnonymousPageCacheMiddleware`` stores whole anonymous GET responses for ``PAGE_CACHE_SECONDS``
  (0 turns it off) and serves them to visitors without a session cookie.
If the cache is down (Redis with ``IGNORE_EXCEPTIONS``) every lookup misses and pages render normally.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "odf:cache-generation"

# Models whose saves change what public pages show (apps' own models, pages, images, documents, sites).
CONTENT_APPS = {"home", "casestudies", "toolkit", "impact", "news", "wagtailcore", "wagtailimages", "wagtaildocs"}
# Saved while serving public requests or only for the admin's bookkeeping: never a reason to purge.
IGNORED_MODELS = {
    "toolkit.downloadcount",
    "wagtailimages.rendition",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
}


def generation():
    """The current cache generation (created on first use; a time-based start never reuses old keys)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY) or value
    return value


def bump_generation():
    """Make every cached page and fragment stale, in both languages."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start a new, larger one
        cache.set(GENERATION_KEY, time.time_ns(), None)


def content_changed(sender, **kwargs):
    """Signal receiver: purge the caches when a model shown on public pages is saved or deleted."""
    label = sender._meta.label_lower
    if sender._meta.app_label in CONTENT_APPS and label not in IGNORED_MODELS:
        bump_generation()


def page_changed(sender=None, **kwargs):
    """Signal receiver for page_published / page_unpublished / moved."""
    bump_generation()


def connect_signals():
    """Connect the purge receivers (called from ``HomeConfig.ready``)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(content_changed, dispatch_uid="page_cache_post_delete")
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="page_cache_moved")
    # Privacy: saving or deleting a restriction is a post_save/post_delete above; its groups change here.
    m2m_changed.connect(page_changed, sender=PageViewRestriction.groups.through, dispatch_uid="page_cache_privacy")


def _signed_in_or_private(request):
    """A session (editors, unlocked private pages), a pending message, or a preview: render for this reader."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
        or getattr(request, "is_preview", False)
    )


def fragment_context(request):
    """Template context: ``cache_gen`` and ``fragment_seconds`` (0 for previews and signed-in users)."""
    private = _signed_in_or_private(request) or (hasattr(request, "user") and request.user.is_authenticated)
    return {
        "cache_gen": generation(),
        "fragment_seconds": 0 if private else settings.FRAGMENT_CACHE_SECONDS,
    }


# Never cached: the admin and documents, downloads that are counted, the service worker, the health check.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/sw.js", "/healthz", "/api/")
UNCACHED_PARTS = ("/download/", "/toolkit.")


def page_is_cacheable(request):
    """May this request be answered from (and stored in) the shared anonymous page cache?"""
    if request.method not in ("GET", "HEAD") or _signed_in_or_private(request):
        return False
    path = request.path
    if path.startswith(UNCACHED_PREFIXES) or any(part in path for part in UNCACHED_PARTS):
        return False
    return True


def response_is_cacheable(response):
    """Only complete, public 200 responses without cookies."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def page_key(request):
    return f"odf:page:{generation()}:{request.get_host()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    """Whole-page cache for anonymous visitors, keyed by host and full path (language prefix, query string)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not page_is_cacheable(request):
            return self.get_response(request)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if not signed_in and request.method == "GET" and response_is_cacheable(response):
            cache.set(key, (response.status_code, list(response.items()), response.content), seconds)
            response["X-Page-Cache"] = "miss"
        return response


def content_fragment_is_cached(request):
    """Is this page's rendered main content (and head) already in the fragment cache for this address?"""
    from django.core.cache.utils import make_template_fragment_key
    from django.utils import translation

    if request.method != "GET" or _signed_in_or_private(request) or not settings.FRAGMENT_CACHE_SECONDS:
        return False
    vary_on = [translation.get_language(), request.get_full_path(), generation()]
    keys = [make_template_fragment_key(name, vary_on) for name in ("content", "head")]
    return len(cache.get_many(keys)) == len(keys)


class CachedContentMixin:
    """For pages whose context costs many queries: skip building it when the rendered content is cached.

    Put it first in the bases. Everything the page adds to the context must be used only inside the cached
    fragments of base.html (head and main content), as in every page template here. Only for the page's own
    address without a query string (filters may answer 400; routable sub-pages choose other templates).
    """

    def serve(self, request, *args, **kwargs):
        from django.template.response import TemplateResponse

        from wagtail.models import Page

        if not request.GET and request.path == self.get_url(request) and content_fragment_is_cached(request):
            context = Page.get_context(self, request, *args, **kwargs)
            return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
        return super().serve(request, *args, **kwargs)
