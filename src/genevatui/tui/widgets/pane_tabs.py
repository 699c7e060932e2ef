"""The pane tabs: `1 Timeline  2 Statements  3 Source` on one line.

Shown at narrow sizes, where the panes do not fit side by side and some are
hidden, so that a reader sees every pane exists and which key brings it
(as k9s and lazygit number theirs). The screen says which tab is active
(`active`, attributes down); a click on a tab is reported (`Chosen`,
messages up).
"""

from __future__ import annotations

from typing import Literal, get_args

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from ..contrast import legible

Pane = Literal["timeline", "statements", "source"]
PANES: tuple[Pane, ...] = get_args(Pane)
TITLES: dict[Pane, str] = {"timeline": "Timeline", "statements": "Statements", "source": "Source"}
ACTIVE_MARK = "▸"  # the active tab is told by this mark too, not by colour alone


class PaneTabs(Static):
    """One tab per pane, numbered by the key that shows it."""

    COMPONENT_CLASSES = {"pane-tabs--active", "pane-tabs--key"}

    active: reactive[Pane] = reactive[Pane]("statements")
    """The pane that holds the focus (or was last shown)."""

    class Chosen(Message):
        """The user clicked the tab of `pane`."""

        def __init__(self, pane: Pane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._spans: list[tuple[int, int, Pane]] = []  # (first cell, end cell, pane)

    def on_mount(self) -> None:
        self._redraw()

    def watch_active(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._redraw()

    def _redraw(self) -> None:
        base = self.rich_style
        key_style = legible(self.get_component_rich_style("pane-tabs--key"), base)
        active_style = legible(self.get_component_rich_style("pane-tabs--active"), base)
        line = Text()
        self._spans = []
        for number, pane in enumerate(PANES, start=1):
            start = line.cell_len
            on = pane == self.active
            style = active_style if on else None
            line.append(f"{ACTIVE_MARK if on else ' '}", style=style)
            line.append(f"{number}", style=active_style if on else key_style)
            line.append(f" {TITLES[pane]} ", style=style)
            self._spans.append((start, line.cell_len, pane))
            line.append(" ")
        self.update(line)

    def tab_at(self, x: int) -> Pane | None:
        """The pane whose tab is drawn at cell `x`, if any."""
        for start, end, pane in self._spans:
            if start <= x < end:
                return pane
        return None

    def on_click(self, event: Click) -> None:
        pane = self.tab_at(event.x)
        if pane is not None:
            self.post_message(self.Chosen(pane))
