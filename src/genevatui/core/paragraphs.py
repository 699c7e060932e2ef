"""Paragraph numbers: the locator a reader can find in the article (¶ 12).

A paragraph is a line holding something other than whitespace; blank lines
are not paragraphs and are not counted. Numbers start at 1. This is what the
five seed articles look like: three separate their paragraphs with blank
lines, two (001, most of 003) put one paragraph per line with no blank line
between, and 002 ends with bullet items, one per line. Runs of non-blank
lines separated by blank lines would make all of article 001 one paragraph
(¶ 1 for each of its twelve), so a line it is. Offsets are those of the
loaded text (line endings already made `\\n`), the same as every anchor's.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

# Zero-width, at the start of each line holding a non-whitespace character.
_PARAGRAPH_START = re.compile(r"^(?=[^\S\n]*\S)", re.MULTILINE)


class Paragraphs:
    """Where each paragraph of one article starts, for `number(offset)`."""

    def __init__(self, text: str) -> None:
        code = "i" if len(text) < 2**31 else "q"
        self.starts = array(code, (m.start() for m in _PARAGRAPH_START.finditer(text)))

    def number(self, offset: int) -> int:
        """The paragraph (1-based) holding character `offset`: the last one
        starting at or before it (0 before the first paragraph)."""
        return bisect_right(self.starts, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The first and last paragraph of the passage `text[start:end]`."""
        return self.number(start), self.number(max(start, end - 1))


class ParagraphIndex:
    """Paragraphs of every article of a dataset, each built on first use, so
    an export of many quotes scans each article once."""

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._built: dict[str, Paragraphs] = {}

    def span(self, source: str, start: int, end: int) -> tuple[int, int]:
        """The first and last paragraph of `source`'s text `[start:end]`."""
        paragraphs = self._built.get(source)
        if paragraphs is None:
            paragraphs = self._built[source] = Paragraphs(self._texts[source])
        return paragraphs.span(start, end)


def pilcrow(first: int, last: int) -> str:
    """`¶ 12`, or `¶ 12–13` for a passage running over two or more."""
    return f"¶ {first}" if first == last else f"¶ {first}–{last}"
