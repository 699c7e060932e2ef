"""The option list of a picker: names with counts, several can be ticked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from .virtual_list import VirtualList


@dataclass(frozen=True, slots=True)
class Option:
    """A choice: `value` goes into the filter, `label` is shown, `ident` is
    the entity's id (what `Index.resolve` answers a typed name with)."""

    value: str
    label: str
    count: int
    ident: str = ""


class PickerList(VirtualList):
    """Options with a tick box and a count; `space` ticks, `-` filters one
    out (hides what has it), `enter` confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="picker.toggle"),
        Binding(
            "minus",
            "exclude",
            "Hide",
            tooltip="Filter out: hide what has this one (again: undo)",
            id="picker.exclude",
        ),
        Binding("enter", "confirm", "Apply", id="picker.confirm"),
    ]

    class Confirmed(Message):
        """Enter was pressed on the list."""

    def __init__(
        self,
        options: list[Option],
        ticked: set[str],
        excluded: set[str] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = options
        self.ticked = ticked
        self.excluded = excluded if excluded is not None else set()
        self.marked = False
        """Whether the user ticked or hid anything here."""

    def show(self, visible: list[int]) -> None:
        self.set_rows(visible)

    def render_item(self, key: int, width: int) -> list[Strip]:
        option = self.options[key]
        hidden = option.value in self.excluded
        box = "[✗] not " if hidden else "[x] " if option.value in self.ticked else "[ ] "
        dim = self.get_component_rich_style("virtual-list--dim")
        text = Text(box, style="bold" if hidden else "")
        text.append(option.label, style="strike" if hidden else "")
        tail = Text(f" {option.count}", style=dim)
        body = self.text_strip(text, max(width - tail.cell_len, 1))
        return [Strip.join([body, self.text_strip(tail, tail.cell_len)]).adjust_cell_length(width)]

    def action_tick(self) -> None:
        self._mark(self.ticked, self.excluded)

    def action_exclude(self) -> None:
        self._mark(self.excluded, self.ticked)

    def _mark(self, into: set[str], other: set[str]) -> None:
        """Toggle the highlighted option in `into`; it leaves `other` (an
        option is kept or hidden, never both)."""
        key = self.cursor_key
        if key is None:
            return
        value = self.options[key].value
        into.symmetric_difference_update({value})
        other.discard(value)
        self.marked = True
        self._cache.clear()
        self.refresh()

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())
