"""Serving stored files as downloads, with the right headers. Counting them is ``DownloadCount.objects.record``."""

import mimetypes
import os

from django.http import FileResponse
from django.utils.http import content_disposition_header, http_date


def file_response(field_file, filename, size, etag=None, last_modified=None, max_age=3600):
    """A download response for a stored file: attachment name, length, type and caching headers."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Length"] = str(size)
    # private: a browser may keep it, a shared cache may not, so every download reaches the site and is counted.
    response["Cache-Control"] = f"private, max-age={max_age}"
    response["X-Content-Type-Options"] = "nosniff"
    if etag:
        response["ETag"] = f'"{etag}"'
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def serve_document(document):
    """Serve a Wagtail document as an attachment, named by its file's own name."""
    return file_response(
        document.file,
        os.path.basename(document.file.name),
        document.get_file_size() or document.file.size,
        etag=document.get_file_hash() or None,
        max_age=300,
    )
