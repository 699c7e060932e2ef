"""The main screen's keys for citing and keeping (issue 11): copy with
citation (`Copier`), marks and notes (`Marking`), export (`ExportScreen`).

A mixin of MainScreen's actions and the bindings and palette providers
they come with, so that the screen lists them in one line each: the work
is done by the objects named above, each in its own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import Provider

from ..copy import CHOOSE_BINDING, COPY_BINDING
from ..marking import MARK_BINDINGS

if TYPE_CHECKING:
    from .main import MainScreen

KEEPING_BINDINGS = [
    COPY_BINDING,  # y
    CHOOSE_BINDING,  # Y
    *MARK_BINDINGS,  # m a ' M
    Binding(
        "e",
        "export",
        "Export",
        tooltip="Export the view, the marks or the chronology to a file; "
        "the extension chooses the format (.md .csv .json .jsonl .csl.json)",
        id="main.export",
    ),
]


def marks_commands() -> type[Provider]:
    from ..marks_commands import MarksCommands

    return MarksCommands


def export_commands() -> type[Provider]:
    from .export_dialog import ExportCommands

    return ExportCommands


class Keeping:
    """MainScreen's actions for KEEPING_BINDINGS."""

    @property
    def _main(self) -> MainScreen:
        return cast("MainScreen", self)  # only MainScreen mixes this in

    def action_copy_cited(self) -> None:
        self._main.copier.copy()

    def action_copy_as(self) -> None:
        self._main.copier.choose()

    def action_mark(self) -> None:
        self._main.marking.toggle()

    def action_note(self) -> None:
        self._main.marking.edit_note()

    def action_marks(self) -> None:
        self._main.marking.open_view()

    def action_marked_only(self) -> None:
        self._main.marking.toggle_filter()

    def action_export(self) -> None:
        screen = self._main
        if screen._leaving():
            return
        from ...core.export_file import user_notes
        from ..marking import store_of
        from .export_dialog import ExportScreen

        notes = user_notes(store_of(screen.app).marks())  # every export carries them
        screen.app.push_screen(ExportScreen(screen.index, screen.filter, notes=notes))
