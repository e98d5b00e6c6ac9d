"""Counting downloads per month without personal data, and serving stored files with the right headers."""

import mimetypes
import os

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.http import FileResponse
from django.utils import timezone
from django.utils.http import content_disposition_header, http_date

from .models import DownloadCount


def month_start(when=None):
    """The first day of the month of ``when`` (default: now), in the site's time zone."""
    day = timezone.localdate(when) if when is not None else timezone.localdate()
    return day.replace(day=1)


def record_download(item, language, resource=None, when=None):
    """Add one to the month's counter for ``item``; only the item, language and month are stored."""
    month = month_start(when)
    lookup = {"resource": resource} if resource is not None else {"resource": None, "item": item}
    counters = DownloadCount.objects.filter(month=month, **lookup)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(item=item, language=language, resource=resource, month=month, count=1)
    except IntegrityError:  # another request created it first
        counters.update(count=F("count") + 1)


def top_downloads(month, limit=50):
    """Counters of ``month`` (a date in it), most downloaded first, with their resources loaded."""
    return (
        DownloadCount.objects.filter(month=month_start_of(month))
        .select_related("resource")
        .order_by("-count", "item", "language")[:limit]
    )


def month_start_of(day):
    return day.replace(day=1)


def total_downloads(**filters):
    return DownloadCount.objects.filter(**filters).aggregate(total=Sum("count"))["total"] or 0


def file_response(field_file, filename, size, etag=None, last_modified=None, max_age=3600):
    """A download response for a stored file: attachment name, length, type and caching headers."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Length"] = str(size)
    response["Cache-Control"] = f"public, max-age={max_age}"
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
