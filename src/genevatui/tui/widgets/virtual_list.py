"""A virtual list on Textual's Line API: one widget, any number of rows.

ListView builds a widget per row and takes ~55 s to mount 10,000 rows; this
renders only the visible lines (`render_line`), keeps an LRU cache of the
rows it drew, and re-filters by swapping one list of ints. Rows are items
(a key >= 0 the owner understands, e.g. a quote index) or headers (key
`-1 - h` for `headers[h]`). Items are `item_height` lines, headers one, so
the line <-> row maps are arithmetic over the header positions: nothing
per row is built or summed when the rows change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
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

from ..contrast import legible


class ItemMessage(Message):
    """Base of the messages a list posts about item `index` (its row key)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


@dataclass(frozen=True, slots=True)
class Header:
    """A group header: its text and the component class that styles it."""

    label: str
    style: str = "virtual-list--header"


@dataclass(frozen=True, slots=True)
class Row:
    """A row as a value (for tests and callers that want one): see `rows`."""

    key: int
    header: bool = False
    label: str = ""


EMPTY = "Nothing matches the filters (x clears them)."
"""What an empty list says when no one has said why."""


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
    """Row index of the highlighted item, or -1 when there is none."""

    item_height: ClassVar[int] = 1
    """Lines per item row (headers are always one line)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.keys: list[int] = []
        self.headers: list[Header] = []
        self._header_rows: list[int] = []  # row index of each header, ascending
        self._header_lines: list[int] = []  # first line of each header
        # Drawn rows, keyed by what they show (item key or header text), not
        # by position: after a re-filter, rows already drawn are reused.
        self._cache: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(2048)
        self._quiet = False  # cursor moves made by code, not the user, post nothing
        self.empty_message = EMPTY

    # -- data ------------------------------------------------------------
    def set_rows(
        self, keys: list[int], headers: list[Header] | None = None, keep_key: int | None = None
    ) -> None:
        """Replace every row; keep the cursor on `keep_key` if it is still there.

        `keys` holds item keys (>= 0) and header markers (`-1 - h`).
        """
        had_item = self.cursor_key is not None
        self.keys = keys
        self.headers = headers or []
        height = self.item_height
        self._header_rows = [] if not self.headers else [i for i, k in enumerate(keys) if k < 0]
        self._header_lines = [
            r * height - (height - 1) * n for n, r in enumerate(self._header_rows)
        ]
        size = Size(self.scrollable_content_region.width, self.line_count)
        if size != self.virtual_size:
            self.virtual_size = size
        target = self.row_of_key(keep_key) if keep_key is not None else None
        self.set_reactive(VirtualList.cursor, -1)
        self._move_quietly(target if target is not None else self._next_item(-1, 1))
        if self.cursor == -1:
            self.scroll_to(0, 0, animate=False)
        if had_item != (self.cursor_key is not None):
            self.refresh_bindings()  # enter is offered only on an item (check_action)
        self.refresh()

    @property
    def line_count(self) -> int:
        return self.line_of_row(len(self.keys))

    def line_of_row(self, row: int) -> int:
        """First line of `row` (or the line just past the end)."""
        headers_before = bisect_left(self._header_rows, row)
        return row * self.item_height - (self.item_height - 1) * headers_before

    def row_at_line(self, line: int) -> int:
        """The row drawn on `line` (clamped to the rows there are)."""
        h = bisect_right(self._header_lines, line) - 1
        if h < 0:
            row = line // self.item_height
        elif line == self._header_lines[h]:
            row = self._header_rows[h]
        else:
            row = self._header_rows[h] + 1 + (line - self._header_lines[h] - 1) // self.item_height
        return max(0, min(len(self.keys) - 1, row))

    def row_height(self, row: int) -> int:
        return 1 if self.keys[row] < 0 else self.item_height

    @property
    def rows(self) -> list[Row]:
        """The rows as values; O(rows), for tests and small lists only."""
        return [Row(k, True, self.headers[-1 - k].label) if k < 0 else Row(k) for k in self.keys]

    def row_of_key(self, key: int) -> int | None:
        if key < 0:
            return None
        try:
            return self.keys.index(key)  # a C-speed scan, even over 100k rows
        except ValueError:
            return None

    @property
    def cursor_key(self) -> int | None:
        if 0 <= self.cursor < len(self.keys):
            return self.keys[self.cursor]
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
    def render_item(self, key: int, width: int) -> list[Strip]:
        """Draw item `key` as `item_height` strips of exactly `width` cells."""
        return [self.text_strip(Text(str(key)), width)]

    def item_version(self, key: int) -> object:
        """What else an item's drawing depends on (e.g. a count); part of the
        cache key, so a changed item is drawn again."""
        return None

    def render_header(self, header: Header, width: int) -> Strip:
        style = self.get_component_rich_style(header.style)
        return self.text_strip(Text(header.label, style=style), width)

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
        if not self.keys and width > 0:
            # The message says which filters emptied the list: wrapped, never cut.
            dim = self.get_component_rich_style("virtual-list--dim")
            said = Text(self.empty_message, style=dim).wrap(self.app.console, width)
            if line < len(said):
                return self.text_strip(said[line], width).apply_style(base)
        if line >= self.line_count or width <= 0:
            return Strip.blank(width, base)
        index = self.row_at_line(line)
        selected = index == self.cursor
        key = self.keys[index]
        what = self.headers[-1 - key].label if key < 0 else (key, self.item_version(key))
        cache_key = (what, width, selected, selected and self.has_focus)
        strips = self._cache.get(cache_key)
        if strips is None:
            strips = (
                [self.render_header(self.headers[-1 - key], width)]
                if key < 0
                else self.render_item(key, width)
            )
            if selected:
                strips = self._on_cursor(strips)
            self._cache[cache_key] = strips
        strip = strips[min(line - self.line_of_row(index), len(strips) - 1)]
        return strip.apply_style(base).crop(scroll_x, scroll_x + width)

    def _on_cursor(self, strips: list[Strip]) -> list[Strip]:
        """A row drawn under the cursor: the cursor's background (and boldness
        when focused) applied last, so it wins; the row keeps its own colours
        where they stay legible on that background, and no further."""
        full = self.get_component_rich_style("virtual-list--cursor")
        cursor = Style(bgcolor=full.bgcolor, bold=bool(full.bold) and self.has_focus)
        base = self.rich_style
        return [
            Strip(
                [
                    Segment(text, legible((style or Style()) + cursor, base), control)
                    for text, style, control in strip
                ],
                strip.cell_length,
            )
            for strip in strips
        ]

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        """A component's style, its colour made legible on the widget (WCAG
        AA): a theme whose muted or accent colour is too faint still reads."""
        style = super().get_component_rich_style(*names, partial=partial, default=default)
        return style if partial else legible(style, self.rich_style)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.line_count)

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
        keys = self.keys
        while 0 <= i < len(keys):
            if keys[i] >= 0:
                return i
            i += step
        return start if 0 <= start < len(keys) else -1

    def watch_cursor(self, old: int, new: int) -> None:
        width = self.scrollable_content_region.width
        for index in (old, new):
            if 0 <= index < len(self.keys):
                y = self.line_of_row(index) - round(self.scroll_offset.y)
                self.refresh(Region(0, y, width, self.row_height(index)))
        if 0 <= new < len(self.keys):
            self._scroll_to_row(new)
            if not self._quiet:
                self.cursor_moved(self.keys[new])

    def _scroll_to_row(self, index: int) -> None:
        top = self.line_of_row(index)
        # Bring the group headers just above an item into view with it.
        first = index
        while first > 0 and self.keys[first - 1] < 0:
            first -= 1
        room = self.size.height - self.row_height(index)
        if top - self.line_of_row(first) < room or self.size.height == 0:
            top = self.line_of_row(first)
        region = Region(0, top, 1, self.line_of_row(index + 1) - top)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty list has nothing for enter to act on: the key bar says nothing.
        if action == "choose":
            return self.cursor_key is not None
        return True

    def action_choose(self) -> None:
        key = self.cursor_key
        if key is not None and key >= 0:
            self.chosen(key)

    def action_cursor_down(self) -> None:
        self.cursor = self._next_item(self.cursor, 1)

    def action_cursor_up(self) -> None:
        self.cursor = self._next_item(self.cursor, -1)

    def action_page_down(self) -> None:
        if self.keys:
            line = self.line_of_row(max(self.cursor, 0)) + self.size.height
            self.cursor = self._nearest_item(self.row_at_line(line), 1)

    def action_page_up(self) -> None:
        if self.keys:
            line = self.line_of_row(max(self.cursor, 0)) - self.size.height
            self.cursor = self._nearest_item(self.row_at_line(max(line, 0)), -1)

    def _nearest_item(self, index: int, step: int) -> int:
        if 0 <= index < len(self.keys) and self.keys[index] >= 0:
            return index
        found = self._next_item(index, step)
        return found if found != index else self._next_item(index, -step)

    def action_first(self) -> None:
        self.cursor = self._next_item(-1, 1)

    def action_last(self) -> None:
        self.cursor = self._next_item(len(self.keys), -1)

    def on_click(self, event: Click) -> None:
        # event.y counts from the widget's outer edge, border included; the
        # rows start at the content area (a click on the border is no row).
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = round(self.scroll_offset.y) + offset.y
        if self.keys and 0 <= line < self.line_count:
            index = self.row_at_line(line)
            if self.keys[index] >= 0:
                if index == self.cursor:
                    self.chosen(self.keys[index])
                self.cursor = index
