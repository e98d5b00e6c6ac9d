"""The whole toolkit as one printable PDF and one ZIP, built once per published version and stored.

A bundle is identified by a fingerprint of what it is built from (the live revisions of the toolkit
and its public steps, the public pages its tips name, and each resource with its file). A request serves
the stored file whose fingerprint matches; publishing regenerates it. Nothing is rebuilt while the
published content is unchanged. Making a step (or a page a tip names) private changes the fingerprint, so
the files are rebuilt without it; a toolkit that is itself private or unpublished has its files deleted.
"""

import contextlib
import hashlib
import io
import os
import threading
import zipfile

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from home.visibility import public_page_ids, public_pages

from .models import StepTip, ToolkitBundle, ToolkitPage, resources_for_steps, tips_with_public_links
from .pdf import html_to_pdf

# Bump when the PDF template or ZIP layout changes, so stored bundles are rebuilt.
BUNDLE_FORMAT = "6"

_state = threading.local()


def bundle_filename(toolkit, kind):
    """The download name, e.g. ``odf-toolkit-th.pdf``."""
    return f"odf-toolkit-{toolkit.locale.language_code}.{kind}"


def _content(toolkit):
    steps = list(toolkit.live_steps().select_related("locale"))
    return steps, resources_for_steps(steps)


def fingerprint(toolkit, steps=None, resources=None):
    """Digest of the published content a bundle of ``toolkit`` is built from."""
    if steps is None:
        steps, resources = _content(toolkit)
    parts = [BUNDLE_FORMAT, toolkit.pk, toolkit.live_revision_id, toolkit.locale_id]
    parts += [(step.pk, step.live_revision_id) for step in steps]
    # Privacy: a tip's linked page is named only while the public may see it.
    linked = StepTip.objects.filter(page__in=[step.pk for step in steps]).values_list("linked_page_id", flat=True)
    parts.append(sorted(public_page_ids(linked)))
    for resource in resources:
        document = resource.document
        parts.append(
            (
                resource.pk,
                resource.updated_at.isoformat(),
                document.file.name if document else None,
                document.file_hash if document else None,
            )
        )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def stored_bundle(toolkit, kind, digest):
    return ToolkitBundle.objects.filter(toolkit=toolkit, kind=kind, fingerprint=digest).first()


def get_bundle(toolkit, kind):
    """The stored bundle for the toolkit's current published content, built now only if missing."""
    steps, resources = _content(toolkit)
    digest = fingerprint(toolkit, steps, resources)
    bundle = stored_bundle(toolkit, kind, digest)
    if bundle is not None and bundle.file.storage.exists(bundle.file.name):
        return bundle
    if bundle is not None:  # the row outlived its file (storage lost or restored from a backup): build again
        bundle.delete()
    if kind == ToolkitBundle.Kind.PDF:
        data = build_pdf(toolkit, steps, resources)
    else:
        pdf = get_bundle(toolkit, ToolkitBundle.Kind.PDF)
        with pdf.file.open("rb") as handle:
            data = build_zip(toolkit, resources, handle.read())
    return _store(toolkit, kind, digest, data)


def _store(toolkit, kind, digest, data):
    bundle = ToolkitBundle(toolkit=toolkit, kind=kind, fingerprint=digest, size=len(data))
    bundle.file.save(f"{digest[:16]}-{bundle_filename(toolkit, kind)}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            bundle.save()
    except IntegrityError:  # built at the same time by another request: keep theirs
        bundle.file.delete(save=False)
        return stored_bundle(toolkit, kind, digest)
    for old in ToolkitBundle.objects.filter(toolkit=toolkit, kind=kind).exclude(pk=bundle.pk):
        old.delete()
        # Files go only once the deletion is committed, so a rolled-back transaction keeps a working row.
        transaction.on_commit(lambda name=old.file.name, storage=old.file.storage: storage.delete(name))
    return bundle


def discard(toolkit_id):
    """Delete the stored files of a toolkit the public may no longer see (unpublished or made private)."""
    for old in ToolkitBundle.objects.filter(toolkit_id=toolkit_id):
        old.delete()
        transaction.on_commit(lambda name=old.file.name, storage=old.file.storage: storage.delete(name))


def build_pdf(toolkit, steps, resources):
    """The whole kit (overview, every step with its checklist and resources) as A4 PDF bytes."""
    language = toolkit.locale.language_code
    site_root = toolkit.get_site().root_url
    with translation.override(language):
        html = render_to_string(
            "toolkit/pdf/toolkit.html",
            {
                "self_check_url": site_root + reverse("toolkit_self_check"),
                "planner_url": site_root + reverse("toolkit_planner"),
                "toolkit": toolkit,
                "steps": [_step_context(step) for step in steps],
                "resources": resources,
                "language": language,
                "toolkit_url": toolkit.get_full_url(),
            },
        )
    return html_to_pdf(html)


def _step_context(step):
    return {
        "page": step,
        "url": step.get_full_url(),
        "tips": tips_with_public_links(step.tips.select_related("linked_page")),
        "resources": [link.resource for link in step.resource_links.select_related("resource__document")],
    }


def zip_member_names(resources):
    """The path of each resource's file inside the ZIP, unique, in resource order."""
    names, used = [], set()
    for resource in resources:
        base = os.path.basename(resource.document.file.name) if resource.document else ""
        stem, ext = os.path.splitext(base)
        name, n = f"resources/{base}", 1
        while name in used:
            n += 1
            name = f"resources/{stem}-{n}{ext}"
        used.add(name)
        names.append(name)
    return names


def build_zip(toolkit, resources, pdf_bytes):
    """A ZIP of the toolkit PDF, every resource file of the toolkit's language, and a README."""
    resources = [r for r in resources if r.document is not None]
    names = zip_member_names(resources)
    pdf_name = bundle_filename(toolkit, "pdf")
    language = toolkit.locale.language_code
    with translation.override(language):
        readme = render_to_string(
            "toolkit/pdf/readme.txt",
            {
                "toolkit": toolkit,
                "pdf_name": pdf_name,
                "entries": list(zip(names, resources, strict=True)),
                "toolkit_url": toolkit.get_full_url(),
            },
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.replace("\n", "\r\n").encode("utf-8-sig"))
        archive.writestr(pdf_name, pdf_bytes)
        for name, resource in zip(names, resources, strict=True):
            with resource.document.file.open("rb") as handle:
                archive.writestr(name, handle.read())
    return buffer.getvalue()


@contextlib.contextmanager
def deferred():
    """Publish many things without rebuilding after each; rebuild each touched toolkit once at the end."""
    _state.deferred = getattr(_state, "deferred", 0) + 1
    _state.pending = getattr(_state, "pending", set())
    try:
        yield
    finally:
        _state.deferred -= 1
        if not _state.deferred:
            pending, _state.pending = _state.pending, set()
            for pk in pending:
                refresh(pk)


def schedule_refresh(toolkit_id):
    """Rebuild the toolkit's bundles after the current transaction commits (or later, when deferred)."""
    if getattr(_state, "deferred", 0):
        _state.pending.add(toolkit_id)
        return
    transaction.on_commit(lambda: refresh(toolkit_id))


def refresh(toolkit_id):
    """Build the PDF and ZIP of a public toolkit if its published content changed; drop those of any other."""
    toolkit = public_pages(ToolkitPage.objects.filter(pk=toolkit_id)).select_related("locale").first()
    if toolkit is None:
        discard(toolkit_id)
        return
    get_bundle(toolkit, ToolkitBundle.Kind.PDF)
    get_bundle(toolkit, ToolkitBundle.Kind.ZIP)
