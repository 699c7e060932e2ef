"""The details view: everything about the selected record, scrollable."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class DetailsScreen(ModalScreen[None]):
    """The whole description of a record (`body`, plain text, never markup);
    escape, q or i closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,i", "close", "Close", id="details.close"),
    ]

    def __init__(self, body: Text) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="details"):
            yield Static(self.body, id="details-body", markup=False)

    def on_mount(self) -> None:
        frame = self.query_one("#details", VerticalScroll)
        frame.border_title = "Details"
        frame.border_subtitle = "↑/↓ scroll · escape closes"

    def action_close(self) -> None:
        self.dismiss(None)
