"""GenevaApp: the application object, its global keys and its palette."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider

from ..core.problems import DatasetError
from ..core.query import Filter, Index, UnknownName
from .screens.main import MainScreen

Progress = Callable[[str, float], None]


# The palette's providers, the help and the loading screen are imported when
# first used: start-up pays only for what the first frame shows.
def _filter_commands() -> type[Provider]:
    from .commands import FilterCommands

    return FilterCommands


def _goto_commands() -> type[Provider]:
    from .commands import GotoCommands

    return GotoCommands


Loader = Callable[[Progress], Index]


class GenevaApp(App[None]):
    """Who said what, where and when at the January 2022 security talks.

    Built by `genevatui.create_app`. Given an `index`, it opens on the main
    screen; given a `loader` (a large dataset not in the cache), it shows a
    progress screen while a worker thread loads, then opens the main screen,
    or exits with `problems` set and return code 1 (bad data) or 2 (unknown
    filter name or id) for the caller to print.
    """

    TITLE = "genevatui"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {_filter_commands, _goto_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        index: Index | None = None,
        flt: Filter | None = None,
        goto: str | None = None,
        *,
        loader: Loader | None = None,
        label: str = "",
    ) -> None:
        super().__init__()
        self.index = index
        self.initial_filter = flt or Filter()
        self.goto = goto
        self.loader = loader
        self.label = label
        self.problems: list[str] = []

    def on_mount(self) -> None:
        if self.index is not None:
            self._open(self.index)
        elif self.loader is not None:
            from .screens.loading import LoadingScreen

            self.push_screen(LoadingScreen(self.label))
            self.run_worker(self._load, thread=True, exit_on_error=False)

    def _open(self, index: Index) -> None:
        try:
            index.check(self.initial_filter)
            target = index.target(self.goto) if self.goto else None
        except UnknownName as exc:
            self._fail([f"genevatui: {exc}"], 2)
            return
        self.index = index
        if self.loader is not None:  # the loading screen is showing
            self.switch_screen(MainScreen(index, self.initial_filter, target))
        else:
            self.push_screen(MainScreen(index, self.initial_filter, target))

    def _load(self) -> None:
        """Worker thread: load, then hand the index to the UI thread."""
        assert self.loader is not None
        last = 0.0

        def progress(stage: str, fraction: float) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last > 0.05:  # at most 20 screen updates a second
                last = now
                self.call_from_thread(self._progress, stage, fraction)

        try:
            index = self.loader(progress)
        except DatasetError as exc:
            self.call_from_thread(self._fail, exc.report_lines(), 1)
            return
        self.call_from_thread(self._open, index)

    def _progress(self, stage: str, fraction: float) -> None:
        from .screens.loading import LoadingScreen

        if isinstance(self.screen, LoadingScreen):
            self.screen.report(stage, fraction)

    def _fail(self, lines: list[str], code: int) -> None:
        self.problems = lines
        self.exit(return_code=code)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
