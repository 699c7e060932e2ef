"""The search text's syntax (words AND, "phrases", `|`/`OR` alternatives) and the
reuse of earlier results while typing, checked against a brute-force scan."""

from __future__ import annotations

import msgspec
import pytest
from helpers import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.bundled import bundled_dataset
from genevatui.core.search import Query, any_of, narrows, parse
from genevatui.core.text import fold_quotes, search_key

RYABKOV, SHERMAN, STATE = "ryabkov-result", "sherman-door", "state-department-nothing"


@pytest.fixture(scope="module")
def mini() -> Index:
    return Index(load_dataset(MINI))


@pytest.fixture(scope="module")
def bundled() -> Index:
    return Index(load_dataset(bundled_dataset()))


@pytest.fixture(scope="module")
def plain(bundled: Index) -> Index:
    """Another index of the same data, never given a text: the reference."""
    return Index(bundled.dataset)


def quote_ids(index: Index, text: str) -> set[str]:
    return {index.dataset.spec.quotes[i].id for i in index.run(Filter(text=text)).quotes}


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("nothing new", {STATE}),
        ("new nothing", {STATE}),  # words: any order
        ('"nothing new"', {STATE}),
        ('"new nothing"', set()),  # a phrase: as written
        ("\u201cwe need\u201d", {RYABKOV}),  # curly quotes make a phrase too
        ("\u00abWE  NEED\u00bb result", {RYABKOV}),  # case and spaces folded inside
        ('"door st', {SHERMAN}),  # unclosed: a phrase being typed
        ("door | result", {SHERMAN, RYABKOV}),
        ("door|result", {SHERMAN, RYABKOV}),
        ("door OR result", {SHERMAN, RYABKOV}),
        ("door or result", set()),  # lower-case `or` is a word to find
        ('"door | result"', set()),  # a bar inside a phrase is text
        ("door open | nothing", {SHERMAN, STATE}),
        ('"stays open" | "we need" | zzz', {SHERMAN, RYABKOV}),
        ("guarant | achiev", {RYABKOV}),  # parts of words
        ("|", {RYABKOV, SHERMAN, STATE}),  # nothing to match: no text criterion
        ('""', {RYABKOV, SHERMAN, STATE}),
        ("door |", {SHERMAN}),  # an alternative being typed
    ],
)
def test_search_syntax_on_quotes(mini: Index, text: str, quotes: set[str]) -> None:
    assert quote_ids(mini, text) == quotes
    assert quote_ids(Index(mini.dataset), text) == quotes  # and with nothing remembered


def test_events_use_the_same_syntax(mini: Index) -> None:
    assert mini.run(Filter(text='"first round"')).events == [0]
    assert mini.run(Filter(text='"round first"')).events == []
    assert mini.run(Filter(text='"round first" | geneva')).events == [0]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("", ()),
        ("door doo", (("door",),)),  # a term inside another adds nothing
        ('"door st', (("door st",),)),
        ("a | b OR c", (("a",), ("b",), ("c",))),
        ('"a | b" c', (("a | b", "c"),)),
        ("x OR", (("x",),)),
        ("x | x", (("x",),)),
        ("Gen\u00e8ve", (("geneve",),)),
    ],
)
def test_parse(text: str, query: Query) -> None:
    assert parse(text) == query


def test_repeated_values_are_alternatives() -> None:
    assert any_of(["door"]) == "door"
    assert parse(any_of(["door open", "result"])) == (("door", "open"), ("result",))
    # An unclosed quote is closed, so it cannot swallow the next value.
    assert parse(any_of(['"door st', "result"])) == (("door st",), ("result",))
    assert parse(any_of(["\u201cwe need", "door"])) == (("we need",), ("door",))


@pytest.mark.parametrize(
    ("new", "old", "subset"),
    [
        ("door", "doo", True),
        ("door open", "door", True),
        ('"door st', '"door s', True),
        ('"door stays"', "door stays", True),
        ("door", "", True),
        ("door | war", "door", False),  # an alternative widens
        ("door | result", "door | resul", True),
        ("door", "door | war", True),
        ("", "door", False),
        ("door", '"door s', False),
        ('"door s', "door st", False),
    ],
)
def test_narrows(new: str, old: str, subset: bool) -> None:
    assert narrows(parse(new), parse(old)) is subset


def test_a_wider_text_does_not_reuse_a_narrower_result(mini: Index) -> None:
    # Typing `door | result` goes through `door` and `door |`: reusing their
    # result (as a prefix once did) would lose Ryabkov's quote.
    index = Index(mini.dataset)
    for n in range(1, len("door | result") + 1):
        index.run(Filter(text="door | result"[:n]))
    assert quote_ids(index, "door | result") == {SHERMAN, RYABKOV}
    assert quote_ids(index, '"door" | "result"') == {SHERMAN, RYABKOV}


# -- against a brute-force scan, with an independent parser ---------------------------


def oracle_query(text: str) -> list[list[str]]:
    """The documented syntax, read character by character."""
    text = fold_quotes(text)
    tokens: list[str | None] = []  # a term, or None for an alternative's end
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            end = len(text) if end < 0 else end
            tokens.append(text[i + 1 : end])
            i = end + 1
        elif ch == "|":
            tokens.append(None)
            i += 1
        elif ch.isspace():
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in '"|':
                j += 1
            tokens.append(None if text[i:j] == "OR" else text[i:j])
            i = j
    alternatives: list[list[str]] = [[]]
    for token in tokens:
        if token is None:
            alternatives.append([])
        elif key := search_key(token):
            alternatives[-1].append(key)
    return [alt for alt in alternatives if alt]


def brute_force(index: Index, flt: Filter, by_speaker: bool) -> tuple[list[int], list[int]]:
    # Without text nothing is reused: the other criteria, scanned in full.
    base = index.run(msgspec.structs.replace(flt, text=""), by_speaker)
    query = oracle_query(flt.text)

    def ok(key: str) -> bool:
        return not query or any(all(term in key for term in alt) for alt in query)

    quotes = [i for i in base.quotes if ok(index.q_key[i])]
    # An event passes the text on its own words or through one of its quotes.
    quoted = {index.dataset.spec.quotes[i].event for i in quotes}
    events = index.dataset.spec.events
    return (quotes, [i for i in base.events if ok(index.e_key[i]) or events[i].id in quoted])


PIECES = st.sampled_from(
    ["nato", "war", "nuclear", "rus", "ukr", "the", "secur", "ryabkov", "guarant", "e", "a",
     '"', "\u201c", "|", " OR ", " or ", " ", "  ", "\u00e9", "'s", "x"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=8).map("".join)
BASES = st.sampled_from([Filter(), Filter(speakers=("ryabkov",)), Filter(topics=("ukraine",))])


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(TEXTS, min_size=1, max_size=4), base=BASES, by_speaker=st.booleans())
def test_typing_sessions_match_a_brute_force_scan(
    bundled: Index, plain: Index, texts: list[str], base: Filter, by_speaker: bool
) -> None:
    # Each text is typed a character at a time, then deleted again, on one
    # Index that remembers its results across the whole run.
    for text in texts:
        steps = [text[:n] for n in range(len(text) + 1)]
        for step in steps + steps[::-1]:
            flt = msgspec.structs.replace(base, text=step)
            result = bundled.run(flt, by_speaker)
            expected = brute_force(plain, flt, by_speaker)
            assert (result.quotes, result.events) == expected, step
