"""The whole toolkit as one printable PDF and one ZIP, built once per published version and stored.

A bundle is identified by a fingerprint of what it is built from (the live revisions of the toolkit
and its public steps, the public pages its tips name, each resource with its file, and the site's public
address that every printed link starts with, ``home.public_address``). A request serves
the stored file whose fingerprint matches; publishing regenerates it. Nothing is rebuilt while the
published content is unchanged. Making a step (or a page a tip names) private changes the fingerprint, so
the files are rebuilt without it; a toolkit that is itself private or unpublished has its files deleted.

Each public step also has its own small PDF (the step, its checklist and its forms), built with the others on
publish, so a page can show every file's size without building anything while it renders.
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

from home.public_address import absolutise_links, page_public_url, public_root, public_url
from home.visibility import public_page_ids, public_pages

from .models import StepTip, ToolkitBundle, ToolkitPage, resources_for_steps, tips_with_public_links
from .pdf import html_to_pdf

# Bump when the PDF template or ZIP layout changes, so stored bundles are rebuilt.
BUNDLE_FORMAT = "7"

_state = threading.local()


def bundle_filename(toolkit, kind, step=None):
    """The download name, e.g. ``odf-toolkit-th.pdf``, or ``odf-toolkit-th-<step slug>.pdf`` for one step."""
    if step is not None:
        return f"odf-toolkit-{toolkit.locale.language_code}-{step.slug}.pdf"
    return f"odf-toolkit-{toolkit.locale.language_code}.{kind}"


def _content(toolkit):
    steps = list(toolkit.live_steps().select_related("locale"))
    return steps, resources_for_steps(steps)


def _shared_parts(toolkit):
    return [BUNDLE_FORMAT, public_root(), toolkit.pk, toolkit.live_revision_id, toolkit.locale_id]


def _content_parts(steps, resources):
    # Privacy: a tip's linked page is named only while the public may see it.
    linked = StepTip.objects.filter(page__in=[step.pk for step in steps]).values_list("linked_page_id", flat=True)
    parts = [sorted(public_page_ids(linked))]
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
    return parts


def fingerprint(toolkit, steps=None, resources=None):
    """Digest of the published content a bundle of ``toolkit`` is built from."""
    if steps is None:
        steps, resources = _content(toolkit)
    parts = _shared_parts(toolkit) + [(step.pk, step.live_revision_id) for step in steps]
    parts += _content_parts(steps, resources)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def step_fingerprint(toolkit, steps, step):
    """Digest of what one step's PDF is built from: the toolkit's title and address, the step, its place among the
    public ``steps`` (“Step 3 of 8”), its tips' linked pages and its resources. Publishing another step leaves it."""
    ids = [s.pk for s in steps]
    place = (ids.index(step.pk) + 1 if step.pk in ids else None, len(ids))
    parts = ["step", *_shared_parts(toolkit), step.pk, step.live_revision_id, place]
    parts += _content_parts([step], resources_for_steps([step]))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def stored_bundle(toolkit, kind, digest, step=None):
    return ToolkitBundle.objects.filter(toolkit=toolkit, kind=kind, fingerprint=digest, step=step).first()


def _usable(bundle):
    """The stored bundle if its file is still there; a row that outlived its file (storage lost or restored from a
    backup) is deleted so it is built again."""
    if bundle is not None and bundle.file.storage.exists(bundle.file.name):
        return bundle
    if bundle is not None:
        bundle.delete()
    return None


def get_bundle(toolkit, kind):
    """The stored bundle for the toolkit's current published content, built now only if missing."""
    steps, resources = _content(toolkit)
    digest = fingerprint(toolkit, steps, resources)
    bundle = _usable(stored_bundle(toolkit, kind, digest))
    if bundle is not None:
        return bundle
    if kind == ToolkitBundle.Kind.PDF:
        data = build_pdf(toolkit, steps, resources)
    else:
        pdf = get_bundle(toolkit, ToolkitBundle.Kind.PDF)
        with pdf.file.open("rb") as handle:
            data = build_zip(toolkit, resources, handle.read())
    return _store(toolkit, kind, digest, data)


def get_step_pdf(toolkit, step, steps=None):
    """The stored PDF of one public ``step`` of ``toolkit`` for the current published content, built if missing."""
    if steps is None:
        steps = list(toolkit.live_steps().only("id", "path"))
    digest = step_fingerprint(toolkit, steps, step)
    bundle = _usable(stored_bundle(toolkit, ToolkitBundle.Kind.PDF, digest, step))
    if bundle is not None:
        return bundle
    return _store(toolkit, ToolkitBundle.Kind.PDF, digest, build_step_pdf(toolkit, steps, step), step)


def _store(toolkit, kind, digest, data, step=None):
    bundle = ToolkitBundle(toolkit=toolkit, step=step, kind=kind, fingerprint=digest, size=len(data))
    bundle.file.save(f"{digest[:16]}-{bundle_filename(toolkit, kind, step)}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            bundle.save()
    except IntegrityError:  # built at the same time by another request: keep theirs
        bundle.file.delete(save=False)
        return stored_bundle(toolkit, kind, digest, step)
    for old in ToolkitBundle.objects.filter(toolkit=toolkit, kind=kind, step=step).exclude(pk=bundle.pk):
        _delete(old)
    return bundle


def _delete(bundle):
    bundle.delete()
    # Files go only once the deletion is committed, so a rolled-back transaction keeps a working row.
    transaction.on_commit(lambda name=bundle.file.name, storage=bundle.file.storage: storage.delete(name))


def discard(toolkit_id, keep_steps=None):
    """Delete the stored files of a toolkit the public may no longer see (unpublished or made private); with
    ``keep_steps``, only the step PDFs of steps not in it (a step made private, unpublished or deleted)."""
    bundles = ToolkitBundle.objects.filter(toolkit_id=toolkit_id)
    if keep_steps is not None:
        bundles = bundles.filter(step__isnull=False).exclude(step__in=keep_steps)
    for old in bundles:
        _delete(old)


def _links(language):
    """The public addresses every PDF prints: the two online tools."""
    with translation.override(language):
        return {
            "self_check_url": public_url(reverse("toolkit_self_check")),
            "planner_url": public_url(reverse("toolkit_planner")),
        }


def build_pdf(toolkit, steps, resources):
    """The whole kit (overview, every step with its checklist and resources) as a tagged A4 PDF."""
    language = toolkit.locale.language_code
    toolkit_url = page_public_url(toolkit)
    with translation.override(language):
        html = render_to_string(
            "toolkit/pdf/toolkit.html",
            {
                **_links(language),
                "toolkit": toolkit,
                "steps": [_step_context(step, toolkit_url) for step in steps],
                "resources": resources,
                "language": language,
                "toolkit_url": toolkit_url,
            },
        )
    return html_to_pdf(absolutise_links(html))


def build_step_pdf(toolkit, steps, step):
    """One step (its facts, activities, checklist, tips and forms with their descriptions) as a tagged A4 PDF."""
    language = toolkit.locale.language_code
    toolkit_url = page_public_url(toolkit)
    ids = [s.pk for s in steps]
    with translation.override(language):
        html = render_to_string(
            "toolkit/pdf/step.html",
            {
                **_links(language),
                "toolkit": toolkit,
                "step": _step_context(step, toolkit_url),
                "number": ids.index(step.pk) + 1 if step.pk in ids else None,
                "total": len(steps),
                "language": language,
                "toolkit_url": toolkit_url,
            },
        )
    return html_to_pdf(absolutise_links(html))


def _step_context(step, toolkit_url):
    tips = tips_with_public_links(step.tips.select_related("linked_page"))
    for tip in tips:
        tip.public_url = page_public_url(tip.public_link) if tip.public_link else None
    resources = [link.resource for link in step.resource_links.select_related("resource__document")]
    for resource in resources:
        resource.download_url = f"{toolkit_url}download/{resource.pk}/" if resource.document else None
    return {"page": step, "url": page_public_url(step), "tips": tips, "resources": resources}


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
                "toolkit_url": page_public_url(toolkit),
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
    """Build the PDF, ZIP and step PDFs of a public toolkit if its published content changed; drop those of any
    other toolkit, and of steps the public may no longer see."""
    toolkit = public_pages(ToolkitPage.objects.filter(pk=toolkit_id)).select_related("locale").first()
    if toolkit is None:
        discard(toolkit_id)
        return
    get_bundle(toolkit, ToolkitBundle.Kind.PDF)
    get_bundle(toolkit, ToolkitBundle.Kind.ZIP)
    steps = list(toolkit.live_steps().select_related("locale"))
    for step in steps:
        get_step_pdf(toolkit, step, steps)
    discard(toolkit_id, keep_steps=[step.pk for step in steps])
