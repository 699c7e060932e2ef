"""The key bar: the keys that apply to the focused pane, on one line.

Textual's Footer builds a widget per key and rebuilds them all on every
focus change (~0.1 s of start-up here); this draws one line of text and
maps a click back to its key.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """Shows `key description` for every shown binding of the focused chain."""

    COMPONENT_CLASSES = {"key-bar--key"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._redraw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._redraw()

    def _redraw(self) -> None:
        line = Text()
        self._spans = []
        seen: set[str] = set()
        key_style = self.get_component_rich_style("key-bar--key")
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if not binding.show or binding.action in seen or key == palette:
                continue
            seen.add(binding.action)
            start = line.cell_len
            line.append(f" {self.app.get_key_display(binding)} ", style=key_style)
            line.append(f"{binding.description} ", style="" if enabled else "dim")
            self._spans.append((start, line.cell_len, key))
        if palette in self.screen.active_bindings:
            start = line.cell_len
            line.append(" ^p ", style=key_style)
            line.append("palette ")
            self._spans.append((start, line.cell_len, palette))
        self.update(line)

    def on_click(self, event: Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
