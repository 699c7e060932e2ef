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
    """Options with a tick box and a count; `space` ticks, `enter` confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="picker.toggle"),
        Binding("enter", "confirm", "Apply", id="picker.confirm"),
    ]

    class Confirmed(Message):
        """Enter was pressed on the list."""

    def __init__(self, options: list[Option], ticked: set[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = options
        self.ticked = ticked

    def show(self, visible: list[int]) -> None:
        self.set_rows(visible)

    def render_item(self, key: int, width: int) -> list[Strip]:
        option = self.options[key]
        box = "[x] " if option.value in self.ticked else "[ ] "
        dim = self.get_component_rich_style("virtual-list--dim")
        text = Text(box)
        text.append(option.label)
        tail = Text(f" {option.count}", style=dim)
        body = self.text_strip(text, max(width - tail.cell_len, 1))
        return [Strip.join([body, self.text_strip(tail, tail.cell_len)]).adjust_cell_length(width)]

    def action_tick(self) -> None:
        key = self.cursor_key
        if key is None:
            return
        value = self.options[key].value
        self.ticked.symmetric_difference_update({value})
        self._cache.clear()
        self.refresh()

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())
