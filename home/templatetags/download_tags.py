"""What a reader sees beside a download link before tapping it: ``{% download_label "PDF" size %}`` → “PDF, 1.2 MB”
(“ไฟล์ PDF ขนาด 1.2 MB” in Thai). The size comes from data already loaded (a document's ``file_size``, a stored
bundle's ``size``): never a query or a file read per link."""

from django import template
from django.utils.translation import gettext as _

from home.localisation import current_language
from home.numbers import format_file_size

register = template.Library()


@register.simple_tag
def download_label(file_type, size):
    """“PDF, 1.2 MB”; just the type when the size is unknown, nothing when neither is."""
    file_type = str(file_type or "").upper()
    size_text = format_file_size(size, current_language()) if size not in (None, "") else ""
    if file_type and size_text:
        return _("%(type)s, %(size)s") % {"type": file_type, "size": size_text}
    return file_type or size_text


@register.filter
def file_size(size):
    """``{{ bytes|file_size }}``: 1.2 MB, with the site's number formatting in the reader's language."""
    return format_file_size(size, current_language())
