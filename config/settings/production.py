"""Production: everything comes from the environment; nothing secret is in the repository.

Required: ``SECRET_KEY``, ``DATABASE_URL``, ``ALLOWED_HOSTS`` (the site refuses to start without them).
Optional: ``CSRF_TRUSTED_ORIGINS``, ``REDIS_URL``, ``WAGTAILADMIN_BASE_URL``, ``MEDIA_ROOT`` or S3-compatible
media (``AWS_STORAGE_BUCKET_NAME``, ``AWS_S3_ENDPOINT_URL``, ``AWS_S3_REGION_NAME``, ``AWS_S3_CUSTOM_DOMAIN``;
credentials from ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``), e-mail (``EMAIL_HOST`` …),
``SECURE_SSL_REDIRECT`` (default 1), ``SECURE_HSTS_SECONDS`` (default one year), ``STATIC_ROOT``,
``PAGE_CACHE_SECONDS`` (anonymous full-page cache, default 300; 0 turns it off) and
``FRAGMENT_CACHE_SECONDS`` (default 3600), in Redis with ``REDIS_URL``, else in each process's memory;
``HTTP_CACHE_SECONDS`` (how long a shared HTTP cache may keep a public page) and ``FRONTEND_CACHE_URL``
(where purges go: a Varnish, see deploy/varnish/default.vcl); ``DISABLE_CACHES=1`` turns every cache off.
``SERVE_MEDIA=1`` makes Django serve uploaded media from ``MEDIA_ROOT`` itself: only for ``make bench`` and
trying production settings locally; a real deployment serves media from S3 or the web server.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return value


def _list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _flag(name, default):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = _required("SECRET_KEY")
_required("DATABASE_URL")  # base.py reads it; production never falls back to a SQLite file
ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")

DEBUG = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")

STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
SERVE_MEDIA = _flag("SERVE_MEDIA", "0")

REDIS_URL = os.environ.get("REDIS_URL")
# With Redis every process shares one cache and its purge generation. Without it each process caches in its own
# memory and reads the generation from the database once per request (home.page_cache), so a publish in one
# process is seen by every process at its next request.
CACHE_GENERATION = os.environ.get("CACHE_GENERATION", "cache" if REDIS_URL else "database")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))
HTTP_CACHE_SECONDS = int(os.environ.get("HTTP_CACHE_SECONDS", "86400" if FRONTEND_CACHE_URL else "300"))  # noqa: F405
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # The site keeps serving (uncached) when Redis is down.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    # Each failed cache call is logged to DJANGO_REDIS_LOGGER (base.py), whose filter reports an outage as
    # one WARNING line a minute per process with its cause, not a traceback per call (home/cache_outage.py).
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

if _flag("DISABLE_CACHES", "0"):
    # Every cache off, for measuring the cold cost of each page (`make bench`): nothing is kept anywhere.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PAGE_CACHE_SECONDS = FRAGMENT_CACHE_SECONDS = 0
    CACHE_GENERATION = "cache"  # nothing is cached, so nothing to read per request

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    # Images are shown straight from the bucket: the site's own media host, allowed by the CSP.
    _media_origin = f"https://{AWS_S3_CUSTOM_DOMAIN}" if AWS_S3_CUSTOM_DOMAIN else AWS_S3_ENDPOINT_URL
    if _media_origin:
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)  # noqa: F405
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"].append(_media_origin)  # noqa: F405

if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", "1")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS only: behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", "1")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", "1")
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
