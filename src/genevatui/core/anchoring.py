"""Resolve a passage (a text-quote selector) to offsets in its article.

Matching goes exact, then tolerant (whitespace runs and curly vs straight
quotes), then fuzzy (rapidfuzz). The first stage that finds anything decides:
several places without a disambiguator is *ambiguous*, none anywhere is an
*orphan*. This is the W3C TextQuoteSelector idea, as Hypothesis uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Anchor, AnchorStatus, Passage
from .text import normalise, squash

FUZZY_THRESHOLD = 90.0
# How much article text around a candidate is compared with prefix/suffix;
# generous because whitespace in the article may be longer than in the YAML.
_CONTEXT_SLACK = 40


class AnchorError(Exception):
    """A passage that cannot be placed: orphan, ambiguous or bad selector."""


@dataclass
class Article:
    """An article's text with its normalised form computed once."""

    text: str
    _norm: tuple[str, list[int]] | None = field(default=None, repr=False)

    @property
    def norm(self) -> tuple[str, list[int]]:
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm


def _find_all(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


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


def _choose(
    article: Article, spans: list[tuple[int, int]], passage: Passage, status: AnchorStatus
) -> Anchor:
    has_context = bool(passage.prefix or passage.suffix)
    if has_context:
        spans = [s for s in spans if _context_ok(article, s[0], s[1], passage)]
        if not spans:
            raise AnchorError("no occurrence has the given prefix/suffix")
    if passage.occurrence is not None:
        if not 1 <= passage.occurrence <= len(spans):
            raise AnchorError(
                f"occurrence {passage.occurrence} asked for, but the text occurs "
                f"{len(spans)} time(s)"
            )
        start, end = spans[passage.occurrence - 1]
    elif len(spans) > 1:
        offsets = ", ".join(str(s[0]) for s in spans[:5])
        raise AnchorError(
            f"ambiguous: the text occurs {len(spans)} times (at {offsets}); "
            "add prefix, suffix or occurrence"
        )
    else:
        start, end = spans[0]
    return Anchor(passage.source, start, end, status)


def anchor(article: Article, passage: Passage) -> Anchor:
    """Place `passage` in `article` or raise AnchorError saying why not."""
    needle = passage.text.strip()
    if not needle:
        raise AnchorError("empty passage text")
    exact = _find_all(article.text, needle)
    if exact:
        spans = [(s, s + len(needle)) for s in exact]
        return _choose(article, spans, passage, "exact")

    norm_text, origin = article.norm
    norm_needle = squash(needle)
    tolerant = _find_all(norm_text, norm_needle)
    if tolerant:
        last = len(norm_needle) - 1
        spans = [(origin[s], origin[s + last] + 1) for s in tolerant]
        return _choose(article, spans, passage, "tolerant")

    return _fuzzy(article, passage, norm_needle)


MAX_FUZZY_CANDIDATES = 20


def _word_starts(text: str, at: int) -> set[int]:
    """Candidate starts near `at`: the word's start, after its leading
    punctuation (an opening quote), the next word, and `at` itself when it
    sits between a letter and something else."""
    back = at
    while back > 0 and not text[back - 1].isspace():
        back -= 1
    inner = back
    while inner < len(text) and not text[inner].isalnum() and not text[inner].isspace():
        inner += 1
    ahead = at
    while ahead < len(text) and not text[ahead].isspace():
        ahead += 1
    while ahead < len(text) and text[ahead].isspace():
        ahead += 1
    found = {back, inner, ahead}
    if _boundary(text, at):
        found.add(at)
    return found


def _word_ends(text: str, at: int) -> set[int]:
    """Candidate ends near `at`: the word's end, before its trailing
    punctuation, the previous word's end, and `at` on a boundary."""
    ahead = at
    while ahead < len(text) and not text[ahead].isspace():
        ahead += 1
    inner = ahead
    while inner > 0 and not text[inner - 1].isalnum() and not text[inner - 1].isspace():
        inner -= 1
    back = at
    while back > 0 and not text[back - 1].isspace():
        back -= 1
    while back > 0 and text[back - 1].isspace():
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


def _fuzzy(article: Article, passage: Passage, norm_needle: str) -> Anchor:
    # Imported here: rapidfuzz is only needed when a passage has drifted.
    from rapidfuzz import fuzz

    norm_text, origin = article.norm
    if len(norm_needle) > len(norm_text):
        raise AnchorError("orphan: the text is longer than the article")
    # Every place the passage fits, not only the best: a drifted passage
    # that fits twice is as ambiguous as an exact one that occurs twice.
    found: list[tuple[int, int, float]] = []
    gaps = [(0, len(norm_text))]
    while gaps and len(found) < MAX_FUZZY_CANDIDATES:
        lo, hi = gaps.pop()
        if hi - lo < len(norm_needle) * 0.8:
            continue
        hit = fuzz.partial_ratio_alignment(
            norm_needle, norm_text[lo:hi], score_cutoff=FUZZY_THRESHOLD
        )
        if hit is None or hit.dest_end <= hit.dest_start:
            continue
        start, end = origin[lo + hit.dest_start], origin[lo + hit.dest_end - 1] + 1
        # The score compares the whole passage with the whole span, so extra
        # or missing text lowers it (partial_ratio alone would not).
        start, end, score = _snap(article.text, start, end, norm_needle)
        if score >= FUZZY_THRESHOLD:
            found.append((start, end, score))
        gaps += [(lo, lo + hit.dest_start), (lo + hit.dest_end, hi)]
    if not found:
        raise AnchorError("orphan: the text is not in the article")
    found.sort()
    scores = {(a, b): sc for a, b, sc in found}
    anchored = _choose(article, [(a, b) for a, b, _ in found], passage, "fuzzy")
    score = round(scores[(anchored.start, anchored.end)], 1)
    return Anchor(anchored.source, anchored.start, anchored.end, "fuzzy", score)
