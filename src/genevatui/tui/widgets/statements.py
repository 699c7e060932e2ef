"""The statements pane: quotes grouped by delegation, then by speaker."""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from ...core.dates import format_date
from ...core.query import Index
from .virtual_list import Header, ItemMessage, VirtualList

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

    item_height = ITEM_HEIGHT
    highlighted_message = QuoteHighlighted
    chosen_message = QuoteChosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: Index | None = None

    def show(self, index: Index, quotes: list[int], keep: int | None = None) -> None:
        """Display `quotes`, which come grouped (`Index.run(..., by_speaker=True)`).

        One pass over runs of the same speaker (itertools.groupby, in C) adds
        the headers; the items go in as slices, so 100,000 quotes cost
        milliseconds, not a Python loop per quote.
        """
        self.index = index
        keys: list[int] = []
        headers: list[Header] = []
        delegation_header = -1
        delegation_total = 0
        current = None
        pos = 0
        for speaker, run in groupby(map(index.q_speaker.__getitem__, quotes)):
            count = len(tuple(run))
            delegation = index.people[speaker].delegation
            if delegation != current:
                if delegation_header >= 0:
                    headers[delegation_header] = _delegation_header(
                        index, current, delegation_total
                    )
                current, delegation_total = delegation, 0
                delegation_header = len(headers)
                headers.append(Header(""))
                keys.append(-len(headers))
            delegation_total += count
            headers.append(
                Header(f"  {index.people[speaker].name}  ({count})", "virtual-list--accent")
            )
            keys.append(-len(headers))
            keys.extend(quotes[pos : pos + count])
            pos += count
        if delegation_header >= 0:
            headers[delegation_header] = _delegation_header(index, current, delegation_total)
        self.set_rows(keys, headers, keep_key=keep)

    def render_item(self, key: int, width: int) -> list[Strip]:
        assert self.index is not None
        index = self.index
        quote = index.dataset.spec.quotes[key]
        venue_id = index.q_venue[key]
        date = format_date(index.quote_date(quote))
        bits = [b for b in (date, index.venues[venue_id].name if venue_id else "", quote.kind) if b]
        anchor = index.dataset.quote_anchors[key]
        if anchor.status == "fuzzy":  # the article changed or the text drifted: say so
            bits.append(f"≈ fuzzy match {anchor.score:.0f}")
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


def _delegation_header(index: Index, delegation: str | None, total: int) -> Header:
    name = index.delegations[delegation].name if delegation else "?"
    return Header(f"{name}  ({total})")
