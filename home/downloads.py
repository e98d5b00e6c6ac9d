"""Public downloads built from published content (the open-data exports): compressed for clients that accept gzip,
and answering conditional requests (``If-None-Match`` / ``If-Modified-Since`` → 304) without building the body.

``public_download`` wraps such a view. Its validators come from the purge generation (``home.page_cache``): every
change that could change a download (a publish, a figure, an indicator saved) bumps it, so

- ``ETag`` is a hash of the generation and the address, weak (``W/``): the gzip and the plain body are the same
  content, not the same bytes;
- ``Last-Modified`` is when this generation was first served (kept in the cache beside it): never before the change
  that made it, so a client holding older content never gets a 304.

Reading them costs what reading the generation costs: nothing with Redis, one query on a primary key without.
With every cache off (a dummy cache, the generation taken from the clock) each request has new validators: no 304,
never a stale one. The anonymous page cache does not keep these responses (they vary by ``Accept-Encoding``, and
the view answers conditional requests itself).
"""

import datetime
import functools
import hashlib
import time

from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition

from . import page_cache


def download_etag(request, *args, **kwargs):
    """The weak ETag of a download at this address and purge generation."""
    text = f"{page_cache.generation()}\n{request.path}\n{request.META.get('QUERY_STRING', '')}"
    return f'W/"{hashlib.sha256(text.encode()).hexdigest()[:32]}"'


def download_last_modified(request, *args, **kwargs):
    """When the current purge generation was first served (to the second), as an aware datetime."""
    key = page_cache.key("generation-first-served")
    seconds = cache.get(key)
    if seconds is None:
        cache.add(key, int(time.time()), None)
        seconds = cache.get(key) or int(time.time())
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def public_download(view):
    """Gzip the view's response for clients that accept it, and answer conditional GET and HEAD requests from
    ``download_etag`` and ``download_last_modified`` before the view runs (module docstring)."""
    conditional = condition(etag_func=download_etag, last_modified_func=download_last_modified)(gzip_page(view))

    @functools.wraps(view)  # keeps ``reads_query``'s declaration
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        patch_vary_headers(response, ("Accept-Encoding",))  # also on a 304 and on short answers gzip leaves
        return response

    return wrapper
