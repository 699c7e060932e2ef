"""The date-range dialog: From and To, as `--from` and `--to` take them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.dates import range_problem
from ..widgets.safe_input import SafeInput

DateRange = tuple[str | None, str | None]
"""(from, to); None: that end is open."""


class DateRangeScreen(ModalScreen[DateRange | None]):
    """Two boxes, From and To (YYYY, YYYY-MM or YYYY-MM-DD; empty: open).

    `enter` applies (both empty: no date range), `escape` cancels; an invalid
    date is said under the boxes and the dialog stays open.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dates.cancel"),
    ]

    def __init__(self, date_from: str | None, date_to: str | None) -> None:
        super().__init__()
        self.date_from = date_from or ""
        self.date_to = date_to or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="date-range"):
            yield Static(
                "Date range · YYYY, YYYY-MM or YYYY-MM-DD · empty: open\n"
                "tab next box · enter apply · escape cancel",
                id="date-range-title",
                markup=False,
            )
            yield Static("From (on or after)", markup=False)
            yield SafeInput(self.date_from, placeholder="e.g. 2021-12", id="date-from")
            yield Static("To (on or before)", markup=False)
            yield SafeInput(self.date_to, placeholder="e.g. 2022-01-13", id="date-to")
            yield Static(id="date-range-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#date-from", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#date-range-error", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        date_from = self.query_one("#date-from", Input).value.strip() or None
        date_to = self.query_one("#date-to", Input).value.strip() or None
        problem = range_problem(date_from, date_to)
        if problem:
            self.query_one("#date-range-error", Static).update(problem)
            return
        self.dismiss((date_from, date_to))

    def action_cancel(self) -> None:
        self.dismiss(None)
