"""Read the demo content's data files: YAML with Thai and English side by side.

Each app keeps its demo text and numbers in ``<app>/demo/*.yaml``. A translatable value is written as
``{th: ..., en: ...}`` and read as a ``Pair``; ``pick`` then gives one language's tree. ``read`` checks
that every pair has both languages and that the listed keys are present, and names the file and the
place in it when something is missing.
"""

from pathlib import Path

import yaml

LANGUAGES = ("th", "en")

PILOTS_FILE = Path(__file__).parent / "demo" / "pilots.yaml"


class DemoDataError(ValueError):
    """A demo data file is missing a key or a language, or asks for a language that does not exist."""


class Pair:
    """Demo text in both languages."""

    __slots__ = ("th", "en")

    def __init__(self, th, en):
        self.th, self.en = th, en

    def __repr__(self):
        return f"Pair({self.th!r}, {self.en!r})"


def pick(tree, language_code):
    """Replace every ``Pair`` in nested dicts, lists and tuples by its ``language_code`` text."""
    if language_code not in LANGUAGES:
        raise DemoDataError(f"no demo text in language {language_code!r}; the languages are {', '.join(LANGUAGES)}")
    return _pick(tree, language_code)


def _pick(tree, language_code):
    if isinstance(tree, Pair):
        return getattr(tree, language_code)
    if isinstance(tree, dict):
        return {key: _pick(value, language_code) for key, value in tree.items()}
    if isinstance(tree, list | tuple):
        return type(tree)(_pick(value, language_code) for value in tree)
    return tree


def _pairs(tree, where):
    """``tree`` with every ``{th: ..., en: ...}`` mapping turned into a ``Pair``, checked on the way."""
    if isinstance(tree, dict):
        languages = set(tree) & set(LANGUAGES)
        if languages:
            missing = [code for code in LANGUAGES if code not in tree]
            if missing:
                raise DemoDataError(f"{where}: no {' or '.join(missing)} text (a translatable value needs th and en)")
            if set(tree) - languages:
                extra = ", ".join(sorted(map(str, set(tree) - languages)))
                raise DemoDataError(f"{where}: a th/en value cannot also hold {extra}")
            if bool(tree["th"]) != bool(tree["en"]):
                raise DemoDataError(f"{where}: {'en' if tree['th'] else 'th'} is empty but the other language is not")
            return Pair(tree["th"], tree["en"])
        return {key: _pairs(value, f"{where}.{key}") for key, value in tree.items()}
    if isinstance(tree, list):
        return [_pairs(value, f"{where}[{i}]") for i, value in enumerate(tree)]
    return tree


def _require(value, keys, where):
    if not keys:
        return
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        place = f"{where}[{i}]" if isinstance(value, list) else where
        if not isinstance(item, dict):
            raise DemoDataError(f"{place}: expected a mapping with {', '.join(keys)}")
        missing = [key for key in keys if key not in item]
        if missing:
            raise DemoDataError(f"{place}: missing {', '.join(missing)}")


def read(path, required=None):
    """The data in the YAML file ``path``, with its th/en values as ``Pair``.

    ``required`` maps a top-level key to the keys its mapping (or each item of its list) must have;
    a missing key or language raises ``DemoDataError`` naming the file and the place.
    """
    path = Path(path)
    name = f"{path.parent.parent.name}/{path.parent.name}/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DemoDataError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise DemoDataError(f"{name}: expected a mapping at the top")
    for key, keys in (required or {}).items():
        if key not in raw:
            raise DemoDataError(f"{name}: missing {key}")
        _require(raw[key], keys, f"{name}: {key}")
    return {key: _pairs(value, f"{name}: {key}") for key, value in raw.items()}


def stream(blocks):
    """StreamField content from a data file's list of one-key mappings (``- paragraph: ...``)."""
    for block in blocks:
        if not isinstance(block, dict) or len(block) != 1:
            raise DemoDataError(f"a stream block is one `- <block type>: <value>` mapping, not {block!r}")
    return [next(iter(block.items())) for block in blocks]


def pilots():
    """The pilot learning units, one mapping each (province, slug), in the order the demo shows them."""
    return read(PILOTS_FILE, required={"pilots": ("province", "slug")})["pilots"]


def pilot_slugs():
    """Page slug of each pilot unit by the province it is in: ``{"bueng-kan": "ban-pho-thong", ...}``."""
    return {pilot["province"]: pilot["slug"] for pilot in pilots()}
