"""The orphans view: passages lost when their article changed, and why.

A quote whose passage no longer matches its (changed) article is listed
here and nowhere else: it is never shown at a wrong place.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.query import Index


def orphans_text(index: Index) -> Text:
    """Every orphaned passage and every load warning, as plain text."""
    dataset = index.dataset
    spec = dataset.spec
    out = Text()
    orphans = dataset.orphans
    lost_events = [
        (e, a)
        for e, anchors in enumerate(dataset.event_anchors)
        for a in anchors
        if a.status == "orphan"
    ]
    if not orphans and not lost_events:
        out.append("No orphans: every passage is where the dataset says it is.\n")
    for i in orphans:
        quote = spec.quotes[i]
        out.append(f"{index.people[quote.speaker].name}", style="bold")
        out.append(f"  quote {quote.id} · source {quote.source}\n")
        out.append(f"  {' '.join(quote.text.split())[:300]}\n\n", style="italic")
    for e, anchor in lost_events:
        out.append(f"Event {spec.events[e].id}", style="bold")
        out.append(f": a passage in source {anchor.source}\n\n")
    if dataset.warnings:
        out.append("Warnings from loading\n", style="bold underline")
        for line in dataset.warnings:
            out.append(f"{line}\n")
    return out


class OrphansScreen(ModalScreen[None]):
    """Lists orphaned passages and load warnings; escape, q or o closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,o", "close", "Close", id="orphans.close"),
    ]

    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index

    def compose(self) -> ComposeResult:
        count = len(self.index.dataset.orphans)
        with VerticalScroll(id="orphans"):
            yield Static(Text(f"Orphans ({count})", style="bold"), id="orphans-title")
            yield Static(orphans_text(self.index), id="orphans-body")

    def action_close(self) -> None:
        self.dismiss(None)
