"""Serving stored files as downloads, with the right headers, and resuming a broken download (HTTP ``Range``).

Django's ``FileResponse`` always sends the whole file. A reader on a slow, paid connection whose download breaks
should not pay for it twice: ``file_response`` answers a single byte range with ``206 Partial Content``, a range
past the end with ``416``, and anything else (no range, several ranges, a range it cannot read, an ``If-Range``
that no longer matches) with the whole file. Counting downloads is ``DownloadCount.objects.record``.
"""

import mimetypes
import os
import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(Exception):
    """The range starts past the end of the file."""


def parse_range(header, size):
    """``(first, last)`` byte positions (inclusive) of a single-range ``Range`` header for a file of ``size`` bytes.

    None when the whole file should be sent (no header, several ranges, a unit other than bytes, nonsense);
    ``Unsatisfiable`` when the range lies wholly past the end. ``bytes=-500`` is the last 500 bytes.
    """
    match = _RANGE.match((header or "").strip().replace(" ", ""))
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # a suffix: the last N bytes
        length = int(last)
        if length == 0:
            raise Unsatisfiable
        return max(size - length, 0), size - 1
    first = int(first)
    if last != "" and int(last) < first:
        return None  # "bytes=9-3": invalid, so ignored
    if first >= size:
        raise Unsatisfiable
    return first, size - 1 if last == "" else min(int(last), size - 1)


def is_resumed(request):
    """Whether ``request`` asks for part of a file (a resumed download, not a new one to count)."""
    return bool(request.headers.get("Range"))


def _if_range_matches(request, etag, last_modified):
    """Whether the ``If-Range`` validator (if any) still names this file; without one a range always applies."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    if validator.startswith(('"', "W/")):
        return bool(etag) and validator == f'"{etag}"'
    when = parse_http_date_safe(validator)
    return bool(when and last_modified and int(last_modified.timestamp()) <= when)


def _read(handle, first, length):
    try:
        handle.seek(first)
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


def file_response(field_file, filename, size, etag=None, last_modified=None, max_age=3600, request=None):
    """A download response for a stored file: attachment name, length, type and caching headers; a single
    ``Range`` of ``request`` gets only those bytes (206), one past the end a 416."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    byte_range = None
    if request is not None and request.method == "GET" and _if_range_matches(request, etag, last_modified):
        try:
            byte_range = parse_range(request.headers.get("Range"), size)
        except Unsatisfiable:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            response["Accept-Ranges"] = "bytes"
            return response
    if byte_range is None:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            _read(field_file.open("rb"), first, last - first + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # private: a browser may keep it, a shared cache may not, so every download reaches the site and is counted.
    response["Cache-Control"] = f"private, max-age={max_age}"
    response["X-Content-Type-Options"] = "nosniff"
    if etag:
        response["ETag"] = f'"{etag}"'
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def serve_document(document, request=None):
    """Serve a Wagtail document as an attachment, named by its file's own name."""
    return file_response(
        document.file,
        os.path.basename(document.file.name),
        document.get_file_size() or document.file.size,
        etag=document.get_file_hash() or None,
        max_age=300,
        request=request,
    )
