"""The timeline pane: events in date order under month or year headers."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from ...core.dates import format_date
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

    def show(
        self, index: Index, events: list[int], quotes: list[int], keep: int | None = None
    ) -> None:
        """Display `events`; `quotes` (the filtered quotes) give the counts."""
        self.index = index
        spec = index.dataset.spec
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

    def item_version(self, key: int) -> object:
        assert self.index is not None
        event_id = self.index.dataset.spec.events[key].id
        return (self.counts.get(event_id, 0), self.narrowed == event_id)

    def render_item(self, key: int, width: int) -> list[Strip]:
        assert self.index is not None
        event = self.index.dataset.spec.events[key]
        is_round = event.kind == "round"
        accent = self.get_component_rich_style("virtual-list--accent")
        dim = self.get_component_rich_style("virtual-list--dim")
        count = self.counts.get(event.id, 0)
        mark = "▸" if self.narrowed == event.id else (ROUND_MARK if is_round else " ")
        text = Text()
        text.append(f"{mark} ", style=accent)
        text.append(f"{format_date(event.date):>11}  ", style=dim)
        text.append(event.title, style=accent if is_round else "")
        if event.venue:  # after the title: the title says more when space is short
            text.append(f" · {self.index.venues[event.venue].name}", style=dim)
        tail = Text(f" {count}", style=dim)  # 0 too: a blank reads as "not counted"
        body = self.text_strip(text, max(width - tail.cell_len, 1))
        return [Strip.join([body, self.text_strip(tail, tail.cell_len)]).adjust_cell_length(width)]
