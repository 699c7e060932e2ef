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


def _fuzzy(article: Article, passage: Passage, norm_needle: str) -> Anchor:
    # Imported here: rapidfuzz is only needed when a passage has drifted.
    from rapidfuzz import fuzz

    norm_text, origin = article.norm
    found = fuzz.partial_ratio_alignment(norm_needle, norm_text, score_cutoff=FUZZY_THRESHOLD)
    if found is None or found.dest_end <= found.dest_start:
        raise AnchorError("orphan: the text is not in the article")
    start = origin[found.dest_start]
    end = origin[found.dest_end - 1] + 1
    # Trim whitespace the alignment may have taken at either edge.
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    anchored = _choose(article, [(start, end)], passage, "fuzzy")
    return Anchor(anchored.source, anchored.start, anchored.end, "fuzzy", round(found.score, 1))
