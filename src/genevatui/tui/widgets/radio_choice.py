"""A radio set whose arrow keys choose, as a browser's radio group does, and
whose buttons show which is chosen by their glyph, not by colour alone."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import RadioButton, RadioSet


class Choice(RadioButton):
    """A radio button drawn ● when chosen and ○ when not: Textual's draws
    both as ●, told apart by colour only (lost on a monochrome terminal
    and in a copy of the screen's text)."""

    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else "○"
        return super().render()


class RadioChoice(RadioSet, inherit_bindings=False):
    """A RadioSet where up/down (left/right) move the choice itself, not
    only a highlight to press with space: in a dialog, enter is left to
    the dialog (it confirms), so an arrow is all it takes to choose."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "step(1)", "Next choice", show=False, id="choice.next"),
        Binding("up,left", "step(-1)", "Previous choice", show=False, id="choice.previous"),
    ]

    def action_step(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()
