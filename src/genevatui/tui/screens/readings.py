"""The readings of the disagreements about a record: pick one to read it in
its article (enter), as a jump that `[` comes back from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.disagreements import readings_of
from ...core.query import Index
from ...core.views import source_tag


def reading_options(index: Index, disagreements: list[int]) -> list[Option]:
    """One heading per disagreement (its `about`, not selectable), then one
    option per reading: its article's tag and its words; the option id is the
    reading's flat number."""
    options: list[Option] = []
    for i in disagreements:
        item = index.dataset.spec.disagreements[i]
        head = Text(item.about, style="bold underline")
        if item.note:
            head.append(f" — {item.note}", style="italic")
        options.append(Option(head, disabled=True))
        for view in readings_of(index.dataset, i):
            source = index.sources[view.reading.source]
            # The tag the statement rows give ("article 004"); the title is
            # on the source pane once the reading is open.
            label = Text(f"  article {source_tag(source)}: ", style="bold")
            words = " ".join(view.text.split())
            label.append(f"“{words}”" if words else "(lost: the article changed)")
            if view.reading.note:
                label.append(f" — {view.reading.note}", style="italic")
            # An orphan has no place to go to: listed, not selectable.
            options.append(Option(label, id=str(view.flat), disabled=not words))
    return options


class ReadingsScreen(ModalScreen[int | None]):
    """Each reading of the disagreements; enter dismisses with the chosen
    reading's flat number, escape with None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,g", "cancel", "Close", id="readings.close"),
    ]

    def __init__(self, index: Index, disagreements: list[int]) -> None:
        super().__init__()
        self.index = index
        self.disagreements = disagreements

    def compose(self) -> ComposeResult:
        with Vertical(id="readings"):
            yield Static(
                "Each article's words: enter reads them in the article ([ comes back).",
                id="readings-title",
                markup=False,
            )
            yield OptionList(*reading_options(self.index, self.disagreements), id="readings-list")

    def on_mount(self) -> None:
        frame = self.query_one("#readings", Vertical)
        frame.border_title = "Disagreements between articles"
        frame.border_subtitle = "↑/↓ choose · enter read · escape closes"
        options = self.query_one(OptionList)
        options.focus()
        # The first reading, not the heading above it.
        for n in range(options.option_count):
            if not options.get_option_at_index(n).disabled:
                options.highlighted = n
                break

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
