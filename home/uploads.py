"""Upload checks for documents: the file's first bytes must match its extension, and nothing that a browser
could run (HTML, SVG, XML, scripts) or a computer could execute is accepted, whatever its name.

Size and extension limits are Wagtail settings (``WAGTAILDOCS_MAX_UPLOAD_SIZE``, ``WAGTAILDOCS_EXTENSIONS``);
images are checked by Wagtail itself (format, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``).
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)

# What each allowed document type starts with; ``None``: plain text (checked for markup instead).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "csv": None,
}

# Executables and scripts, by their first bytes.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")

# Markup a browser would render or run, looked for (lower-cased) in the head of text files.
ACTIVE_MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<iframe", b"<body", b"<head", b"javascript:")

HEAD_BYTES = 2048


def document_problem(filename, head):
    """Why a document called ``filename`` whose first bytes are ``head`` must be refused, or ``None`` if it may stay."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension not in SIGNATURES:
        return _("This type of file is not accepted.")
    if head.startswith(EXECUTABLE_SIGNATURES):
        return _("Programs and scripts are not accepted.")
    expected = SIGNATURES[extension]
    if expected is not None:
        if not head.startswith(expected):
            return _("The file's content does not match its extension (.%(extension)s).") % {"extension": extension}
        return None
    if b"\x00" in head:
        return _("The file's content does not match its extension (.%(extension)s).") % {"extension": extension}
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<") or any(marker in lowered for marker in ACTIVE_MARKUP):
        return _("Files containing web page markup or scripts are not accepted.")
    return None


def read_head(uploaded_file, size=HEAD_BYTES):
    """The first ``size`` bytes of an uploaded file, leaving its position at the start."""
    uploaded_file.seek(0)
    head = uploaded_file.read(size)
    uploaded_file.seek(0)
    return head


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is unsafe or does not match their extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            problem = document_problem(uploaded.name, read_head(uploaded))
            if problem:
                raise ValidationError(problem, code="unsafe_file")
        return uploaded
