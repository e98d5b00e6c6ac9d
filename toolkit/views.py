"""The toolkit's bundle downloads: /<lang>/<toolkit-slug>/toolkit.zip and toolkit.pdf, and each step's own PDF at
/<lang>/<toolkit-slug>/<step-slug>/step.pdf. Served from the stored files with their length and byte ranges."""

from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from home.visibility import public_pages

from .bundles import bundle_filename, get_bundle, get_step_pdf
from .downloads import file_response, is_resumed
from .models import DownloadCount, ToolkitPage, ToolkitStepPage


def _public_toolkit(slug):
    return get_object_or_404(
        public_pages(ToolkitPage.objects.all()).select_related("locale"),
        slug=slug,
        locale__language_code=get_language(),
    )


def _serve(request, toolkit, stored, filename, item=None):
    if request.headers.get("If-None-Match") == f'"{stored.fingerprint}"':
        response = HttpResponseNotModified()
        response["ETag"] = f'"{stored.fingerprint}"'
        return response
    if item is not None and request.method == "GET" and not is_resumed(request):
        DownloadCount.objects.record(item, toolkit.locale.language_code)
    return file_response(
        stored.file,
        filename,
        stored.size,
        etag=stored.fingerprint,
        last_modified=stored.created_at,
        request=request,
    )


@require_safe
def bundle(request, slug, kind):
    """Serve the stored ZIP or PDF of the toolkit in the current language, building it only if it is missing."""
    if kind not in ("zip", "pdf"):
        raise Http404
    toolkit = _public_toolkit(slug)
    stored = get_bundle(toolkit, kind)
    return _serve(request, toolkit, stored, bundle_filename(toolkit, kind), DownloadCount.Item(kind))


@require_safe
def step_pdf(request, slug, step):
    """Serve the stored PDF of one public step of the toolkit (built on publish; built now only if missing)."""
    toolkit = _public_toolkit(slug)
    page = get_object_or_404(public_pages(ToolkitStepPage.objects.child_of(toolkit)), slug=step)
    stored = get_step_pdf(toolkit, page)
    return _serve(request, toolkit, stored, bundle_filename(toolkit, "pdf", page))
