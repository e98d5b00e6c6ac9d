"""Redis down: the outage is logged once a minute per process as one WARNING line with its cause."""

import logging
import socket

import pytest

from django.conf import settings
from django.test import override_settings

from home.cache_outage import LOGGER_NAME, ReportOncePerInterval, describe_failure

pytestmark = pytest.mark.django_db


class Clock:
    """Time the test moves on by hand instead of sleeping."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


@pytest.fixture
def clock():
    """The filter configured in LOGGING, on a hand-moved clock and with no report behind it."""
    [outage_filter] = logging.getLogger(settings.DJANGO_REDIS_LOGGER).filters
    original = outage_filter.clock
    outage_filter.clock = Clock()
    outage_filter.reset()
    yield outage_filter
    outage_filter.clock = original
    outage_filter.reset()


@pytest.fixture
def redis_down():
    port = closed_port()
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    with override_settings(CACHES=caches, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True, PAGE_CACHE_SECONDS=300):
        yield port


def outage_records(caplog):
    return [r for r in caplog.records if r.name == LOGGER_NAME]


def test_fifty_requests_log_one_warning_with_the_cause_and_a_minute_later_one_more(client, clock, redis_down, caplog):
    assert settings.DJANGO_REDIS_LOGGER == LOGGER_NAME
    with caplog.at_level(logging.DEBUG):
        for _ in range(50):
            assert client.get("/th/").status_code == 200
    [record] = outage_records(caplog)
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and record.exc_text is None
    message = record.getMessage()
    assert message.startswith(f"cache unavailable: ConnectionError: Error 111 connecting to 127.0.0.1:{redis_down}")
    assert "\n" not in logging.Formatter().format(record)  # one line, no traceback
    held_back = clock.suppressed
    assert held_back >= 49  # every request tried the cache at least once

    clock.clock.now += 59
    with caplog.at_level(logging.DEBUG):
        assert client.get("/en/").status_code == 200
    assert len(outage_records(caplog)) == 1  # still within the minute
    pending = clock.suppressed
    assert pending > held_back
    clock.clock.now += 1
    with caplog.at_level(logging.DEBUG):
        assert client.get("/en/").status_code == 200
    first, second = outage_records(caplog)
    assert second.levelno == logging.WARNING and second.exc_info is None
    assert second.getMessage().startswith("cache unavailable: ConnectionError: Error 111")
    assert second.getMessage().endswith(f" ({pending} more cache failures since the last report)")


def test_the_filter_passes_one_record_per_interval_and_counts_the_rest():
    clock = Clock()
    outage = ReportOncePerInterval(interval=60, clock=clock)
    logger = logging.getLogger("test.cache_outage.direct")
    logger.propagate = False
    logger.addFilter(outage)
    seen = []
    handler = logging.Handler()
    handler.emit = seen.append
    logger.addHandler(handler)

    def fail():
        try:
            try:
                raise ConnectionRefusedError(111, "Connection refused")
            except ConnectionRefusedError as refused:
                raise RuntimeError("wrapped") from refused
        except RuntimeError:
            logger.exception("Exception ignored")

    for _ in range(10):
        fail()
    clock.now += 60
    fail()
    fail()
    assert [r.getMessage() for r in seen] == [
        "cache unavailable: ConnectionRefusedError: [Errno 111] Connection refused",
        "cache unavailable: ConnectionRefusedError: [Errno 111] Connection refused"
        " (9 more cache failures since the last report)",
    ]
    assert all(r.levelname == "WARNING" and r.exc_info is None for r in seen)
    assert outage.suppressed == 1


def test_describe_failure():
    assert describe_failure(None) is None
    assert describe_failure((None, None, None)) is None
    assert describe_failure((ValueError, ValueError("bad"), None)) == "ValueError: bad"
