"""GenevaApp: the application object, its global keys and its palette."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from ..core.query import Filter, Index
from .commands import FilterCommands, GotoCommands
from .screens.help import HelpScreen
from .screens.main import MainScreen, Target


class GenevaApp(App[None]):
    """Who said what, where and when at the January 2022 security talks."""

    TITLE = "genevatui"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {FilterCommands, GotoCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(self, index: Index, flt: Filter | None = None, goto: Target | None = None) -> None:
        super().__init__()
        self.index = index
        self.initial_filter = flt or Filter()
        self.goto = goto

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.index, self.initial_filter, self.goto))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
