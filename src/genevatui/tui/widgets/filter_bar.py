"""The filter bar: active filters as chips, live counts, the text-filter box."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from ...core.filters import FILTER_KINDS, Filter
from ...core.text import shown
from .safe_input import SafeInput


def chips(flt: Filter, event_titles: dict[str, str]) -> Text:
    """The active filters as a line of chips; dataset text is never markup.

    Values the user typed (on the command line or in the box) are shown
    with their control characters escaped."""
    line = Text()
    for kind in FILTER_KINDS:  # the kind is its own label
        for value in flt.values(kind):
            name = event_titles.get(value, value) if kind == "event" else value
            line.append(f" {kind}: ", style="bold reverse")
            line.append(f"{shown(name)} ", style="reverse")
            line.append(" ")
    if flt.date_from or flt.date_to:
        line.append(" date: ", style="bold reverse")
        dates = f"{flt.date_from or '…'} – {flt.date_to or '…'}"
        line.append(f"{shown(dates)} ", style="reverse")
        line.append(" ")
    if flt.text:
        line.append(" text (+notes): " if flt.in_notes else " text: ", style="bold reverse")
        line.append(f"{shown(flt.text)} ", style="reverse")
        line.append(" ")
    if not line:
        line.append("no filters · / text · s speaker · v venue · d delegation · t topic")
    return line


PLACEHOLDERS = {False: "filter text… (ctrl+n: and notes)", True: "filter text and notes…"}


class SearchInput(SafeInput):
    """The text filter box; `escape` leaves it (the screen restores the text)."""

    def __init__(self, **kwargs: object) -> None:
        # Reopening the box continues the kept text rather than selecting it.
        super().__init__(select_on_focus=False, **kwargs)  # type: ignore[arg-type]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave box", id="search.leave"),
    ]

    def action_leave(self) -> None:
        self.post_message(FilterBar.SearchLeft(self.value))


class FilterBar(Horizontal):
    """Chips on the left, counts on the right, the search box when open."""

    class SearchChanged(Message):
        """The text filter changed (`final` when the user pressed enter)."""

        def __init__(self, text: str, final: bool) -> None:
            super().__init__()
            self.text = text
            self.final = final

    class SearchLeft(Message):
        """The user pressed escape in the search box."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    _counts_width = -1

    def compose(self) -> ComposeResult:
        yield Static(id="chips", markup=False)
        yield SearchInput(placeholder=PLACEHOLDERS[False], id="search")
        yield Static(id="counts", markup=False)

    def update(self, flt: Filter, counts: str, event_titles: dict[str, str]) -> None:
        """Show `flt` as chips and `counts` on the right."""
        # Both are one line high: only a change in the counts' width needs a
        # new layout, and a layout pass costs more than the filtering itself.
        self.query_one("#chips", Static).update(chips(flt, event_titles), layout=False)
        self.query_one(SearchInput).placeholder = PLACEHOLDERS[flt.in_notes]
        relayout = len(counts) != self._counts_width
        self._counts_width = len(counts)
        self.query_one("#counts", Static).update(Text(counts), layout=relayout)

    def open_search(self, text: str) -> None:
        """Open the box on `text`; a `--search` holding control characters
        shows (and, once edited, searches for) their escaped form."""
        box = self.query_one(SearchInput)
        box.display = True
        box.value = safe = shown(text)
        box.cursor_position = len(safe)
        box.focus()

    def close_search(self) -> None:
        self.query_one(SearchInput).display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value, final=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value, final=True))
