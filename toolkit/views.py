"""The toolkit's bundle downloads: /<lang>/<toolkit-slug>/toolkit.zip and toolkit.pdf."""

from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from home.visibility import public_pages

from .bundles import bundle_filename, get_bundle
from .downloads import file_response
from .models import DownloadCount, ToolkitPage


@require_safe
def bundle(request, slug, kind):
    """Serve the stored ZIP or PDF of the toolkit in the current language, building it only if it is missing."""
    if kind not in ("zip", "pdf"):
        raise Http404
    toolkit = get_object_or_404(
        public_pages(ToolkitPage.objects.all()).select_related("locale"),
        slug=slug,
        locale__language_code=get_language(),
    )
    stored = get_bundle(toolkit, kind)
    if request.headers.get("If-None-Match") == f'"{stored.fingerprint}"':
        response = HttpResponseNotModified()
        response["ETag"] = f'"{stored.fingerprint}"'
        return response
    if request.method == "GET":
        DownloadCount.objects.record(DownloadCount.Item(kind), toolkit.locale.language_code)
    return file_response(
        stored.file,
        bundle_filename(toolkit, kind),
        stored.size,
        etag=stored.fingerprint,
        last_modified=stored.created_at,
    )
