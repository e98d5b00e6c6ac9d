"""Comparing Thai text extracted from PDFs: extraction drops or moves combining vowels and tone marks and
turns า into ำ (notes/FEASIBILITY.md), so both sides are compared with those removed or mapped."""

import io
import re

from pypdf import PdfReader

_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s]")


def normalise(text):
    return _MARKS.sub("", text.replace("\u0e33", "\u0e32"))


def page_texts(pdf_bytes):
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf_bytes)).pages]


def table_of_contents(page_text):
    """(title, page number) for each line that ends in leader dots and a number."""
    entries = []
    for line in page_text.splitlines():
        match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)\s*$", line)
        if match:
            entries.append((match.group(1), int(match.group(2))))
    return entries
