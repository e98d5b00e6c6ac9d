"""Upload checks for documents: the file's first bytes must match its extension, and nothing that a browser
could run (HTML, SVG, XML, scripts) or a computer could execute is accepted, whatever its name.

Size and extension limits are Wagtail settings (``WAGTAILDOCS_MAX_UPLOAD_SIZE``, ``WAGTAILDOCS_EXTENSIONS``);
images are checked by Wagtail itself (format, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``),
with Pillow told to refuse oversized images before decoding them and corrupt images refused, not crashing.
"""

from pathlib import PurePath

from PIL import Image as PILImage

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

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
            # Django's extension check first: its message lists the allowed types (code "invalid_extension").
            FileExtensionValidator(getattr(settings, "WAGTAILDOCS_EXTENSIONS", None))(uploaded)
            problem = document_problem(uploaded.name, read_head(uploaded))
            if problem:
                raise ValidationError(problem, code="unsafe_file")
        return uploaded

    def _post_clean(self):
        # When the file field already failed, the model's own extension check sees no file and would add a
        # confusing second error ("extension “” is not allowed"): keep only the field's errors.
        shown = len(self._errors.get("file", ()))
        super()._post_clean()
        if shown:
            del self._errors["file"][shown:]


def limit_image_decoding(max_pixels):
    """Make Pillow refuse, from the header alone, any image over ``max_pixels`` (a decompression bomb).

    Pillow raises ``DecompressionBombError`` above twice its ``MAX_IMAGE_PIXELS``, whatever the warning filters.
    """
    PILImage.MAX_IMAGE_PIXELS = max_pixels // 2


def _decode_fully(uploaded):
    """Decode every pixel once, refusing truncated data even where another library (WeasyPrint sets
    ``ImageFile.LOAD_TRUNCATED_IMAGES`` at import) told Pillow to accept it. Size is already bounded."""
    from PIL import ImageFile

    stream = getattr(uploaded, "file", uploaded)
    position = stream.tell()
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        stream.seek(0)
        with PILImage.open(stream) as image:
            image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous
        stream.seek(position)


class SafeImageField(WagtailImageField):
    """Wagtail's image field, refusing truncated or corrupt image data instead of failing with an error page."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            _decode_fully(f)
        except (OSError, SyntaxError, ValueError) as error:  # what Pillow raises for broken image data
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class SafeImageForm(BaseImageForm):
    """Wagtail's image form with :class:`SafeImageField` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            # Wagtail builds the field itself (formfield_callback); only its checks change.
            field.__class__ = SafeImageField
