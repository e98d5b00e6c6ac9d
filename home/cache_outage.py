"""A cache outage in the log: one WARNING line a minute per process, with its cause, not a traceback a request.

With Redis down, django-redis (``IGNORE_EXCEPTIONS``) answers every cache call with a miss and, with
``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``, logs each failure with ``logger.exception``: a full traceback for
every cache call of every request. Its logger is ``DJANGO_REDIS_LOGGER`` (``LOGGER_NAME`` here), and the
``ReportOncePerInterval`` filter on that logger lets one record through per interval, rewritten as a
WARNING line naming the exception ("cache unavailable: ConnectionError: Error 111 connecting to …") and how
many failures it held back since the last line, and drops the rest.
"""

import logging
import threading
import time

LOGGER_NAME = "home.cache_outage"


def describe_failure(exc_info):
    """``Class: message`` of the error behind a failed cache call (django-redis wraps it in ``__cause__``)."""
    error = exc_info[1] if exc_info else None
    if error is None:
        return None
    cause = error.__cause__ or error
    return f"{type(cause).__name__}: {cause}"


class ReportOncePerInterval(logging.Filter):
    """Passes one record per ``interval`` seconds as a one-line WARNING; counts and drops the others.

    ``clock`` returns seconds (``time.monotonic`` by default); tests give their own to move time on.
    """

    def __init__(self, interval=60, clock=time.monotonic):
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        """Forget the last report: the next failure is reported at once."""
        with self._lock:
            self._next_report = None
            self.suppressed = 0

    def filter(self, record):
        with self._lock:
            now = self.clock()
            if self._next_report is not None and now < self._next_report:
                self.suppressed += 1
                return False
            self._next_report = now + self.interval
            held_back, self.suppressed = self.suppressed, 0
        cause = describe_failure(record.exc_info) or record.getMessage()
        if held_back:
            record.msg = "cache unavailable: %s (%d more cache failures since the last report)"
            record.args = (cause, held_back)
        else:
            record.msg, record.args = "cache unavailable: %s", (cause,)
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        return True
