"""Caching of public pages: rendered fragments and whole anonymous pages, purged on every publish.

One *generation* number (kept in a shared cache, or in the database when each process has its own cache:
``generation``) is part of every fragment and page cache key. Publishing,
unpublishing, moving or deleting a page, adding, changing or removing a page's privacy, or saving a snippet, figure, image or document bumps it, so every
cached page and fragment in both languages is stale at once (old keys simply expire). This is coarse but
simple and always correct; content changes are rare next to reads.

- ``key(namespace, *parts)`` is the key of anything else kept until the next purge (search results, open-data
  downloads, template tags' lookups): every such key is built there.
- ``fragment_context`` (a context processor) gives templates ``cache_gen`` and ``fragment_seconds`` for
  ``{% cache fragment_seconds "name" ... cache_gen %}``; previews and signed-in users get 0 (never stored).
- ``AnonymousPageCacheMiddleware`` stores whole anonymous GET responses for ``PAGE_CACHE_SECONDS``
  (0 turns it off) and serves them to visitors without a session cookie.
If the cache is down (Redis with ``IGNORE_EXCEPTIONS``) every lookup misses and pages render normally.
"""

import functools
import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import request_memo
from .query_parameters import declared_parameters, normalised_query, read_address

GENERATION_KEY = "odf:cache-generation"
GENERATION_MEMO = "cache_generation"

# Models whose saves change what public pages show: every model of an app whose AppConfig says
# ``public_content = True`` (the project's apps) and Wagtail's pages, images, documents and sites. A model of
# such an app that is saved while serving public requests says ``purges_page_cache = False`` (a download counter).
WAGTAIL_CONTENT_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs"}
# Models saved while serving public requests or only for bookkeeping (Wagtail's, the purge's own): never a reason
# to purge.
IGNORED_MODELS = {
    "wagtailimages.rendition",
    "wagtailcore.pagelogentry",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",  # rewritten whenever anything with references is saved or deleted
    "home.cachegeneration",  # the purge itself
}


def generation():
    """The current cache generation.

    ``CACHE_GENERATION = "cache"`` (a cache every process shares, Redis): kept in the cache itself, created on first
    use from the clock so it never reuses old keys. ``"database"`` (each process has its own cache): the newest
    ``CacheGeneration`` row, read once per request (one query on the primary key's index)."""
    if settings.CACHE_GENERATION == "database":
        memo = request_memo.kept(GENERATION_MEMO)
        value = memo.get("value") if memo is not None else None
        if value is None:
            from .models import CacheGeneration

            value = CacheGeneration.objects.order_by("-id").values_list("id", flat=True).first() or 0
            if memo is not None:
                memo["value"] = value
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY) or value
    return value


def bump_generation():
    """Make every cached page and fragment stale, in both languages, in every process."""
    if settings.CACHE_GENERATION == "database":
        from .models import CacheGeneration

        CacheGeneration.objects.create()
        request_memo.forget(GENERATION_MEMO)
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start a new, larger one
        cache.set(GENERATION_KEY, time.time_ns(), None)


@functools.cache
def content_app_labels():
    """The labels of the apps whose models are shown on public pages (``public_content``) and Wagtail's content apps."""
    from django.apps import apps

    declared = {config.label for config in apps.get_app_configs() if getattr(config, "public_content", False)}
    return declared | WAGTAIL_CONTENT_APPS


def purges_page_cache(model):
    """Do saves and deletions of ``model`` change what public pages show?"""
    return (
        model._meta.app_label in content_app_labels()
        and model._meta.label_lower not in IGNORED_MODELS
        and getattr(model, "purges_page_cache", True)
    )


def key(namespace, *parts):
    """The cache key of ``parts`` (strings, numbers) under ``namespace``, stale from the next purge on:
    ``odf:<namespace>:`` and a hash of the generation and the parts (short and safe for any cache backend)."""
    text = json.dumps([generation(), *(str(part) for part in parts)])  # unambiguous: ("a", "b") is not ("a,b",)
    return f"odf:{namespace}:{hashlib.sha256(text.encode()).hexdigest()}"


def content_changed(sender, **kwargs):
    """Signal receiver: purge the caches when a model shown on public pages is saved or deleted."""
    if purges_page_cache(sender):
        bump_generation()


def page_changed(sender=None, **kwargs):
    """Signal receiver for page_published / page_unpublished / moved."""
    bump_generation()


def connect_signals():
    """Connect the purge receivers (called from ``home.signals.connect``)."""
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
    """Template context: ``cache_gen``, ``fragment_seconds`` (0 for previews and signed-in users) and
    ``read_address`` (the path with only the parameters the page reads: the fragments' key)."""
    private = _signed_in_or_private(request) or (hasattr(request, "user") and request.user.is_authenticated)
    return {
        "cache_gen": generation(),
        "fragment_seconds": 0 if private else settings.FRAGMENT_CACHE_SECONDS,
        "read_address": read_address(request),
    }


# Never cached: the admin, documents, the API, the service worker, the health check. (Counted downloads are
# streamed and marked private by their views, so no cache keeps them.)
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/sw.js", "/healthz", "/api/")


def page_is_cacheable(request):
    """May this request be answered from (and stored in) the shared anonymous page cache?"""
    if request.method not in ("GET", "HEAD") or _signed_in_or_private(request):
        return False
    path = request.path
    if path.startswith(UNCACHED_PREFIXES):
        return False
    return True


def response_is_cacheable(response):
    """Only complete, public 200 responses without cookies."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def varies_by_encoding(response):
    """A response compressed for some clients only (``home.downloads``): one stored copy would give one client's
    encoding to every other, so the page cache leaves it to the view (which answers conditional requests itself)."""
    return "accept-encoding" in response.get("Vary", "").lower()


def page_key(request, parameters):
    """The key of a page: its address and only the query parameters it reads, in a fixed order (names sorted,
    the values of one name in the order given). Parameters the page does not read make no new entry."""
    return key("page", request.get_host(), request.path, normalised_query(request.GET, parameters))


def parameters_key(request):
    """Where the middleware remembers which parameters the page at this address reads."""
    return key("page-parameters", request.get_host(), request.path)


class AnonymousPageCacheMiddleware:
    """Whole-page cache for anonymous visitors, keyed by host, path (with its language prefix) and the query
    parameters the page declares it reads (``home.query_parameters``).

    The view (``process_view``) or, for Wagtail pages, the ``before_serve_page`` hook notes the page's parameters
    on the request; after a cacheable render they are remembered per address, so the next request for that
    address, whatever junk its query string holds, finds its page with two cache reads and no render.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not page_is_cacheable(request):
            return self.get_response(request)
        parameters = cache.get(parameters_key(request))
        stored = cache.get(page_key(request, parameters)) if parameters is not None else None
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
        declared = getattr(request, "query_parameters", None)
        if (
            not signed_in
            and request.method == "GET"
            and declared is not None
            and response_is_cacheable(response)
            and not varies_by_encoding(response)
        ):
            cache.set(parameters_key(request), tuple(sorted(declared)), seconds)
            cache.set(
                page_key(request, declared), (response.status_code, list(response.items()), response.content), seconds
            )
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Note what a view reads; Wagtail's page view is left to ``note_page_parameters`` (it knows the page)."""
        from wagtail.views import serve

        if view_func is not serve:
            request.query_parameters = declared_parameters(view_func, request)


def note_page_parameters(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: the parameters the page being served reads, for the page cache key."""
    request.query_parameters = declared_parameters(page, request)


def content_fragment_is_cached(request):
    """Is this page's rendered main content (and head) already in the fragment cache for this address?"""
    from django.core.cache.utils import make_template_fragment_key
    from django.utils import translation

    if request.method != "GET" or _signed_in_or_private(request) or not settings.FRAGMENT_CACHE_SECONDS:
        return False
    vary_on = [translation.get_language(), read_address(request), generation()]
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
