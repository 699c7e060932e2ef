"""The details view: everything about the selected record, scrollable."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..copy import CHOOSE_BINDING, COPY_BINDING

if TYPE_CHECKING:
    from ..copy import Copier


class DetailsScreen(ModalScreen[None]):
    """The whole description of a record (`body`, plain text, never markup);
    escape, q or i closes it; y and Y copy the record (`copier`, issue 11 §1)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,i", "close", "Close", id="details.close"),
        COPY_BINDING,
        CHOOSE_BINDING,
    ]

    def __init__(self, body: Text, copier: Copier | None = None) -> None:
        super().__init__()
        self.body = body
        self.copier = copier

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="details"):
            yield Static(self.body, id="details-body", markup=False)

    def on_mount(self) -> None:
        frame = self.query_one("#details", VerticalScroll)
        frame.border_title = "Details"
        frame.border_subtitle = "↑/↓ scroll · escape closes"

    def action_copy_cited(self) -> None:
        if self.copier is not None:
            self.copier.copy()

    def action_copy_as(self) -> None:
        if self.copier is not None:
            self.copier.choose()

    def action_close(self) -> None:
        self.dismiss(None)
