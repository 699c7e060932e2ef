"""Where a text search matched (`search.spans`): the words the panes
highlight, found by the same rules as the filter (case, accents, quotation
marks, whitespace, word order), as offsets into the text itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genevatui.core.search import excerpt, matches, parse, spans, spans_near
from genevatui.core.text import search_key, search_key_map

BLINKEN = (
    "We are fully committed to the principle of \u2018nothing about Ukraine without "
    "Ukraine.\u2019 Just as we are fully committed"
)


def marked(text: str, query: str) -> list[str]:
    return [text[a:b] for a, b in spans(parse(query), text)]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        (BLINKEN, "nothing about Ukraine", ["nothing", "about", "Ukraine", "Ukraine"]),
        (BLINKEN, "ukraine ABOUT nothing", ["nothing", "about", "Ukraine", "Ukraine"]),
        (BLINKEN, '"about ukraine"', ["about Ukraine"]),  # a phrase: as written
        (BLINKEN, '"ukraine about"', []),
        (BLINKEN, "'nothing", ["\u2018nothing"]),  # a curly quote found by a straight one
        ("Talks in Genève, then GENEVE", "geneve", ["Genève", "GENEVE"]),  # accents, case
        ("Gene\u0301ve", "gene", ["Gene\u0301"]),  # the accent after a match goes with it
        ("Die Straße", "strasse", ["Straße"]),  # one character folds to two
        ("Die Straße", "stras", ["Straß"]),  # half of it marks the character
        ("a nuclear\n   war", '"nuclear war"', ["nuclear\n   war"]),  # across whitespace
        ("door open, result", "door | result", ["door", "result"]),  # every alternative
        ("doors", "door doo", ["door"]),
        ("aaaa", "aa", ["aaaa"]),  # overlapping occurrences: one span
        ("nothing here", "", []),
        ("nothing here", "|", []),
        ("", "x", []),
    ],
)
def test_spans(text: str, query: str, expected: list[str]) -> None:
    assert marked(text, query) == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "  Genève\t\tand  «Nuclear»  war "
    assert spans(parse("nuclear geneve"), text) == [(2, 8), (16, 23)]


ALPHABET = st.sampled_from(
    list("abcAB ") + ["\n", "\t", "  ", "é", "e\u0301", "É", "ß", "ﬁ", "\u00a0", "\u201c", '"']
)
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)
WORDS = st.lists(st.sampled_from(list("abcesf") + ["ss", "fi", " "]), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_key_map_is_search_key(text: str) -> None:
    key, origin = search_key_map(text)
    assert key == search_key(text)
    assert len(origin) == len(key)
    assert list(origin) == sorted(origin)
    for n, ch in enumerate(key):  # each key character comes from its text character
        if ch != " ":
            assert ch in search_key(text[origin[n]])


@settings(max_examples=300, deadline=None)
@given(TEXTS, WORDS)
def test_a_term_is_marked_where_the_filter_finds_it(text: str, word: list[str]) -> None:
    query = parse('"' + "".join(word) + '"')
    found = spans(query, text)
    assert bool(found) == (bool(query) and matches(query, search_key(text)))
    ends = [0]
    for a, b in found:
        assert ends[-1] <= a < b <= len(text)
        assert matches(query, search_key(text[a:b]))  # each span holds a match
        ends.append(b)


@settings(max_examples=200, deadline=None)
@given(TEXTS, WORDS, st.integers(0, 40), st.integers(0, 40))
def test_a_window_finds_what_the_whole_text_does(
    text: str, word: list[str], lo: int, size: int
) -> None:
    query = parse("".join(word))
    text = text * 30  # longer than the margin, so windows really cut it
    lo = lo * 20
    hi = lo + size * 5
    whole = [s for s in spans(query, text) if s[0] < hi and s[1] > lo]
    assert spans_near(query, text, lo, hi) == whole


def test_excerpt_starts_at_the_text_when_the_match_shows() -> None:
    shown, found, more = excerpt(parse("committed"), BLINKEN, 40)
    assert shown.startswith("We are fully committed")
    assert [shown[a:b] for a, b in found][0] == "committed"
    assert more == (len(BLINKEN) > 80)


def test_excerpt_starts_near_a_match_past_the_visible_part() -> None:
    text = "Word " * 50 + "the  nuclear\nwar " + "tail " * 50
    shown, found, more = excerpt(parse("nuclear"), text, 40)
    assert shown.startswith("\u2026Word ")  # from a whole word, after an ellipsis
    assert [shown[a:b] for a, b in found] == ["nuclear"]
    assert found[0][0] <= 1 + 40 // 3 + 5  # the match is near the start
    assert more
    # No match, no query: the start, as without a search.
    assert excerpt((), text, 40)[0].startswith("Word Word")
    assert excerpt(parse("zzz"), text, 40)[0].startswith("Word Word")
