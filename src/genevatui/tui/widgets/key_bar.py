"""The key bar: the keys that apply to the focused pane, on one line.

Textual's Footer builds a widget per key and rebuilds them all on every
focus change (~0.1 s of start-up here); this draws one line of text and
maps a click back to its key.

When the line is too narrow for every key, the least useful go first: what
`enter` does in the focused pane, `q Quit` and `? Help` always stay (help
lists every key), the palette goes first, then the pane's other keys from
the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click, Resize
from textual.screen import Screen
from textual.widgets import Static

from ..contrast import legible

KEPT = ("app.quit", "app.help")
"""Binding ids the bar never drops, whatever its width."""


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str  # the key simulate_key presses on a click
    shown: str  # the key as drawn: "⏎", "q", "^p"
    description: str
    enabled: bool = True
    kept: bool = False  # never dropped for want of room

    @property
    def cells(self) -> int:
        return cell_len(f" {self.shown} {self.description} ")


class KeyBar(Static):
    """Shows `key description` for every shown binding of the focused chain,
    `enter` first, as many as fit."""

    COMPONENT_CLASSES = {"key-bar--key"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._redraw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: Resize) -> None:
        self._redraw()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._redraw()

    def entries(self) -> list[_Entry]:
        """Every key the bar would show with room enough, in the order shown."""
        enter: list[_Entry] = []
        rest: list[_Entry] = []
        kept: list[_Entry] = []
        seen: set[str] = set()
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if not binding.show or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            shown = self.app.get_key_display(binding)
            if key == "enter":
                enter.append(_Entry(key, shown, binding.description, enabled, kept=True))
            elif binding.id in KEPT:
                kept.append(_Entry(key, shown, binding.description, enabled, kept=True))
            else:
                rest.append(_Entry(key, shown, binding.description, enabled))
        tail = [_Entry(palette, "^p", "palette")] if palette in self.screen.active_bindings else []
        return enter + rest + kept + tail

    def fitted(self, width: int) -> list[_Entry]:
        """`entries()` cut to `width` cells: the palette goes first, then the
        pane's keys from the right; never `enter`, quit or help."""
        entries = self.entries()
        used = sum(e.cells for e in entries)
        dropped: set[int] = set()
        for i in reversed(range(len(entries))):  # the palette is last: it goes first
            if used <= width:
                break
            if not entries[i].kept:
                dropped.add(i)
                used -= entries[i].cells
        return [e for i, e in enumerate(entries) if i not in dropped]

    def _redraw(self) -> None:
        line = Text()
        self._spans = []
        # The theme's key colour, made legible on the bar whatever the theme.
        key_style = legible(self.get_component_rich_style("key-bar--key"), self.rich_style)
        for entry in self.fitted(self.size.width or 10_000):
            start = line.cell_len
            line.append(f" {entry.shown} ", style=key_style)
            line.append(f"{entry.description} ", style="" if entry.enabled else "dim")
            self._spans.append((start, line.cell_len, entry.key))
        self.update(line)

    def on_click(self, event: Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
