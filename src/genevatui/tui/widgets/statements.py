"""The statements pane: quotes grouped by delegation, then by speaker."""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from ...core.dates import format_date
from ...core.query import Index
from .virtual_list import ItemMessage, Row, VirtualList

ITEM_HEIGHT = 3  # a meta line and two lines of text
INDENT = 4


class Statements(VirtualList):
    """Quotes that pass the filters, under delegation and speaker headers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Source",
            tooltip="Jump into the passage in the source",
            id="statements.choose",
        ),
    ]

    class QuoteHighlighted(ItemMessage):
        """The cursor moved to quote `index` (an index into spec.quotes)."""

    class QuoteChosen(ItemMessage):
        """The user asked to see quote `index` in its article."""

    highlighted_message = QuoteHighlighted
    chosen_message = QuoteChosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: Index | None = None

    def show(self, index: Index, quotes: list[int], keep: int | None = None) -> None:
        """Display `quotes` (quote indices in timeline order)."""
        self.index = index
        spec = index.dataset.spec
        by_delegation: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for q in quotes:
            by_delegation[index.q_delegation[q]][index.q_speaker[q]].append(q)
        rows: list[Row] = []
        for delegation in spec.delegations:
            speakers = by_delegation.get(delegation.id)
            if not speakers:
                continue
            total = sum(len(v) for v in speakers.values())
            rows.append(Row(-1, header=True, label=f"{delegation.name}  ({total})"))
            ordered = sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for speaker, items in ordered:
                name = index.people[speaker].name
                rows.append(Row(-2, header=True, label=f"  {name}  ({len(items)})"))
                rows.extend(Row(q, ITEM_HEIGHT) for q in items)
        self.set_rows(rows, keep_key=keep)

    def render_row(self, row: Row, width: int, selected: bool) -> list[Strip]:
        if row.header or self.index is None:
            names = ("virtual-list--header",) if row.key == -1 else ("virtual-list--accent",)
            style = self.get_component_rich_style(*names)
            return [self.text_strip(Text(row.label, style=style), width)]
        index = self.index
        quote = index.dataset.spec.quotes[row.key]
        venue_id = index.q_venue[row.key]
        date = format_date(index.quote_date(quote))
        bits = [b for b in (date, index.venues[venue_id].name if venue_id else "", quote.kind) if b]
        dim = self.get_component_rich_style("virtual-list--dim")
        meta = Text(" " * INDENT + " · ".join(bits), style=dim)
        lines = self._wrap(quote.text, max(width - INDENT, 1))
        strips = [self.text_strip(meta, width)]
        for line in lines:
            strips.append(self.text_strip(Text(" " * INDENT + line), width))
        return strips

    def _wrap(self, text: str, width: int) -> list[str]:
        """The first two wrapped lines of `text`, the second cut with an ellipsis."""
        # Only the start matters: never wrap all of a 20,000-character quote.
        head = " ".join(text[: width * 3 + 1].split())
        wrapped = Text(head).wrap(self.app.console, width)
        lines = [line.plain.rstrip() for line in wrapped][: ITEM_HEIGHT - 1]
        if len(wrapped) > ITEM_HEIGHT - 1 or len(head) < len(" ".join(text.split())):
            last = lines[-1]
            lines[-1] = (last[: max(width - 1, 0)].rstrip() + "…") if last else "…"
        while len(lines) < ITEM_HEIGHT - 1:
            lines.append("")
        return lines
