"""Thai-aware text processing for search: word segmentation, the indexed copy of a text, query terms, matches.

Thai is written without spaces between words, and neither SQLite's FTS5 tokenizer nor PostgreSQL's
parser can find a word inside an unspaced run. So every text is segmented here, the same way when it
is indexed and when a query is parsed:

- Thai runs are cut into words with PyThaiNLP's offline dictionary tokenizer ``newmm``.
- newmm cuts by context ("โครงการพัฒนา" becomes ``โครง|การพัฒนา``), so a reader typing "โครงการ" would
  miss it. The indexed copy therefore also lists every dictionary word that starts and ends on a Thai
  syllable boundary (the FEASIBILITY.md cluster-boundary trick, with syllables instead of raw character
  clusters so fewer accidental short words are added).
- Latin words keep English stemming (Snowball): the indexed copy adds each word's stem and the query
  searches for stems, so "funds" finds "fund" on both databases (the search backend is set to
  PostgreSQL's ``simple`` configuration, so both databases see exactly the tokens made here).

The indexed copy keeps the original text readable: words are separated by ZERO WIDTH SPACE (both
databases split on it, readers never see it) and the added terms sit between two INVISIBLE SEPARATOR
marks, so ``display_text`` turns a stored copy back into the original text for result snippets.
"""

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

import snowballstemmer
from pythainlp.corpus import thai_stopwords, thai_words
from pythainlp.tokenize import subword_tokenize, word_tokenize
from pythainlp.util import Trie

MAX_QUERY_LENGTH = 200
WORD_SEPARATOR = "\u200b"  # ZERO WIDTH SPACE: a word break both databases honour, invisible to readers
EXTRA_MARK = "\u2063"  # INVISIBLE SEPARATOR: fences off the added terms of an indexed copy

# Names and abbreviations of this programme that the general dictionary lacks, so newmm keeps them whole.
DOMAIN_WORDS = frozenset(
    {
        "กสศ",
        "เอสซีจี",
        "แจ้ซ้อน",
        "โพธิ์ทอง",
        "ทอเสื่อ",
        "เสื่อกก",
        "แรงงานนอกระบบ",
        "หน่วยจัดการเรียนรู้",
        "วิสาหกิจชุมชน",
    }
)
ENGLISH_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or that the their this to was were "
    "what when where which who with".split()
)

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
# A query word: letters and digits, with Thai vowel and tone marks (which Python does not count as \w).
_WORD = re.compile(r"(?:[^\W_]|[\u0e01-\u0e4e])+")
_SCRIPT_RUN = re.compile(r"[\u0e01-\u0e4e]+|[^\u0e01-\u0e4e]+")
_LATIN_WORD = re.compile(r"[^\W_\u0e00-\u0e7f]+")
_EXTRAS = re.compile(f"\\s*{EXTRA_MARK}[^{EXTRA_MARK}]*{EXTRA_MARK}")
_SPACES = re.compile(r"\s+")
_SPACE = re.compile(r"\s")  # exactly the characters ``str.isspace`` accepts

_dictionary = None
_stemmer = snowballstemmer.stemmer("english")


def load_dictionary():
    """Build the word dictionary once per process (about half a second); called when the app is ready."""
    global _dictionary
    if _dictionary is None:
        _dictionary = Trie(set(thai_words()) | DOMAIN_WORDS)
        # Warm the tokenizers' own lazily loaded data, so no request pays for it.
        word_tokenize("กองทุน", custom_dict=_dictionary, engine="newmm")
        subword_tokenize("กองทุน", engine="dict")
    return _dictionary


def is_thai(text):
    return bool(_THAI_RUN.search(text))


def stem(word):
    """The English stem of a Latin word, lower-cased ("Funds" -> "fund")."""
    return _stemmer.stemWord(word.lower())


def thai_words_in(run):
    """newmm's segmentation of one unspaced Thai run."""
    return [w for w in word_tokenize(run, custom_dict=load_dictionary(), engine="newmm", keep_whitespace=False) if w]


def compound_parts(run, words):
    """Every dictionary word of ``run`` that starts and ends on a syllable or word boundary.

    ``words`` is newmm's segmentation of ``run``. This finds the parts of compounds that newmm's
    context-driven cut hides ("โครงการ" in "โครงการพัฒนา"). Syllable boundaries (PyThaiNLP's dictionary
    syllable splitter) are the character-cluster boundaries that can begin a word, so they add far
    fewer accidental short words than raw cluster boundaries do.
    """
    dictionary = load_dictionary()
    boundaries = {0}
    for pieces in (words, subword_tokenize(run, engine="dict")):
        position = 0
        for piece in pieces:
            position += len(piece)
            boundaries.add(position)
    found = []
    for start in sorted(boundaries):
        for word in dictionary.prefixes(run[start:]):
            if len(word) > 1 and start + len(word) in boundaries:
                found.append(word)
    return found


def clean(text):
    """Text without control or format characters (whitespace becomes a space), spaces collapsed."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace():
            out.append(" ")
        elif not category.startswith("C"):
            out.append(char)
    return _SPACES.sub(" ", "".join(out)).strip()


# A page is indexed at every save (created, revised, published, translated), and its runs recur across pages (names,
# headings, a province in every unit of it): each distinct run is segmented once per process. Bounded, so a
# long-running process holds at most a few MB.
@lru_cache(maxsize=50_000)
def _indexed_run(run):
    """``(segmented run, its added compound parts)`` of one unspaced Thai run, for ``index_text``."""
    words = thai_words_in(run)
    return WORD_SEPARATOR.join(words), tuple(w for w in compound_parts(run, words) if w not in words)


@lru_cache(maxsize=50_000)
def _indexed_stem(word):
    """The stem ``index_text`` adds for a Latin word, or None where it is the lower-cased word itself."""
    stemmed = stem(word)
    return None if stemmed == word.lower() else stemmed


def index_text(text):
    """The copy of ``text`` that goes into the search index: segmented, plus added compound parts and stems.

    Reading it back with ``display_text`` gives ``text`` again (cleaned of control characters).
    """
    if not text:
        return ""
    text = clean(str(text))
    extras = []
    pieces = []
    last = 0
    for match in _THAI_RUN.finditer(text):
        pieces.append(text[last : match.start()])
        words, added = _indexed_run(match.group())
        pieces.append(words)
        extras.extend(added)
        last = match.end()
    pieces.append(text[last:])
    for word in _LATIN_WORD.findall(text):
        stemmed = _indexed_stem(word)
        if stemmed is not None:
            extras.append(stemmed)
    segmented = "".join(pieces)
    if not extras:
        return segmented
    unique = " ".join(dict.fromkeys(extras))
    return f"{segmented} {EXTRA_MARK}{unique}{EXTRA_MARK}"


def display_text(stored):
    """The readable text of an indexed copy: added terms and word separators removed."""
    return _EXTRAS.sub("", stored or "").replace(WORD_SEPARATOR, "").replace(EXTRA_MARK, "")


def display_text_with_breaks(stored):
    """``display_text`` of an indexed copy, plus the offsets in it where a word or space begins or ends.

    The offsets let a snippet be cut between Thai words rather than in the middle of one.
    """
    pieces = _EXTRAS.sub("", stored or "").replace(EXTRA_MARK, "").split(WORD_SEPARATOR)
    text = "".join(pieces)
    word_breaks = list(accumulate(map(len, pieces[:-1])))
    space_breaks = [match.start() for match in _SPACE.finditer(text)]
    return text, sorted(word_breaks + space_breaks)


def normalise_query(query):
    """A query as searched: control characters removed, spaces collapsed, at most 200 characters."""
    return clean(query or "")[:MAX_QUERY_LENGTH].strip()


@lru_cache(maxsize=2048)
def query_terms(query):
    """The terms to search for: Thai words as segmented, Latin words as stems; stop words dropped.

    ``query`` should already be normalised. Stop words are kept only when the query has nothing else.
    """
    terms = []
    stop = set()
    thai_stop = thai_stopwords()
    for token in _WORD.findall(query):
        for run in _SCRIPT_RUN.findall(token):
            if is_thai(run):
                for word in thai_words_in(run):
                    terms.append(word)
                    if word in thai_stop:
                        stop.add(word)
            else:
                word = stem(run)
                terms.append(word)
                if run.lower() in ENGLISH_STOPWORDS:
                    stop.add(word)
    unique = list(dict.fromkeys(terms))
    meaningful = [t for t in unique if t not in stop]
    return tuple(meaningful or unique)


def match_spans(text, terms):
    """Sorted, merged ``(start, end)`` spans of ``text`` where a query term occurs.

    A Thai term matches wherever it occurs (Thai has no spaces); a Latin term matches whole words with the
    same stem ("funding" for "fund").
    """
    spans = []
    lowered = text.lower()
    latin = {t for t in terms if not is_thai(t)}
    for term in terms:
        if is_thai(term):
            start = lowered.find(term)
            while start != -1:
                spans.append((start, start + len(term)))
                start = lowered.find(term, start + len(term))
    if latin:
        # Only the words that begin as a term does are stemmed: a Snowball stem keeps its word's first letter
        # (it only rewrites endings), so no other word can have a term's stem. A long English text has a few
        # hundred distinct words; stemming each of them was most of a search page's time.
        initials = {term[0] for term in latin if term}
        stems = {}  # each distinct word stemmed once: a long English text repeats most of its words
        for match in _LATIN_WORD.finditer(text):
            word = match.group().lower()
            if word[0] not in initials:
                continue
            if word not in stems:
                stems[word] = stem(word)
            if stems[word] in latin:
                spans.append(match.span())
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
