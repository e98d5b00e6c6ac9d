"""The static-file storage: WhiteNoise's compressed manifest storage, with each file's URL worked out once per
process (issue 18).

Every page asks for about ten static URLs (fonts, styles, script, icons, share image); each answer comes from the
manifest the storage read when the process started, through a hash-name lookup, URL joins and quoting that cost
more than the rest of the page's head. The manifest cannot change under a running process (``collectstatic``
writes a new one for the next start), so ``url`` keeps what it answered for each name; a ``post_process`` in this
process (``collectstatic`` itself) forgets it. In DEBUG, and with ``force``, it answers as Django does every time.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from django.conf import settings


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(name, force)
        return found

    def post_process(self, *args, **kwargs):
        self._urls = {}
        yield from super().post_process(*args, **kwargs)
        self._urls = {}
