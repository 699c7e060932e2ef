"""Shown while a large dataset loads in a worker thread: never a frozen screen."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from ...core.text import shown


class LoadingScreen(Screen[None]):
    """A progress bar and the current stage; `q` still quits, ctrl+c interrupts.

    `label` (the dataset's path, as the user gave it) is shown escaped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="loading.quit"),
        Binding("ctrl+c", "app.interrupt", "Interrupt", show=False, id="loading.interrupt"),
    ]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(Text(f"Loading {shown(self.label)}", style="bold"), id="loading-title")
            yield ProgressBar(total=100, show_eta=False, id="loading-bar")
            yield Static(Text("starting…"), id="loading-stage")
            yield Static(
                Text("The first load of a large dataset is slow; later ones use a cache."),
                id="loading-hint",
            )

    def report(self, stage: str, fraction: float) -> None:
        """Show `stage` and how far it has got (0..1)."""
        self.query_one(ProgressBar).update(progress=round(100 * min(max(fraction, 0), 1)))
        self.query_one("#loading-stage", Static).update(Text(stage))
