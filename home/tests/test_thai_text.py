"""Direct tests of the Thai segmentation used by search (no database)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from home import thai_text
from home.search import highlight, snippet

PROGRAMME = "โครงการพัฒนาตัวแบบกองทุนเพื่อพัฒนาอาชีพที่เชื่อมโยงกับโอกาสทางการศึกษาของเยาวชน และแรงงานนอกระบบ"


def tokens(indexed):
    """The terms a database sees in an indexed copy (both split on spaces, ZWSP and the extra marks)."""
    return set(re.split(rf"[\s{thai_text.WORD_SEPARATOR}{thai_text.EXTRA_MARK},()]+", indexed)) - {""}


def test_the_dictionary_loads_once_per_process():
    # AppConfig.ready() loaded it; later calls hand back the same object instead of loading again.
    assert thai_text._dictionary is not None
    assert thai_text.load_dictionary() is thai_text.load_dictionary()


def test_unspaced_thai_is_split_into_words():
    words = thai_text.thai_words_in("กองทุนเพื่อพัฒนาอาชีพ")
    assert words == ["กองทุน", "เพื่อ", "พัฒนา", "อาชีพ"]


def test_indexed_copy_holds_words_found_inside_unspaced_text():
    found = tokens(thai_text.index_text(PROGRAMME))
    for word in ["กองทุน", "อาชีพ", "เยาวชน", "แรงงาน", "การศึกษา", "พัฒนา"]:
        assert word in found, word
    assert "ทุเรียน" not in found


def test_compounds_hidden_by_newmm_are_added():
    # newmm cuts "โครงการพัฒนา" as โครง|การพัฒนา; a reader typing "โครงการ" must still find it.
    assert "โครงการ" not in thai_text.thai_words_in("โครงการพัฒนา")
    assert "โครงการ" in tokens(thai_text.index_text("โครงการพัฒนา"))


def test_english_words_gain_their_stems():
    found = tokens(thai_text.index_text("Revolving funds for learning"))
    assert {"funds", "fund", "learning", "learn"} <= {t.lower() for t in found}


def test_mixed_text_keeps_both_languages():
    indexed = thai_text.index_text("กองทุนเพื่อพัฒนาอาชีพ (Occupational Development Fund)")
    found = {t.lower() for t in tokens(indexed)}
    assert {"กองทุน", "อาชีพ", "occupational", "occup", "fund"} <= found


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_display_text_gives_back_the_original(text):
    assert thai_text.display_text(thai_text.index_text(text)) == thai_text.clean(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="กขคงจฉชซดตถทนบปผพฟมยรลวสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ abc-", max_size=80))
def test_display_text_of_thai_gives_back_the_original(text):
    assert thai_text.display_text(thai_text.index_text(text)) == thai_text.clean(text)


def test_query_terms_segment_thai_and_stem_english():
    assert thai_text.query_terms("กองทุนเพื่อพัฒนาอาชีพ") == ("กองทุน", "พัฒนา", "อาชีพ")  # "เพื่อ" is a stop word
    assert thai_text.query_terms("Funds") == ("fund",)
    assert thai_text.query_terms("the funds of youth") == ("fund", "youth")
    assert thai_text.query_terms("อาชีพ funding") == ("อาชีพ", "fund")


def test_a_query_of_only_stop_words_keeps_them():
    assert thai_text.query_terms("ของ") == ("ของ",)
    assert thai_text.query_terms("the") == ("the",)


def test_query_terms_never_carry_search_syntax():
    for query in ['"fund" OR *', "'; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>", "NEAR(a b)"]:
        for term in thai_text.query_terms(thai_text.normalise_query(query)):
            assert re.fullmatch(r"[^\W_]+|[\u0e01-\u0e4e]+", term), term


def test_query_segmentation_is_cached():
    thai_text.query_terms.cache_clear()
    thai_text.query_terms("ทอเสื่อกก")
    thai_text.query_terms("ทอเสื่อกก")
    info = thai_text.query_terms.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_normalise_query_strips_control_characters_and_trims():
    assert thai_text.normalise_query("  กองทุน\x00\x07\u200b \t fund\n") == "กองทุน fund"
    assert len(thai_text.normalise_query("ก" * 10_000)) == thai_text.MAX_QUERY_LENGTH
    assert thai_text.normalise_query(None) == ""


def test_match_spans_find_thai_inside_words_and_english_by_stem():
    text = "กองทุนเพื่อพัฒนาอาชีพ funding Funds"
    spans = thai_text.match_spans(text, ("อาชีพ", "fund"))
    assert [text[a:b] for a, b in spans] == ["อาชีพ", "funding", "Funds"]
    assert thai_text.match_spans("fundamental", ("fund",)) == []


def test_match_spans_stem_only_the_words_that_begin_as_a_term(monkeypatch):
    """Issue 22: a long English body is not stemmed word by word for every result's snippet; only the words
    with a term's first letter can have its stem, and only they are stemmed."""
    stemmed = []
    real_stem = thai_text.stem
    monkeypatch.setattr(thai_text, "stem", lambda word: stemmed.append(word) or real_stem(word))
    text = "Community learning units report members, income and savings; the Fund funds funding. " * 20
    spans = thai_text.match_spans(text, ("fund",))
    assert [text[a:b] for a, b in spans][:3] == ["Fund", "funds", "funding"]
    assert sorted(stemmed) == ["fund", "funding", "funds"]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[A-Za-z\u00c0-\u024f0-9]{1,14}", fullmatch=True))
def test_a_stem_keeps_its_words_first_letter(word):
    """What ``match_spans`` relies on to skip words: Snowball only rewrites a word's ending."""
    assert thai_text.stem(word)[:1] == word.lower()[:1]


def test_highlight_escapes_everything_and_marks_only_matches():
    text = '<script>alert("fund")</script> & กองทุน'
    html = highlight(text, thai_text.match_spans(text, ("fund", "กองทุน")))
    assert "<script>" not in html
    assert html == "&lt;script&gt;alert(&quot;<mark>fund</mark>&quot;)&lt;/script&gt; &amp; <mark>กองทุน</mark>"


def test_snippet_centres_on_the_first_match_and_cuts_between_words():
    stored = thai_text.index_text("คำนำ " * 80 + PROGRAMME)
    html = snippet(stored, ("เยาวชน",))
    assert "<mark>เยาวชน</mark>" in html
    assert html.startswith("… ")
    text = re.sub(r"<[^>]+>|… ?", "", html)
    assert text.strip() in thai_text.clean("คำนำ " * 80 + PROGRAMME)
