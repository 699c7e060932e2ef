"""Ask before an export replaces a file that is already there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class OverwriteScreen(ModalScreen[bool]):
    """`y` replaces the file, `n` or escape keeps it (the export dialog
    stays open to choose another name)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Replace", id="overwrite.yes"),
        Binding("n,escape", "answer(False)", "Keep the file", id="overwrite.no"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.file_name = name
        """The file as the user reads it (already made safe to show)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="overwrite"):
            yield Static(Text(f"{self.file_name} already exists."), id="overwrite-question")
            yield Static(Text("Replace it?  y replace · n keep it"), id="overwrite-keys")

    def action_answer(self, replace: bool) -> None:
        self.dismiss(replace)
