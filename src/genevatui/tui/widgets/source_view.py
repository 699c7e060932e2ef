"""The source pane: an article, wrapped, with its anchored passages marked.

A Line API widget: the article is wrapped once per width into (start, end)
offset pairs, and each visible line is drawn by slicing the text, so the
highlighted range is exactly the passage's offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import ClassVar

from rich.cells import cell_len, split_graphemes
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.search import Match, Query, spans_near
from ...core.spans import Span
from ..contrast import legible

_WORD = re.compile(r"\S+\s*|\s+")
MATCH_BLOCK = 16384  # a text search's matches are found a block of the article at a time


# How a character of an article is drawn: a tab as one space (Rich gives a
# tab no width, but a terminal moves its cursor for it). The wrap measures
# what render_line draws, through this one table, so they always agree.
_DRAWN = str.maketrans({"\t": " "})
# Characters Rich draws one cell wide (a subset of its own table): a run of
# them is cut by slicing, with no per-character work.
_NARROW = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482]*")


def drawn(text: str) -> str:
    """`text` as the source view draws it (same length, same offsets)."""
    return text.translate(_DRAWN)


def drawn_len(text: str) -> int:
    """Cells `text` takes on screen in the source view."""
    return cell_len(text.translate(_DRAWN))


def _cut_word(word: str, width: int) -> tuple[list[int], int]:
    """Where an over-wide word (no whitespace) starts new lines, and the
    cells of its last piece. Linear: slices for narrow text, one pass over
    grapheme clusters otherwise (a cluster is never split)."""
    if _NARROW.fullmatch(word):
        cuts = list(range(width, len(word), width))
        return cuts, len(word) - (cuts[-1] if cuts else 0)
    spans, _ = split_graphemes(word)
    cuts = []
    used = 0
    for start, _end, cells in spans:
        if used and used + cells > width:
            cuts.append(start)
            used = 0
        used += cells
    return cuts, used


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells, as (start, end) offsets.

    Lines cover the text in order with no gaps (a newline is the one
    character between two lines). A word wider than `width` is cut into
    `width`-cell pieces; only whitespace at a line's end may go past `width`.
    Linear in the length of the text.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start, used = pos, 0
        if not para:
            lines.append((pos, pos))
        for match in _WORD.finditer(para):
            word_start = pos + match.start()
            word = match.group()
            body = word.rstrip()
            cells = drawn_len(body)
            if used and used + cells > width:
                lines.append((start, word_start))
                start, used = word_start, 0
            if cells > width:  # a word wider than the pane: cut it
                cuts, cells = _cut_word(body, width)
                for cut in cuts:
                    lines.append((start, word_start + cut))
                    start = word_start + cut
            used += cells + drawn_len(word[len(body) :])
        if para:
            lines.append((start, pos + len(para)))
        pos += len(para) + 1
    return lines


class SourceView(ScrollView, can_focus=True):
    """The article of the selected statement or event."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Select statement", id="source.choose"),
        Binding("down,j", "scroll_down", "Down", show=False, id="source.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="source.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="source.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="source.page_up"),
        Binding(
            "home", "top", "Top", tooltip="Top (n: the first passage)", show=False, id="source.home"
        ),
        Binding(
            "end",
            "bottom",
            "Bottom",
            tooltip="End (N: the last passage)",
            show=False,
            id="source.end",
        ),
    ]

    COMPONENT_CLASSES = {
        "source-view--selected",
        "source-view--passage",
        "source-view--assessment",
        "source-view--match",
    }

    class PassageChosen(Message):
        """The user pressed enter on, or clicked, passage `span` of the article."""

        def __init__(self, span: Span) -> None:
            super().__init__()
            self.span = span

    class PassageMoved(Message):
        """`n`/`N` moved the current passage to `span`."""

        def __init__(self, span: Span) -> None:
            super().__init__()
            self.span = span

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.spans: list[Span] = []
        self.current = -1
        self.article = ""
        """Which of the articles reporting the record this is ("article 2 of 5")."""
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrapped_for: tuple[str, int] | None = None
        # Wraps by (text, width): going back to an article, or to a width
        # (the timeline shown again, a terminal resized back), costs nothing.
        # A str caches its hash, so a long article is hashed once.
        self._wraps: LRUCache[tuple[str, int], tuple[list[tuple[int, int]], list[int]]] = LRUCache(
            8
        )
        # The text search's matches, per block of the article: a long article
        # is searched only where it is drawn. Emptied when the text or query changes.
        self.search_query: Query = ()
        self._matches: LRUCache[int, list[Match]] = LRUCache(64)
        self._searchable = False  # an article (not a message) is shown

    @property
    def current_span(self) -> Span | None:
        """The selected passage; None before the first (after `home`) or past
        the last (after `end`)."""
        return self.spans[self.current] if 0 <= self.current < len(self.spans) else None

    def show(
        self, title: str, text: str, spans: list[Span], current: int, article: str = ""
    ) -> None:
        """Show `text` with `spans` marked and spans[current] selected;
        `article` says which of the articles reporting it this is."""
        if text is not self.text or not self._searchable:
            self._matches.clear()
        self._searchable = True
        self.text = text
        self.spans = spans
        self.article = article
        self.border_title = Content(title)  # a str would be parsed as markup
        self._select(current)

    def clear(self, message: str) -> None:
        self.text, self.spans, self.current, self.article = message, [], -1, ""
        self._searchable = False
        self.border_title = "Source"
        self.border_subtitle = ""
        self._rewrap()
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def set_article(self, article: str) -> None:
        """`n`/`N` reached another record's passage: which article it is now."""
        self.article = article
        self._subtitle()

    def _subtitle(self) -> None:
        total = len(self.spans)
        if 0 <= self.current < total:
            where = f"passage {self.current + 1} of {total}"
        else:  # at the top or the end: no passage is selected
            where = f"{total} passages" if total else ""
        self.border_subtitle = " · ".join(filter(None, [self.article, where]))

    def _select(self, current: int) -> None:
        self.current = current
        self._subtitle()
        self._rewrap()
        self.refresh()
        span = self.current_span
        if span is not None:
            self.call_after_refresh(self._scroll_to_span, span)

    def _scroll_to_span(self, span: Span) -> None:
        first = self.line_of(span.start)
        last = self.line_of(max(span.end - 1, span.start))
        height = last - first + 1
        # Centre the passage, with context above it, when it fits.
        top = max(0, first - max(0, (self.size.height - height) // 3))
        if height >= self.size.height:
            top = first
        self.scroll_to(y=top, animate=False, immediate=True)

    def highlight(self, query: Query) -> None:
        """Mark where `query` (the text search) matches in the article."""
        if query != self.search_query:
            self.search_query = query
            self._matches.clear()
            self.refresh()

    def matches_in(self, start: int, end: int) -> list[Match]:
        """The text search's matches that overlap `text[start:end]`."""
        if not self.search_query or not self._searchable:
            return []
        found: list[Match] = []
        for block in range(start // MATCH_BLOCK, max(end - 1, start) // MATCH_BLOCK + 1):
            got = self._matches.get(block)
            if got is None:
                lo = block * MATCH_BLOCK
                got = spans_near(self.search_query, self.text, lo, lo + MATCH_BLOCK)
                self._matches[block] = got
            found.extend(m for m in got if m[0] < end and m[1] > start)
        return found

    def line_of(self, offset: int) -> int:
        """The wrapped line holding character `offset`."""
        self._rewrap()
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def _rewrap(self) -> None:
        width = max(self.scrollable_content_region.width - 1, 10)
        key = (self.text, width)
        if self._wrapped_for is not None and self._wrapped_for[1] == width:
            if self._wrapped_for[0] is self.text:
                return
        self._wrapped_for = key
        wrapped = self._wraps.get(key)
        if wrapped is None:
            lines = wrap_offsets(self.text, width)
            wrapped = (lines, [s for s, _ in lines])
            self._wraps[key] = wrapped
        self._lines, self._line_starts = wrapped
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        span = self.current_span
        if span is not None:
            self._scroll_to_span(span)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        """A component's style, its colour made legible (WCAG AA) on its own
        background or the pane's, whatever the theme."""
        style = super().get_component_rich_style(*names, partial=partial, default=default)
        return style if partial else legible(style, self.rich_style)

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        selected = self.get_component_rich_style("source-view--selected")
        marked = self.get_component_rich_style("source-view--passage")
        # The article's words about a party look different from statements.
        assessed = self.get_component_rich_style("source-view--assessment")
        cuts = {start, end}
        for span in self.spans:
            if span.start < end and span.end > start:
                cuts.update(c for c in (span.start, span.end) if start < c < end)
        # The search's matches only add cuts: a passage's own offsets stay exact.
        found = self.matches_in(start, end)
        for m in found:
            cuts.update(c for c in m if start < c < end)
        match = self.get_component_rich_style("source-view--match", partial=True) if found else None
        points = sorted(cuts)
        current = self.current_span
        segments: list[Segment] = []
        for a, b in zip(points, points[1:], strict=False):
            style: Style | None = None
            for span in self.spans:
                if span.start <= a and b <= span.end:
                    mark = assessed if span.kind == "assessment" else marked
                    style = selected if span is current else (style or mark)
            if match is not None and any(m[0] <= a and b <= m[1] for m in found):
                # On top of the passage's style (its underline, its boldness).
                style = (style or Style()) + match
            piece = drawn(self.text[a:b])
            segments.append(Segment(piece, style))
        strip = Strip(segments).apply_style(base).adjust_cell_length(width + scroll_x, base)
        return strip.crop(scroll_x, scroll_x + width)

    def action_next_passage(self) -> None:
        self._step(1)

    def action_previous_passage(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        total = len(self.spans)
        if not total:
            self.app.bell()
            return
        # `current` is -1 at the top (after `home`) and `total` past the end
        # (after `end`), so n from the top is passage 1 and N from the end the last.
        target = max(-1, min(self.current, total)) + step
        if target >= total:
            target = 0
            self.notify("Wrapped to the first passage", timeout=3)
        elif target < 0:
            target = total - 1
            self.notify("Wrapped to the last passage", timeout=3)
        self._select(target)
        span = self.current_span
        if span is not None:
            self.post_message(self.PassageMoved(span))

    def action_top(self) -> None:
        """The top of the article; the passage counter starts again (n: passage 1)."""
        self._select(-1)
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """The end of the article; N then selects the last passage."""
        self._select(len(self.spans))
        self.scroll_end(animate=False)

    def span_at(self, line: int, x: int) -> Span | None:
        """The passage drawn at cell `x` of wrapped `line` (content coordinates,
        scrolling included): the selected one where passages overlap, else the
        shortest, as the innermost is the one the pointer is most likely on."""
        self._rewrap()
        if not 0 <= line < len(self._lines) or x < 0:
            return None
        start, end = self._lines[line]
        offset, cells = start, 0
        for ch in drawn(self.text[start:end]):  # walk cells, as render_line draws them
            cells += cell_len(ch)
            if cells > x:
                break
            offset += 1
        else:
            return None  # past the end of the line
        under = [s for s in self.spans if s.start <= offset < s.end]
        current = self.current_span
        if current is not None and current in under:
            return current
        return min(under, key=lambda s: s.end - s.start, default=None)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:  # the border or the scrollbar
            return
        scroll_x, scroll_y = self.scroll_offset
        span = self.span_at(scroll_y + offset.y, scroll_x + offset.x)
        if span is None:
            return
        self._select(self.spans.index(span))
        self.post_message(self.PassageChosen(span))

    def action_choose(self) -> None:
        span = self.current_span
        if span is not None:
            self.post_message(self.PassageChosen(span))
