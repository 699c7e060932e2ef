"""A virtual list on Textual's Line API: one widget, any number of rows.

ListView builds a widget per row and takes ~55 s to mount 10,000 rows; this
renders only the visible lines (`render_line`), keeps an LRU cache of the
rows it drew, and re-filters by swapping its row list. Rows are headers
(not selectable) or items (carry a key, e.g. a quote index); each has a
fixed height so the line -> row map is a prefix sum plus a bisect.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class ItemMessage(Message):
    """Base of the messages a list posts about item `index` (its row key)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


@dataclass(frozen=True, slots=True)
class Row:
    """One row: a header (key -1) or an item whose key the owner understands."""

    key: int
    height: int = 1
    header: bool = False
    label: str = ""


class VirtualList(ScrollView, can_focus=True):
    """Line API list with a cursor over item rows; subclasses draw the rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
    ]

    COMPONENT_CLASSES = {
        "virtual-list--cursor",
        "virtual-list--header",
        "virtual-list--dim",
        "virtual-list--accent",
    }

    cursor: reactive[int] = reactive(-1, always_update=False, init=False)
    """Index into `rows` of the highlighted item row, or -1 when empty."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self._offsets: list[int] = [0]
        self._cache: LRUCache[tuple[int, int, bool], list[Strip]] = LRUCache(1024)
        self._quiet = False  # cursor moves made by code, not the user, post nothing
        self.empty_message = "Nothing matches the filters (x clears them)."

    # -- data ------------------------------------------------------------
    def set_rows(self, rows: list[Row], keep_key: int | None = None) -> None:
        """Replace every row; keep the cursor on `keep_key` if it is still there."""
        self.rows = rows
        self._offsets = [0, *accumulate(r.height for r in rows)]
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._offsets[-1])
        target = self.row_of_key(keep_key) if keep_key is not None else None
        self.set_reactive(VirtualList.cursor, -1)
        self._move_quietly(target if target is not None else self._next_item(-1, 1))
        if self.cursor == -1:
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def row_of_key(self, key: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.key == key and not row.header:
                return i
        return None

    @property
    def cursor_key(self) -> int | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].key
        return None

    def move_to_key(self, key: int) -> None:
        """Put the cursor on `key` without reporting it (the caller knows)."""
        row = self.row_of_key(key)
        if row is not None:
            self._move_quietly(row)

    def _move_quietly(self, row: int) -> None:
        self._quiet = True
        try:
            self.cursor = row
        finally:
            self._quiet = False

    # -- drawing -----------------------------------------------------------
    def render_row(self, row: Row, width: int, selected: bool) -> list[Strip]:
        """Draw `row` as `row.height` strips of exactly `width` cells."""
        style = self.get_component_rich_style("virtual-list--header" if row.header else "")
        return [self.text_strip(Text(row.label, style=style), width)]

    def text_strip(self, text: Text, width: int, style: Style | None = None) -> Strip:
        """One line of `text`, cut with an ellipsis or padded to `width` cells."""
        console = self.app.console
        options = console.options.update(
            width=max(width, 1), no_wrap=True, overflow="ellipsis", height=None
        )
        lines = console.render_lines(text, options, pad=True)
        strip = Strip(lines[0] if lines else []).adjust_cell_length(width)
        return strip.apply_style(style) if style else strip

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.rows and line == 0 and width > 0:
            dim = self.get_component_rich_style("virtual-list--dim")
            return self.text_strip(Text(self.empty_message, style=dim), width).apply_style(base)
        if line >= self._offsets[-1] or width <= 0:
            return Strip.blank(width, base)
        index = bisect_right(self._offsets, line) - 1
        selected = index == self.cursor
        key = (index, width, selected and self.has_focus)
        strips = self._cache.get(key)
        if strips is None:
            strips = self.render_row(self.rows[index], width, selected)
            if selected:
                full = self.get_component_rich_style("virtual-list--cursor")
                # Only the background (and boldness when focused) of the cursor:
                # the row keeps its own colours.
                cursor = Style(bgcolor=full.bgcolor, bold=bool(full.bold) and self.has_focus)
                # post_style: the cursor's colours win over the row's own.
                strips = [
                    Strip(Segment.apply_style(s, post_style=cursor), s.cell_length) for s in strips
                ]
            self._cache[key] = strips
        strip = strips[line - self._offsets[index]]
        return strip.apply_style(base).crop(scroll_x, scroll_x + width)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._offsets[-1])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- cursor ------------------------------------------------------------
    def _next_item(self, start: int, step: int) -> int:
        i = start + step
        while 0 <= i < len(self.rows):
            if not self.rows[i].header:
                return i
            i += step
        return start if 0 <= start < len(self.rows) else -1

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self.rows):
                y = self._offsets[index] - round(self.scroll_offset.y)
                self.refresh(
                    Region(0, y, self.scrollable_content_region.width, self.rows[index].height)
                )
        if 0 <= new < len(self.rows):
            self._scroll_to_row(new)
            if not self._quiet:
                self.cursor_moved(self.rows[new].key)

    def _scroll_to_row(self, index: int) -> None:
        top = self._offsets[index]
        # Bring the group headers just above an item into view with it.
        first = index
        while first > 0 and self.rows[first - 1].header:
            first -= 1
        room = self.size.height - self.rows[index].height
        if self._offsets[index] - self._offsets[first] < room or self.size.height == 0:
            top = self._offsets[first]
        region = Region(0, top, 1, self._offsets[index + 1] - top)
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    # Subclasses name their messages (Statements.QuoteChosen…) by setting these.
    highlighted_message: type[ItemMessage] | None = None
    chosen_message: type[ItemMessage] | None = None

    def cursor_moved(self, key: int) -> None:
        """The user moved the cursor to item `key`."""
        if self.highlighted_message is not None:
            self.post_message(self.highlighted_message(key))

    def chosen(self, key: int) -> None:
        """The user pressed enter on, or clicked, item `key`."""
        if self.chosen_message is not None:
            self.post_message(self.chosen_message(key))

    def action_choose(self) -> None:
        key = self.cursor_key
        if key is not None and key >= 0:
            self.chosen(key)

    def action_cursor_down(self) -> None:
        self.cursor = self._next_item(self.cursor, 1)

    def action_cursor_up(self) -> None:
        self.cursor = self._next_item(self.cursor, -1)

    def _line_to_row(self, line: int) -> int:
        return max(0, min(len(self.rows) - 1, bisect_right(self._offsets, line) - 1))

    def action_page_down(self) -> None:
        if self.rows:
            line = self._offsets[max(self.cursor, 0)] + self.size.height
            self.cursor = self._nearest_item(self._line_to_row(line), 1)

    def action_page_up(self) -> None:
        if self.rows:
            line = self._offsets[max(self.cursor, 0)] - self.size.height
            self.cursor = self._nearest_item(self._line_to_row(max(line, 0)), -1)

    def _nearest_item(self, index: int, step: int) -> int:
        if 0 <= index < len(self.rows) and not self.rows[index].header:
            return index
        found = self._next_item(index, step)
        return found if found != index else self._next_item(index, -step)

    def action_first(self) -> None:
        self.cursor = self._next_item(-1, 1)

    def action_last(self) -> None:
        self.cursor = self._next_item(len(self.rows), -1)

    def on_click(self, event: Click) -> None:
        line = round(self.scroll_offset.y) + event.y
        if 0 <= line < self._offsets[-1]:
            index = self._line_to_row(line)
            if not self.rows[index].header:
                if index == self.cursor:
                    self.chosen(self.rows[index].key)
                self.cursor = index
