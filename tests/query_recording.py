"""Records which query-string parameters a request's view really reads (``request.GET`` and DRF's
``query_params``, which is the same object), so declarations can be checked against the code."""

import contextlib

from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict

READS_EVERYTHING = "*"


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes every key looked up; ``urlencode``/``items``/``dict`` read every key."""

    def __init__(self, *args, log, **kwargs):
        self._log = set()  # parsing the query string looks keys up too: not the view's reads
        super().__init__(*args, **kwargs)
        self._log = log

    def _note(self, key):
        self._log.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    def _everything(self, method, *args, **kwargs):
        self._log.add(READS_EVERYTHING)
        return getattr(super(), method)(*args, **kwargs)

    def urlencode(self, safe=None):
        return self._everything("urlencode", safe)

    def items(self):
        return self._everything("items")

    def lists(self):
        return self._everything("lists")

    def dict(self):
        return self._everything("dict")

    def copy(self):
        return self._everything("copy")


@contextlib.contextmanager
def recording_query_reads():
    """Within the block, every request's ``GET`` records the keys read into the yielded set."""
    log = set()
    original = WSGIRequest.__dict__["GET"]

    def get(request):
        return RecordingQueryDict(request.META.get("QUERY_STRING", ""), log=log, encoding=request.encoding)

    WSGIRequest.GET = property(get)
    try:
        yield log
    finally:
        WSGIRequest.GET = original
