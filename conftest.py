"""Shared fixtures: the demo content is loaded once per test session and each test runs in a rolled-back
transaction on top of it, so tests see the real site without paying to build it each time."""

import pytest

from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One live server for the session (browser and Varnish tests), reading the committed demo content.

    pytest-django's ``live_server`` would make each test transactional, and flushing the database after it would
    wipe the demo content the rest of the suite shares."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def third_party_migrated(tmp_path_factory):
    """A SQLite file with every migration of the apps that are not ours applied (``tests.tools``): the migration
    tests start from a copy instead of migrating Wagtail again each (they share an xdist group, so one worker makes
    it once)."""
    from tests.tools import third_party_migrated

    return third_party_migrated(tmp_path_factory.mktemp("migrations"))


@pytest.fixture
def thai_home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="th")


@pytest.fixture
def english_home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database rolls back after a test, cached fragments would not."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_collection_modifyitems(items):
    """The ``heavy`` tests (tens of seconds each) first, each group in collection order: under pytest-xdist they are
    shared out while the quick tests wait, instead of one of them starting last and keeping a worker busy after the
    other has finished. A stable sort, so the suite's order is otherwise unchanged."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


def pytest_terminal_summary(terminalreporter):
    """Print what tests measure about themselves (``record_property("fuzz_cases" or "measured", ...)``): the
    numbers the docs quote come from here. Works under xdist (properties travel with the reports)."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name in ("fuzz_cases", "measured") and report.when == "call":
                terminalreporter.write_line(f"{name.replace('_cases', '')}: {value}")


@pytest.fixture
def caches_off(settings):
    """Every cache off, as production's ``DISABLE_CACHES=1`` (a dummy Django cache, no page or fragment cache):
    for the tests that count a page's cold queries. Django's caches are reset when CACHES changes."""
    from django.core.cache import cache, caches
    from django.core.cache.backends.dummy import DummyCache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    settings.CACHE_GENERATION = "cache"
    assert isinstance(caches["default"], DummyCache)
    cache.set("odf:probe", 1)
    assert cache.get("odf:probe") is None
    return settings
