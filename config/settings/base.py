"""Settings shared by every environment. Environment-specific files import * from here."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "casestudies",
    "toolkit",
    "planner",
    "selfcheck",
    "impact",
    "news",
    "network",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.SiteCSPMiddleware",
    "config.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and routing: a cache hit costs no database query (home/page_cache.py).
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's site, root paths and page route in a few queries (home/request_site.py, home/page_routing.py).
    "home.page_routing.WagtailRequestMiddleware",
    "home.http_cache.shared_cache_headers",
    # Last, as django-axes requires: refuses logins while an address/username is locked out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.page_cache.fragment_context",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# DATABASE_URL selects the database (PostgreSQL in production and CI); unset means a SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and os.environ.get("DB_SERVER_SIDE_BINDING", "1") != "0"
):
    # Parameters sent apart from the SQL (psycopg's server-side binding): a query run five times on a connection is
    # prepared, so PostgreSQL plans it once per connection, not on every request (issue 18: planning took 0.1 to
    # 1.7 ms of each of a case study's queries). Connections are kept (DB_CONN_MAX_AGE), so are their plans. Behind
    # a pooler in transaction mode (PgBouncer before 1.21) set DB_SERVER_SIDE_BINDING=0.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A covering index (``Index(include=...)``) is PostgreSQL's; SQLite makes it a plain index of its key columns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "odf",
    }
}

# Page and fragment caches (home/page_cache.py), purged on every publish by a generation number.
# Whole anonymous pages are kept PAGE_CACHE_SECONDS (0 = off); rendered fragments (menu, footer,
# page sections) FRAGMENT_CACHE_SECONDS.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))
# Where the purge generation lives: "cache" when every process shares the cache (Redis, or one process),
# "database" when each process keeps its own (local memory under several gunicorn workers).
CACHE_GENERATION = os.environ.get("CACHE_GENERATION", "cache")

# An HTTP cache in front (home/http_cache.py, deploy/varnish/default.vcl): public pages say a shared cache may
# keep them HTTP_CACHE_SECONDS (0: not marked); FRONTEND_CACHE_URL is where purges go (unset: none are sent).
HTTP_CACHE_SECONDS = int(os.environ.get("HTTP_CACHE_SECONDS", "0"))
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "").strip()
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
# Purge exactly the URLs given: a translation's address is not its Thai address with /en/ in front.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Two languages: Thai is the default and the source of every translation.
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", "ไทย"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "ภาษาไทย (Thai)"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "home.static_storage.StaticStorage"},  # WhiteNoise's, URLs worked out once
}

# Editors comment on pages while drafting and reviewing.
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_SITE_NAME = _("Occupational Development Fund model")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL's "simple" configuration: no stemming or stop words of its own, so both databases index exactly
# the tokens that home.thai_text makes (Thai words segmented, English stems added) and behave alike.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatar requests from the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor the release check (the admin CSP blocks it anyway)

# Uploads (checks in home/uploads.py): no HTML, SVG, scripts or executables; bounded size and pixels.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "png", "jpg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.SafeDocumentForm"
# Documents go through Django (never a direct link to storage), as downloads except PDF.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # e.g. 8000 × 5000; larger images (or bombs) are refused
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.SafeImageForm"

# Security headers. Public pages: no inline script or style, nothing from other sites, no framing.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin uses inline scripts and styles and previews pages in a same-origin frame.
ADMIN_URL_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    name: []
    for name in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Admin login throttling (django-axes): 5 failures per username and address lock that pair out for an hour,
# counted from the fifth failure: failures during a lockout do not extend it. The address is the client's,
# read from X-Forwarded-For behind TRUSTED_PROXY_COUNT reverse proxies (0: the connection's own address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# The replication network (network/retention.py): contacts of rejected registrations, and of registrations left
# waiting (submitted, needs more information), are deleted this many days after their last change.
NETWORK_CONTACT_RETENTION_DAYS = int(os.environ.get("NETWORK_CONTACT_RETENTION_DAYS", "365"))
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_address"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_ON_SUCCESS = True
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# django-redis logs each cache call it could not make (production: IGNORE_EXCEPTIONS, Redis down) to this
# logger, whose filter turns them into one WARNING line a minute per process (home/cache_outage.py).
DJANGO_REDIS_LOGGER = "home.cache_outage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"cache_outage_once_a_minute": {"()": "home.cache_outage.ReportOncePerInterval", "interval": 60}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {DJANGO_REDIS_LOGGER: {"filters": ["cache_outage_once_a_minute"]}},
}
