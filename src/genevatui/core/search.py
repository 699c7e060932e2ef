"""The search text: words, "phrases" and alternatives. The CLI and the TUI share it.

- `nuclear war`: both words, anywhere in the record, in any order;
- `"nuclear war"`: the words together, in that order (an unclosed quote runs to
  the end, so a phrase matches while it is being typed);
- `nato | ukraine` or `nato OR ukraine`: either side (`|` and the upper-case
  word `OR`, outside quotes);
- parts of words match (`guarant` finds "guarantees"); case, accents and the
  shape of quotation marks are ignored.

The CLI joins repeated `--search` values with ` | ` (`any_of`), so they OR
like every other repeated filter flag.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .text import COMBINING_RE, fold_quotes, search_key, search_key_map

Query = tuple[tuple[str, ...], ...]
"""Alternatives, each a tuple of search-key substrings that must all occur.
The empty query has no text criterion: it matches everything."""

# A phrase (closed or not), a bar, or a word (a run of anything else).
_TOKEN = re.compile(r'"[^"]*"?|\||[^\s"|]+')
_OR = "OR"


@functools.lru_cache(maxsize=256)
def parse(text: str) -> Query:
    """The alternatives `text` stands for; empty terms and alternatives drop out.

    Within an alternative a term that is part of another is dropped (it adds
    nothing), so `door doo` is the same query as `door`.
    """
    alternatives: list[tuple[str, ...]] = []
    terms: list[str] = []
    for token in (*_TOKEN.findall(fold_quotes(text)), "|"):
        if token in ("|", _OR):
            if terms:
                alternatives.append(_essential(terms))
            terms = []
        elif term := search_key(token.strip('"')):
            terms.append(term)
    return tuple(dict.fromkeys(alternatives))


def _essential(terms: list[str]) -> tuple[str, ...]:
    unique = sorted(set(terms), key=lambda t: (-len(t), t))  # longest first: rejects most
    return tuple(t for n, t in enumerate(unique) if not any(t in u for u in unique[:n]))


def any_of(texts: Iterable[str]) -> str:
    """One search text that matches what any of `texts` matches.

    An unclosed quote is closed first, so that it cannot swallow the next value.
    """
    closed = [t + '"' if fold_quotes(t).count('"') % 2 else t for t in texts]
    return " | ".join(closed)


def matches(query: Query, key: str) -> bool:
    """Whether the search key `key` passes `query` (the brute-force definition)."""
    return not query or any(all(term in key for term in alt) for alt in query)


def select(query: Query, items: list[int], keys: Sequence[str]) -> list[int]:
    """The items (indices into `keys`) that pass `query`, in their order."""
    if not query:
        return items
    if len(query) == 1:
        return _all_terms(query[0], items, keys)
    keep: set[int] = set()
    for alt in query:
        keep.update(_all_terms(alt, items, keys))
    return [i for i in items if i in keep]


def _all_terms(terms: tuple[str, ...], items: list[int], keys: Sequence[str]) -> list[int]:
    for term in terms:  # one comprehension per term: the fast path in CPython
        items = [i for i in items if term in keys[i]]
    return items


def narrows(new: Query, old: Query) -> bool:
    """True when everything `new` matches, `old` matches too (so an earlier
    result for `old` can be scanned instead of everything).

    Sufficient, not necessary: each alternative of `new` must imply some
    alternative of `old`, term by term, and a term implies every part of it.
    """
    if not old:
        return True
    if not new:
        return False
    return all(
        any(all(any(t in s for s in alt) for t in old_alt) for old_alt in old) for alt in new
    )


Match = tuple[int, int]
"""Where a match is: `text[start:end]`."""


def spans(query: Query, text: str) -> list[Match]:
    """Where the terms of `query` occur in `text`, by the rules of `matches`
    (case, accents, quotation marks and whitespace folded), as sorted,
    non-overlapping (start, end) offsets into `text` itself.

    Every term of every alternative is marked wherever it occurs, whether or
    not the record passes as a whole (`a | b` marks both). A match takes the
    accents that follow its last letter, so `e` + U+0301 is marked whole.
    """
    terms = {t for alt in query for t in alt}
    if not terms or not text:
        return []
    key, origin = search_key_map(text)
    found: list[Match] = []
    for term in terms:
        at = key.find(term)
        while at >= 0:
            end = origin[at + len(term) - 1] + 1
            while (mark := COMBINING_RE.match(text, end)) is not None:
                end = mark.end()
            found.append((origin[at], end))
            at = key.find(term, at + 1)
    return merge(found)


def merge(found: list[Match]) -> list[Match]:
    """`found` sorted, with overlapping or touching spans joined."""
    merged: list[Match] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


NEAR = 256
"""Characters around a window searched too, so a match that crosses its
edge is found whole (`spans_near`)."""


def spans_near(query: Query, text: str, lo: int, hi: int) -> list[Match]:
    """The `spans` of `text` that overlap `text[lo:hi]`, found by searching
    only around it: a long article is searched a window at a time.

    A match is found whole when it is at most `NEAR` characters (plus the
    longest term) long in `text`; only a phrase spread over hundreds of
    spaces is longer.
    """
    longest = max((len(t) for alt in query for t in alt), default=0)
    margin = NEAR + 2 * longest
    start = max(0, lo - margin)
    found = spans(query, text[start : hi + margin])
    return [(a + start, b + start) for a, b in found if a + start < hi and b + start > lo]


ELLIPSIS = "\u2026"


def excerpt(query: Query, text: str, visible: int) -> tuple[str, list[Match], bool]:
    """What a one- or two-line view of `text` shows so that its first match
    is seen: `text` with whitespace squashed, from the start when the first
    match ends within `visible` characters, else from a word a third of
    `visible` before the match, after an ellipsis; about `2 * visible`
    characters of it. Returns the excerpt, the matches in it (offsets into
    the excerpt) and whether the text goes on after it.
    """
    flat = " ".join(text.split())
    found = spans(query, flat) if query else []
    start, lead = 0, ""
    if found and found[0][1] > visible:
        first = found[0][0]
        space = flat.find(" ", max(0, first - visible // 3), first)
        start, lead = (space + 1 if space >= 0 else first), ELLIPSIS
    end = start + 2 * max(visible, 1)
    shift = len(lead) - start
    inside = [
        (max(a, start) + shift, min(b, end) + shift) for a, b in found if a < end and b > start
    ]
    return lead + flat[start:end], inside, end < len(flat)
