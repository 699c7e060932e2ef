"""Resolve a passage (a text-quote selector) to offsets in its article.

Matching goes exact, then tolerant (whitespace runs and curly vs straight
quotes), then fuzzy (rapidfuzz). The first stage that finds anything decides:
several places without a disambiguator is *ambiguous*, none anywhere is an
*orphan*. This is the W3C TextQuoteSelector idea, as Hypothesis uses it.

Every stage is bounded in time and memory, whatever the sizes: matches
are streamed (never a list of every place a short text occurs in a 200 MB
article); the normalised article maps back to offsets with two integers per
whitespace run, not a list per character; searches are `str.find`, linear
however hostile the text; and the fuzzy stage, whose cost grows with the
square of the passage's length, is limited in passage length, in the
article text it compares (candidate windows in a large article) and in the
number of comparisons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from .models import Anchor, AnchorStatus, Passage
from .text import Normalised, squash

FUZZY_THRESHOLD = 90.0
MAX_FUZZY_CANDIDATES = 20
FUZZY_MAX_CHARS = 2_000
"""A longer passage is matched exactly or tolerantly only: the fuzzy
aligner's time grows with the square of the passage's length (a 37 KB
passage took 7 minutes against a 930 KB article). The longest curated
passage is ~550 characters."""
FUZZY_WHOLE_ARTICLE = 1 << 20
"""An article up to this many characters is searched whole by the fuzzy
stage; in a longer one, only candidate windows are compared."""
MAX_FUZZY_CALLS = 3 * MAX_FUZZY_CANDIDATES
MAX_OCCURRENCES = 100_000
_PIECES = 8  # how many pieces of the passage seed candidate windows
_PIECE_CHARS = 16  # a run of words shorter than this occurs by chance too often
_WORD_CHARS = 5  # the words of a short passage used as pieces
_MAX_PIECE_HITS = 16  # a run found more often than this says nothing
# How much article text around a candidate is compared with prefix/suffix;
# generous because whitespace in the article may be longer than in the YAML.
_CONTEXT_SLACK = 40
_SHOWN_OFFSETS = 5

ErrorKind = Literal["orphan", "ambiguous", "selector", "empty"]


class AnchorError(Exception):
    """A passage that cannot be placed: orphan, ambiguous, bad selector or empty.

    `str()` reads `orphan: …` and `ambiguous: …` for those two kinds; a bad
    selector or an empty passage says only what is wrong.
    """

    def __init__(self, kind: ErrorKind, reason: str) -> None:
        self.kind = kind
        self.reason = reason
        super().__init__(f"{kind}: {reason}" if kind in ("orphan", "ambiguous") else reason)


@dataclass
class Article:
    """An article's text, and its normalised form once a passage needs it."""

    text: str
    _norm: Normalised | None = field(default=None, repr=False)

    @property
    def norm(self) -> Normalised:
        if self._norm is None:
            self._norm = Normalised(self.text)
        return self._norm


def _find_iter(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    at = haystack.find(needle)
    while at != -1:
        yield at, at + len(needle)
        at = haystack.find(needle, at + 1)


def _tolerant_iter(norm: Normalised, needle: str) -> Iterator[tuple[int, int]]:
    """Article spans whose normalised text is `needle` (normalised, stripped)."""
    last = len(needle) - 1
    for start, _ in _find_iter(norm.text, needle):
        yield norm.origin(start), norm.origin(start + last) + 1


def _context_ok(article: Article, start: int, end: int, passage: Passage) -> bool:
    if passage.prefix:
        want = squash(passage.prefix)
        before = squash(article.text[max(0, start - len(passage.prefix) - _CONTEXT_SLACK) : start])
        if not before.endswith(want):
            return False
    if passage.suffix:
        want = squash(passage.suffix)
        after = squash(article.text[end : end + len(passage.suffix) + _CONTEXT_SLACK])
        if not after.startswith(want):
            return False
    return True


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n:,} times"


def _choose(
    article: Article, spans: Iterable[tuple[int, int]], passage: Passage, status: AnchorStatus
) -> tuple[int, int] | None:
    """The span the passage's selector picks; None if there are no spans.

    Spans are consumed one by one: only a count and the few kept for the
    message are held, and no more than MAX_OCCURRENCES are looked at, however
    often a short text occurs in a huge article.
    """
    context = " and ".join(
        n for n, v in (("prefix", passage.prefix), ("suffix", passage.suffix)) if v
    )
    want = passage.occurrence
    total = matching = 0
    shown: list[int] = []
    chosen: tuple[int, int] | None = None
    for span in spans:
        total += 1
        if total > MAX_OCCURRENCES:
            raise AnchorError(
                "ambiguous",
                f"the text occurs more than {MAX_OCCURRENCES:,} times: quote a longer passage",
            )
        if context and not _context_ok(article, span[0], span[1], passage):
            continue
        matching += 1
        if len(shown) < _SHOWN_OFFSETS:
            shown.append(span[0])
        if matching == (want if want is not None else 1):
            chosen = span
            if want is not None:
                return chosen  # the rest cannot change the choice
    if total == 0:
        return None
    if context and matching == 0:
        found = (
            "the text's one occurrence does not have"
            if total == 1
            else f"none of the text's {total:,} occurrences has"
        )
        raise AnchorError("selector", f"{found} the given {context}")
    if want is not None:
        if want < 1:
            raise AnchorError("selector", f"occurrence {want} asked for: occurrences count from 1")
        if chosen is None:
            where = (
                f"only {matching:,} of the text's {total:,} occurrences "
                f"{'has' if matching == 1 else 'have'} the given {context}"
                if matching < total
                else f"the text occurs {_times(total)}"
            )
            raise AnchorError("selector", f"occurrence {want} asked for, but {where}")
        return chosen
    if matching > 1:
        offsets = ", ".join(map(str, shown)) + (", …" if matching > len(shown) else "")
        raise AnchorError(
            "ambiguous",
            f"the text occurs {_times(matching)} (at {offsets}); add prefix, suffix or occurrence",
        )
    return chosen


def anchor(article: Article, passage: Passage) -> Anchor:
    """Place `passage` in `article` or raise AnchorError saying why not."""
    needle = passage.text.strip()
    if not needle:
        raise AnchorError("empty", "empty passage text")
    span = _choose(article, _find_iter(article.text, needle), passage, "exact")
    if span is not None:
        return Anchor(passage.source, span[0], span[1], "exact")
    norm_needle = squash(needle)
    span = _choose(article, _tolerant_iter(article.norm, norm_needle), passage, "tolerant")
    if span is not None:
        return Anchor(passage.source, span[0], span[1], "tolerant")
    return _fuzzy(article, passage, norm_needle)


# -- fuzzy ---------------------------------------------------------------------

_SNAP_REACH = 64  # how far a fuzzy span's edge may move to reach a word boundary


def _word_starts(text: str, at: int) -> set[int]:
    """Candidate starts near `at`: the word's start, after its leading
    punctuation (an opening quote), the next word, and `at` itself when it
    sits between a letter and something else."""
    floor, ceiling = max(0, at - _SNAP_REACH), min(len(text), at + _SNAP_REACH)
    back = at
    while back > floor and not text[back - 1].isspace():
        back -= 1
    inner = back
    while inner < ceiling and not text[inner].isalnum() and not text[inner].isspace():
        inner += 1
    ahead = at
    while ahead < ceiling and not text[ahead].isspace():
        ahead += 1
    while ahead < ceiling and text[ahead].isspace():
        ahead += 1
    found = {back, inner, ahead}
    if _boundary(text, at):
        found.add(at)
    return found


def _word_ends(text: str, at: int) -> set[int]:
    """Candidate ends near `at`: the word's end, before its trailing
    punctuation, the previous word's end, and `at` on a boundary."""
    floor, ceiling = max(0, at - _SNAP_REACH), min(len(text), at + _SNAP_REACH)
    ahead = at
    while ahead < ceiling and not text[ahead].isspace():
        ahead += 1
    inner = ahead
    while inner > floor and not text[inner - 1].isalnum() and not text[inner - 1].isspace():
        inner -= 1
    back = at
    while back > floor and not text[back - 1].isspace():
        back -= 1
    while back > floor and text[back - 1].isspace():
        back -= 1
    found = {ahead, inner, back}
    if _boundary(text, at):
        found.add(at)
    return found


def _boundary(text: str, at: int) -> bool:
    """Between a letter or digit and something else (such as “ or a comma)."""
    return 0 < at < len(text) and text[at - 1].isalnum() != text[at].isalnum()


def _snap(text: str, start: int, end: int, needle: str) -> tuple[int, int, float]:
    """Move a fuzzy span's edges to word boundaries, choosing the edges whose
    text is most like the passage: the aligner may stop a letter short of a
    word or its full stop, or start at the tail of the word before."""
    from rapidfuzz import fuzz

    best = (start, end, -1.0)
    for a in sorted(_word_starts(text, start)):
        for b in sorted(_word_ends(text, end)):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                score = fuzz.ratio(needle, squash(text[a:b]))
                if score > best[2]:
                    best = (a, b, score)
    return best


def _pieces(needle: str) -> list[tuple[int, str]]:
    """Runs of whole words of the (normalised) passage, each of at least
    _PIECE_CHARS characters, disjoint and spread over it: (offset, run).
    A passage too short for two runs gives its longer words instead."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", needle)]
    runs: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j][1] - words[i][0] < _PIECE_CHARS:
            j += 1
        if j == len(words):
            break
        runs.append((words[i][0], needle[words[i][0] : words[j][1]]))
        i = j + 1
    if len(runs) < 2:
        runs = [(a, needle[a:b]) for a, b in words if b - a >= _WORD_CHARS]
    return runs[:: max(1, len(runs) // _PIECES)][:_PIECES]


def _candidate_windows(text: str, needle: str) -> list[tuple[int, int]]:
    """Parts of a large normalised article worth a fuzzy comparison with `needle`.

    Pieces of the passage (`_pieces`) are looked for as they are in the
    article; around each place one is found, the text that could hold the
    whole passage is a window. A passage that drifted by a few words keeps
    some piece intact. A piece found more than _MAX_PIECE_HITS times says
    nothing and is not used.
    """
    slack = len(needle) // 4 + _CONTEXT_SLACK
    windows: list[tuple[int, int]] = []
    for at, piece in _pieces(needle):
        hits: list[int] = []
        for start, _ in _find_iter(text, piece):
            hits.append(start)
            if len(hits) > _MAX_PIECE_HITS:
                break
        if len(hits) <= _MAX_PIECE_HITS:
            end = len(needle) + slack - at
            windows += [(max(0, h - at - slack), min(len(text), h + end)) for h in hits]
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _fuzzy(article: Article, passage: Passage, norm_needle: str) -> Anchor:
    if len(norm_needle) > FUZZY_MAX_CHARS:
        raise AnchorError(
            "orphan",
            "the text is not in the article (a passage over "
            f"{FUZZY_MAX_CHARS:,} characters must match exactly, up to whitespace and quotes)",
        )
    norm = article.norm
    if len(norm.text) <= FUZZY_WHOLE_ARTICLE:
        if len(norm_needle) > len(norm.text):
            raise AnchorError("orphan", "the text is longer than the article")
        found = _fuzzy_spans(article.text, norm, norm_needle, 0, len(norm.text))
        where = ""
    else:
        found = []
        for lo, hi in _candidate_windows(norm.text, norm_needle):
            found += _fuzzy_spans(article.text, norm, norm_needle, lo, hi)
            if len(found) >= MAX_FUZZY_CANDIDATES:
                break
        where = (
            f" (in an article over {FUZZY_WHOLE_ARTICLE // 2**20} MiB, approximate matches "
            "are looked for only near a piece of the passage found as it is)"
        )
    if not found:
        raise AnchorError("orphan", f"the text is not in the article{where}")
    scores = {(a, b): sc for a, b, sc in found}
    span = _choose(article, sorted(scores), passage, "fuzzy")
    assert span is not None
    return Anchor(passage.source, span[0], span[1], "fuzzy", round(scores[span], 1))


def _fuzzy_spans(
    text: str, norm: Normalised, norm_needle: str, lo: int, hi: int
) -> list[tuple[int, int, float]]:
    """Every place in `norm.text[lo:hi]` the passage fits, as `text` offsets."""
    from rapidfuzz import fuzz  # only needed when a passage has drifted

    # Every place the passage fits, not only the best: a drifted passage
    # that fits twice is as ambiguous as an exact one that occurs twice.
    found: list[tuple[int, int, float]] = []
    gaps = [(lo, hi)]
    calls = 0
    while gaps and len(found) < MAX_FUZZY_CANDIDATES and calls < MAX_FUZZY_CALLS:
        lo, hi = gaps.pop()
        if hi - lo < len(norm_needle) * 0.8:
            continue
        calls += 1
        hit = fuzz.partial_ratio_alignment(
            norm_needle, norm.text[lo:hi], score_cutoff=FUZZY_THRESHOLD
        )
        if hit is None or hit.dest_end <= hit.dest_start:
            continue
        start = norm.origin(lo + hit.dest_start)
        end = norm.origin(lo + hit.dest_end - 1) + 1
        # The score compares the whole passage with the whole span, so extra
        # or missing text lowers it (partial_ratio alone would not).
        start, end, score = _snap(text, start, end, norm_needle)
        if score >= FUZZY_THRESHOLD:
            found.append((start, end, score))
        gaps += [(lo, lo + hit.dest_start), (lo + hit.dest_end, hi)]
    return found
