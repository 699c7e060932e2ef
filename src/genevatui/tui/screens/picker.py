"""A fuzzy picker for one filter kind (speaker, venue, delegation, topic)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.filters import FilterKind
from ...core.query import UnknownName
from ..widgets.picker_list import Option, PickerList
from ..widgets.safe_input import SafeInput

Resolve = Callable[[str], frozenset[str]]


@dataclass(frozen=True)
class Picked:
    """What a picker gives: the values kept (ORed) and those filtered out."""

    kept: list[str]
    hidden: list[str] = field(default_factory=list)


PICKER_KEYS = "type to narrow · tab list · space tick · - hide · enter apply"


class PickerScreen(ModalScreen[Picked | None]):
    """Type to narrow, `space` to tick several, `-` to hide (filter out),
    `enter` to apply, `escape` to cancel.

    Dismisses with the ticked and hidden values, or the highlighted one kept
    when nothing is ticked and nothing was marked here, or None when
    cancelled. What is typed matches as the command
    line's flags do (`resolve`: names, ids and aliases, ignoring case and
    accents, exact or as a substring), those first; then fuzzily on the label.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
        Binding("tab", "focus_list", "To list", show=False, id="picker.focus_list"),
    ]

    def __init__(
        self,
        kind: FilterKind,
        options: list[Option],
        ticked: set[str],
        resolve: Resolve | None = None,
        excluded: set[str] | None = None,
    ) -> None:
        super().__init__()
        self.kind = kind
        self.options = options
        self.ticked = set(ticked)
        self.excluded = set(excluded or ())
        self.resolve = resolve

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as frame:
            # The kind on the border, so the keys fit one line of the 70-cell box.
            frame.border_title = f"Filter by {self.kind}"
            yield Static(PICKER_KEYS, id="picker-title", markup=False)
            yield SafeInput(placeholder=f"{self.kind}…", id="picker-input")
            yield PickerList(self.options, self.ticked, self.excluded, id="picker-list")

    def on_mount(self) -> None:
        self._refilter("")
        self.query_one("#picker-input", Input).focus()

    def _refilter(self, query: str) -> None:
        self.query_one(PickerList).show(self.order(query))

    def order(self, query: str) -> list[int]:
        """Indices of the options that `query` matches, best first."""
        options = self.options
        query = query.strip()
        if not query:
            return sorted(range(len(options)), key=lambda i: -options[i].count)
        named = self._named(query)
        matcher = Matcher(query)
        scored = [
            (o.ident in named, matcher.match(o.label), o.count, i) for i, o in enumerate(options)
        ]
        scored.sort(key=lambda t: (not t[0], -t[1], -t[2]))
        return [i for is_named, score, _, i in scored if is_named or score > 0]

    def _named(self, query: str) -> frozenset[str]:
        if self.resolve is None:
            return frozenset()
        try:
            return self.resolve(query)
        except UnknownName:
            return frozenset()

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
        hidden = sorted(picker.excluded)
        if picker.ticked or picker.marked:
            self.dismiss(Picked(sorted(picker.ticked), hidden))
            return
        key = picker.cursor_key
        if key is None:
            self.dismiss(None)
            return
        value = self.options[key].value  # enter on an option keeps it, even a hidden one
        self.dismiss(Picked([value], [v for v in hidden if v != value]))

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
