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

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database need not outlive a crash: commits do not wait for the disk (about 2 ms each here; building the
    # test database, migrations and demo content, commits a few thousand times per pytest-xdist worker).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
