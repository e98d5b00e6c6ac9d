"""ASCII slugs for Thai titles: RTGS romanisation, one hyphen-separated word per Thai word.

Page slugs are ASCII and shared by both languages (``WAGTAIL_ALLOW_UNICODE_SLUGS`` is off), so Django's
``slugify`` turns a Thai-only title into an empty slug. Here a Thai run is cut into words with the search
segmenter (``home.thai_text``: PyThaiNLP's newmm plus the programme's own names) and every word is romanised
with PyThaiNLP's rule-based Royal Thai General System engine (``royin``). Latin words and digits are kept
(lower-cased), Thai digits become 0-9, everything else separates words.

Each word is romanised syllable by syllable (PyThaiNLP's dictionary syllable splitter) and the syllables are
joined again: ``royin`` reads a long word as one syllable run and garbles it (ชุมชน → "chumtn", ตำบล →
"tampn"), while syllable by syllable it gives "chumchon" and "tambon". ``royin`` has no dictionary, so some
words read differently from their official spelling (พัฒนา → "phatna", not "phatthana"); editors can change
any slug.
"""

import re
import unicodedata
from functools import lru_cache

from pythainlp.tokenize import subword_tokenize
from pythainlp.transliterate import romanize
from pythainlp.util import thai_digit_to_arabic_digit

from .thai_text import clean, is_thai, thai_words_in

MAX_LENGTH = 100  # characters; leaves room for a "-2" suffix well inside Page.slug's 255

_SCRIPT_RUN = re.compile(r"[\u0e01-\u0e4e]+|[^\u0e01-\u0e4e]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ASCII_SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")  # Django's ASCII slug


def is_ascii_slug(value):
    """Whether ``value`` is already a usable slug: ASCII letters, digits, hyphens and underscores only."""
    return bool(_ASCII_SLUG.match(value or ""))


def ascii_only(text):
    """``text`` with accents taken off and every character outside ASCII dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=4096)
def romanise_word(word):
    """The RTGS romanisation of one Thai word, lower-case ASCII letters only ("" if nothing is left)."""
    syllables = subword_tokenize(word, engine="dict") or [word]
    romanised = "".join(romanize(syllable, engine="royin") for syllable in syllables)
    return _NOT_SLUG.sub("", ascii_only(romanised).lower())


def slug_words(text):
    """The words of ``text`` as they appear in its slug: Thai words romanised, other words lower-cased ASCII."""
    words = []
    for run in _SCRIPT_RUN.findall(thai_digit_to_arabic_digit(clean(str(text or "")))):
        if is_thai(run):
            words.extend(romanise_word(word) for word in thai_words_in(run))
        else:
            words.extend(_NOT_SLUG.split(ascii_only(run).lower()))
    return [word for word in words if word]


def romanised_slug(text, max_length=MAX_LENGTH):
    """An ASCII slug for ``text`` (a Thai, English or mixed title), at most ``max_length`` characters.

    กองทุนพัฒนาอาชีพ → "kongthun-phatna-achip"; "" when nothing in ``text`` can be written in ASCII. A slug
    that would be too long is cut after its last whole word that fits.
    """
    slug = ""
    for word in slug_words(text):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            return slug or word[:max_length]
        slug = candidate
    return slug


def first_free_slug(base, taken):
    """``base``, or ``base-2``, ``base-3`` ...: the first of them not in ``taken`` (the siblings' slugs)."""
    candidate = base
    number = 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
