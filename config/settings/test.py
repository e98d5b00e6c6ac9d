"""Fast, isolated settings for the test suite."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="odf-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Login throttling is off for the suite (Django's test client logs in without a request); the tests
# of the throttle itself turn it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
