"""The main screen's layout: which panes show, in what proportions, and the
reading mode. MainScreen inherits it.

The state is here, as reactives (attributes down); every rule it implies is
a class on the screen, styled in app.tcss:

- `-list-timeline` / `-list-statements`: the list shown at narrow sizes,
  above the source (the last list that had the focus);
- `-reading`: the source alone, with its citation block; the filter bar and
  the key bar stay (z; z or escape leaves, as does focusing a list);
- `-layout-balanced` / `-layout-lists` / `-layout-source`: the proportions
  (L cycles them): the timeline as wide as its titles up to a share of the
  screen, the lists wide, or the source wide;
- `-timeline-hidden`: T at wide sizes (at narrow sizes T swaps the lists).

The layout follows the focus, never the other way round: a pane that takes
the focus is shown, and geometry changes only on a key or a choice (`1` `2`
`3`, T, z, L, enter), never on a click that merely focuses, so what is under
the pointer stays under it.
"""

from __future__ import annotations

from typing import ClassVar, Literal, get_args

from textual import on
from textual.binding import Binding, BindingType
from textual.events import DescendantFocus
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from ..widgets.pane_tabs import PANES, Pane, PaneTabs

Layout = Literal["balanced", "lists", "source"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)
LAYOUT_NAMES: dict[Layout, str] = {
    "balanced": "balanced",
    "lists": "lists wide",
    "source": "reading wide",
}
ListPane = Literal["timeline", "statements"]


class LayoutScreen(Screen[None]):
    """Pane tabs, layouts and reading mode; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1",
            "show_pane('timeline')",
            "Timeline",
            tooltip="The timeline (narrow screens: the tabs above the panes name 1 2 3)",
            show=False,
            id="layout.timeline",
        ),
        Binding("2", "show_pane('statements')", "Statements", show=False, id="layout.statements"),
        Binding(
            "3",
            "show_pane('source')",
            "Source",
            tooltip="Source (narrow screens: alone, as in reading mode)",
            show=False,
            id="layout.source",
        ),
        Binding(
            "z",
            "reading",
            "Read",
            tooltip="Reading mode: the source alone, key bar kept (z or escape: back)",
            id="layout.reading",
        ),
        Binding("escape,z", "leave_reading", "Leave reading", id="layout.leave_reading"),
        Binding(
            "L",
            "cycle_layout",
            "Layout",
            tooltip="Cycle the proportions: balanced, lists wide, reading wide",
            show=False,
            id="layout.cycle",
        ),
        Binding(
            "T",
            "toggle_timeline",
            "Show/hide timeline",
            tooltip="Show/hide the timeline (narrow screens: timeline or statements)",
            show=False,
            id="main.toggle_timeline",
        ),
    ]

    pane_layout: reactive[Layout] = reactive[Layout]("balanced", init=False)
    """The proportions of the panes (L cycles them)."""
    reading: reactive[bool] = reactive(False, init=False)
    """Reading mode: the source alone between the filter bar and the key bar."""
    list_pane: reactive[ListPane] = reactive[ListPane]("statements", init=False)
    """The list shown above the source at narrow sizes: the last one focused."""
    timeline_hidden: reactive[bool] = reactive(False, init=False)
    """T at wide sizes: the timeline column is hidden."""

    _focused_pane: Pane | None = None  # the pane that last took the focus

    def on_mount(self) -> None:
        self._apply_layout()

    def watch_pane_layout(self) -> None:
        self._apply_layout()

    def watch_reading(self) -> None:
        self._apply_layout()

    def watch_list_pane(self) -> None:
        self._apply_layout()

    def watch_timeline_hidden(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        classes = {f"-layout-{name}": name == self.pane_layout for name in LAYOUTS}
        classes |= {f"-list-{name}": name == self.list_pane for name in get_args(ListPane)}
        classes["-reading"] = self.reading
        classes["-timeline-hidden"] = self.timeline_hidden
        self.update_classes(classes, animate=False)
        self.refresh_bindings()  # escape is bound only while reading

    @property
    def focused_pane(self) -> Pane | None:
        """The pane that last took the focus (None before any did)."""
        return self._focused_pane

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def pane(self, pane: Pane) -> Widget:
        return self.query_one(f"#{pane}")

    # -- the focus decides what is shown --------------------------------------
    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        pane = event.widget.id
        if pane not in PANES:
            return
        self.query_one(PaneTabs).active = pane
        if pane == "timeline" or pane == "statements":
            self.list_pane = pane
            self.reading = False  # a list is never behind the source
            if pane == "timeline":
                self.timeline_hidden = False
        # Not the first focus, nor a modal giving the focus back: a move.
        moved = self._focused_pane is not None and pane != self._focused_pane
        self._focused_pane = pane
        if moved:
            self.pane_focused(pane)

    def pane_focused(self, pane: Pane) -> None:
        """`pane` took the focus from another pane (the screen may follow)."""

    @on(PaneTabs.Chosen)
    def _tab_clicked(self, event: PaneTabs.Chosen) -> None:
        self.action_show_pane(event.pane)

    # -- keys -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While reading, z and escape leave; otherwise escape is left alone.
        if action == "leave_reading":
            return self.reading
        if action == "reading":
            return not self.reading
        return True

    def action_show_pane(self, pane: Pane) -> None:
        """Focus `pane`; at narrow sizes the source is shown alone."""
        if pane == "source" and self.narrow:
            self.reading = True
        self.pane(pane).focus()

    def action_reading(self) -> None:
        self.reading = True
        self.pane("source").focus()

    def action_leave_reading(self) -> None:
        self.reading = False

    def action_cycle_layout(self) -> None:
        self.pane_layout = LAYOUTS[(LAYOUTS.index(self.pane_layout) + 1) % len(LAYOUTS)]
        where = " (from 110 columns: widths; narrower: heights)" if self.narrow else ""
        self.notify(f"Layout: {LAYOUT_NAMES[self.pane_layout]}{where}", timeout=2)

    def action_toggle_timeline(self) -> None:
        if self.narrow:  # one list shows at a time: T swaps them
            timeline_shown = self.list_pane == "timeline" and not self.reading
            self.pane("statements" if timeline_shown else "timeline").focus()
            return
        self.timeline_hidden = not self.timeline_hidden
        if self.timeline_hidden and self.focused is self.pane("timeline"):
            self.pane("statements").focus()
