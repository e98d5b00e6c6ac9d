"""Local development: DEBUG on, SQLite unless DATABASE_URL is set, media on local disk."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Workflow notifications ("waiting for your review") are printed to the console, not sent.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
