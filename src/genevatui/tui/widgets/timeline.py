"""The timeline pane: events in date order under month or year headers."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip

from ...core.dates import format_date
from ...core.marklist import glyph
from ...core.marks import MarkStore
from ...core.query import Index
from .virtual_list import Header, ItemMessage, VirtualList

ROUND_MARK = "◆"


def _group(date: str) -> str:
    """The header an event sits under: its month, or its decade when only the
    year is known (a header per lone year would outnumber the events)."""
    return format_date(date[:7]) if len(date) >= 7 else f"{date[:3]}0s"


class Timeline(VirtualList):
    """Every event that passes the filters, oldest first; rounds stand out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Narrow to event",
            tooltip="Show in the source and narrow the statements to it (again: widen)",
            id="timeline.choose",
        ),
        # On the event the statements are narrowed to, enter widens them: the
        # key bar says so (check_action shows one of the two).
        Binding(
            "enter",
            "widen",
            "Widen statements",
            tooltip="On the narrowed event (▸): show every statement again",
            id="timeline.widen",
        ),
    ]

    class EventHighlighted(ItemMessage):
        """The cursor moved to event `index` (an index into spec.events)."""

    class EventChosen(ItemMessage):
        """The user asked to see event `index` in its article."""

    highlighted_message = EventHighlighted
    chosen_message = EventChosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: Index | None = None
        self.counts: Counter[str] = Counter()
        self.narrowed: str | None = None
        self.widest = 0  # cells of the widest row of any event, count included
        self.marks: MarkStore | None = None
        """The user's marks and notes (issue 11 §2): a sign beside each row's mark."""

    def show(
        self, index: Index, events: list[int], quotes: list[int], keep: int | None = None
    ) -> None:
        """Display `events`; `quotes` (the filtered quotes) give the counts."""
        spec = index.dataset.spec
        if index is not self.index:
            self.index = index
            self.widest = self._widest(index)
            self.refresh(layout=True)  # `width: auto` follows it
        self.counts = index.count_by("event", quotes)
        keys: list[int] = []
        headers: list[Header] = []
        group = None
        for e in events:
            g = _group(spec.events[e].date)
            if g != group:
                headers.append(Header(g))
                keys.append(-len(headers))
                group = g
            keys.append(e)
        self.set_rows(keys, headers, keep_key=keep)
        self.refresh_bindings()  # `narrowed` may have changed: enter's meaning too

    def _on_narrowed(self, row: int) -> bool:
        return 0 <= row < len(self.keys) and self.keys[row] == self._narrowed_key

    @property
    def _narrowed_key(self) -> int | None:
        if self.index is None or self.narrowed is None:
            return None
        return self.index.event_pos.get(self.narrowed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("choose", "widen"):
            on_item = self.cursor_key is not None
            return on_item and self._on_narrowed(self.cursor) == (action == "widen")
        return super().check_action(action, parameters)

    def action_widen(self) -> None:
        self.action_choose()  # the screen widens a second choice of the same event

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        if self._on_narrowed(old) != self._on_narrowed(new):
            self.refresh_bindings()

    @staticmethod
    def _widest(index: Index) -> int:
        """Cells the widest event row needs (as `row_text` draws it, with a
        2-digit count): plain strings only, ~20 ms for 100,000 events."""
        venues = {v: cell_len(f" · {index.venues[v].name}") for v in index.venues}
        rows = (cell_len(e.title) + venues.get(e.venue or "", 0) for e in index.dataset.spec.events)
        return 2 + 11 + 2 + max(rows, default=0) + 3

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest row of any event (not only those shown, so the pane
        keeps its width as filters change): `width: auto` in app.tcss gives
        the timeline what its titles need, up to a share of the screen."""
        return self.widest

    def item_version(self, key: int) -> object:
        assert self.index is not None
        event_id = self.index.dataset.spec.events[key].id
        return (self.counts.get(event_id, 0), self.narrowed == event_id, self._sign(event_id))

    def _sign(self, event_id: str) -> str:
        """ "●" marked, "✎" a note only, in the cell after the round's mark."""
        return glyph(self.marks.get("event", event_id)) if self.marks is not None else " "

    def row_text(self, key: int) -> Text:
        """Event `key`'s row without its count: mark, date, title, venue."""
        assert self.index is not None
        event = self.index.dataset.spec.events[key]
        is_round = event.kind == "round"
        accent = self.get_component_rich_style("virtual-list--accent")
        dim = self.get_component_rich_style("virtual-list--dim")
        mark = "▸" if self.narrowed == event.id else (ROUND_MARK if is_round else " ")
        text = Text()
        sign = self._sign(event.id)
        text.append(mark, style=accent)
        text.append(sign, style="bold" if sign.strip() else accent)
        text.append(f"{format_date(event.date):>11}  ", style=dim)
        text.append(event.title, style=accent if is_round else "")
        if event.venue:  # after the title: the title says more when space is short
            text.append(f" · {self.index.venues[event.venue].name}", style=dim)
        return text

    def render_item(self, key: int, width: int) -> list[Strip]:
        assert self.index is not None
        text = self.row_text(key)
        count = self.counts.get(self.index.dataset.spec.events[key].id, 0)
        dim = self.get_component_rich_style("virtual-list--dim")
        tail = Text(f" {count}", style=dim)  # 0 too: a blank reads as "not counted"
        body = self.text_strip(text, max(width - tail.cell_len, 1))
        return [Strip.join([body, self.text_strip(tail, tail.cell_len)]).adjust_cell_length(width)]
