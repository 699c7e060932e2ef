"""A fuzzy picker for one filter kind (speaker, venue, delegation, topic)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..widgets.picker_list import Option, PickerList


class PickerScreen(ModalScreen[list[str] | None]):
    """Type to narrow, `space` to tick several, `enter` to apply, `escape` to cancel.

    Dismisses with the ticked values, or the highlighted one when none is
    ticked, or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
        Binding("tab", "focus_list", "To list", show=False, id="picker.focus_list"),
    ]

    def __init__(self, kind: str, options: list[Option], ticked: set[str]) -> None:
        super().__init__()
        self.kind = kind
        self.options = options
        self.ticked = set(ticked)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(
                f"{self.kind} · type to narrow · tab list · space tick · enter apply",
                id="picker-title",
                markup=False,
            )
            yield Input(placeholder=f"{self.kind}…", id="picker-input")
            yield PickerList(self.options, self.ticked, id="picker-list")

    def on_mount(self) -> None:
        self._refilter("")
        self.query_one("#picker-input", Input).focus()

    def _refilter(self, query: str) -> None:
        if not query.strip():
            order = sorted(range(len(self.options)), key=lambda i: -self.options[i].count)
        else:
            matcher = Matcher(query.strip())
            scored = [(matcher.match(o.label), i) for i, o in enumerate(self.options)]
            order = [i for score, i in sorted(scored, key=lambda t: -t[0]) if score > 0]
        self.query_one(PickerList).show(order)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_picker_list_confirmed(self, event: PickerList.Confirmed) -> None:
        event.stop()
        self._finish()

    def _finish(self) -> None:
        picker = self.query_one(PickerList)
        if picker.ticked:
            self.dismiss(sorted(picker.ticked))
            return
        key = picker.cursor_key
        self.dismiss([self.options[key].value] if key is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        picker = self.query_one(PickerList)
        if step > 0:
            picker.action_cursor_down()
        else:
            picker.action_cursor_up()

    def action_focus_list(self) -> None:
        self.query_one(PickerList).focus()
