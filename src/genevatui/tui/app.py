"""GenevaApp: the application object, its global keys and its palette."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import App, AutopilotCallbackType
from textual.binding import Binding, BindingType
from textual.message import Message

from ..core.filters import Filter
from ..core.marks import MarkStore
from ..core.problems import DatasetError
from ..core.query import Index, UnknownName
from ..core.session import SessionMode
from ..core.text import shown
from .preferences import Preferences
from .screens.main import MainScreen

if TYPE_CHECKING:
    from .session_keeper import SessionKeeper

Progress = Callable[[str, float], None]
EXIT_INTERNAL = 70  # EX_SOFTWARE, as the CLI uses for an unexpected error
EXIT_INTERRUPTED = 130


# The help and the loading screen are imported when first used: start-up
# pays only for what the first frame shows. The palette's own commands
# belong to the main screen (`MainScreen.COMMANDS`).
Loader = Callable[[Progress], Index]


@dataclass(frozen=True, slots=True)
class UserFiles:
    """What the app keeps of the user's for this dataset (issue 11): the
    marks and notes (`marks`; in memory only when the dataset has no file),
    the dataset's path that keys the session (None: none), and what to do
    with the saved session (`SessionMode`)."""

    marks: MarkStore
    path: Path | None
    session: SessionMode


class _Abandoned(BaseException):
    """Raised in the loading thread once the app is gone: stop working.

    A BaseException, so that no `except Exception` in the loader catches it."""


class GenevaApp(App[None]):
    """Who said what, where and when at the January 2022 security talks.

    Built by `genevatui.create_app`. Given an `index`, it opens on the main
    screen; given a `loader` (a large dataset not in the cache), it shows a
    progress screen while a thread loads, then opens the main screen, or
    exits with `problems` set and return code 1 (bad data), 2 (unknown
    filter name or id) or 70 (the loader failed unexpectedly) for the caller
    to print. SIGTERM, SIGHUP and SIGINT end it cleanly with 128 + signum.
    """

    TITLE = "genevatui"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    class Loaded(Message):
        """The loading thread built `index`."""

        def __init__(self, index: Index) -> None:
            super().__init__()
            self.index = index

    class LoadFailed(Message):
        """The loading thread failed: print `lines`, exit with `code`."""

        def __init__(self, lines: list[str], code: int) -> None:
            super().__init__()
            self.lines = lines
            self.code = code

    class LoadProgress(Message):
        """The loading thread reached `stage`, `fraction` (0..1) done."""

        def __init__(self, stage: str, fraction: float) -> None:
            super().__init__()
            self.stage = stage
            self.fraction = fraction

    def __init__(
        self,
        index: Index | None = None,
        flt: Filter | None = None,
        goto: str | None = None,
        *,
        loader: Loader | None = None,
        label: str = "",
        user: UserFiles | None = None,
    ) -> None:
        super().__init__()
        self.user = user or UserFiles(MarkStore(None), None, "off")
        self.index = index
        self.initial_filter = flt or Filter()
        self.goto = goto
        self.loader = loader
        self.label = label
        self.problems: list[str] = []
        self.exiting = False
        """True once `exit` was called: input is ignored from then on."""
        self.prefs = Preferences(self)
        """The config file's settings (issue 11 §5), read on mount."""

    # -- ending ------------------------------------------------------------------
    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        if not self.exiting:
            self._save_marks()
        self.exiting = True
        super().exit(result, return_code, message)

    def _save_marks(self) -> None:
        """A last try at marks whose save failed (a full disk, a folder
        made read-only): said on stderr after the app, where it is seen."""
        from ..core.userfiles import UserFileError

        try:
            self.user.marks.save()
        except UserFileError as exc:
            self.problems.append(f"genevatui: {exc}; the last marks and notes are not saved")

    async def on_event(self, event: events.Event) -> None:
        # Keys typed in the same burst as `q` are already queued behind it:
        # run now, they would push pickers, the palette or the help onto an
        # app that is tearing its screens down (NoMatches, a traceback).
        if self.exiting and isinstance(event, events.InputEvent | events.Paste):
            return
        await super().on_event(event)

    async def run_async(
        self,
        *,
        headless: bool = False,
        inline: bool = False,
        inline_no_clear: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
        auto_pilot: AutopilotCallbackType | None = None,
    ) -> None:  # returns what `exit` was given (snapshot tools pass an SVG)
        """App.run_async, with SIGTERM, SIGHUP and SIGINT ending the app cleanly
        (`App.run` goes through here; Pilot's `run_test` does not)."""
        from .terminal import exit_on_signals

        with exit_on_signals(self):
            return await super().run_async(
                headless=headless,
                inline=inline,
                inline_no_clear=inline_no_clear,
                mouse=mouse,
                size=size,
                auto_pilot=auto_pilot,
            )

    def action_interrupt(self) -> None:
        """ctrl+c while loading: stop, as a shell's ^C would (exit 130)."""
        self.exit(return_code=EXIT_INTERRUPTED)

    # -- opening -----------------------------------------------------------------
    def on_mount(self) -> None:
        self.prefs.load()  # settings (issue 11 §5): keymap and theme before the first screen
        if self.index is not None:
            self._open(self.index)
        elif self.loader is not None:
            from .screens.loading import LoadingScreen

            self.push_screen(LoadingScreen(self.label))
            # A daemon thread, not a Textual thread worker: those run in the
            # loop's default executor, which asyncio.run and the interpreter
            # both wait for at exit, so `q` or a signal during a long load
            # would leave the process running until the load ended.
            threading.Thread(target=self._load, name="genevatui-load", daemon=True).start()

    def _open(self, index: Index) -> None:
        try:
            index.check(self.initial_filter)
            target = index.target(self.goto) if self.goto else None
        except UnknownName as exc:
            self._fail([f"genevatui: {exc}"], 2)
            return
        self.index = index
        self.marks_changed()
        flt, keeper = self._session(index)
        screen = MainScreen(index, flt, target, keeper)
        if self.loader is not None:  # the loading screen is showing
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _session(self, index: Index) -> tuple[Filter, SessionKeeper | None]:
        """The filter to open with and the keeper of the saved session: the
        command line's filter and no keeper when sessions are off."""
        user = self.user
        if user.session == "off" or user.path is None:
            return self.initial_filter, None
        from ..core.session import checked_session, load_session, starting_session
        from .session_keeper import SessionKeeper

        saved, warnings = load_session(user.path) if user.session == "restore" else (None, [])
        start = starting_session(saved, self.initial_filter, fresh=user.session == "fresh")
        start, more = checked_session(start, index.check)
        for line in warnings + more:
            self.notify(line, severity="warning", timeout=10)
        return start.filter, SessionKeeper(user.path, start)

    def _load(self) -> None:
        """The loading thread: load, then hand the result to the UI thread.

        Whatever happens here ends in a message: a hung loading screen is
        never an outcome."""
        assert self.loader is not None
        last = 0.0

        def progress(stage: str, fraction: float) -> None:
            nonlocal last
            if self.exiting:
                raise _Abandoned
            now = time.monotonic()
            if now - last > 0.05:  # at most 20 screen updates a second
                last = now
                self._post(self.LoadProgress(stage, fraction))

        try:
            index = self.loader(progress)
        except _Abandoned:
            return
        except DatasetError as exc:
            self._post(self.LoadFailed(exc.report_lines(), 1))
        except Exception as exc:  # a bug or an unforeseen input: say so, exit 70
            self._post(self.LoadFailed([internal_error(self.label, exc)], EXIT_INTERNAL))
        else:
            self._post(self.Loaded(index))

    def _post(self, message: Message) -> None:
        try:
            self.post_message(message)
        except RuntimeError:  # the app has closed its loop: nobody is waiting
            pass

    def on_geneva_app_loaded(self, message: Loaded) -> None:
        if not self.exiting:
            self._open(message.index)

    def on_geneva_app_load_failed(self, message: LoadFailed) -> None:
        self._fail(message.lines, message.code)

    def on_geneva_app_load_progress(self, message: LoadProgress) -> None:
        from .screens.loading import LoadingScreen

        if not self.exiting and isinstance(self.screen, LoadingScreen):
            self.screen.report(message.stage, message.fraction)

    def _fail(self, lines: list[str], code: int) -> None:
        if self.exiting:  # already leaving (q, a signal): keep that outcome
            return
        self.problems = lines
        self.exit(return_code=code)

    def marks_changed(self) -> None:
        """Tell the index what is marked now (its "marked only" filter)."""
        if self.index is not None:
            marks = self.user.marks
            self.index.set_marked(marks.marked_by_kind())

    def watch_theme(self, theme: str) -> None:
        self.prefs.theme_changed(theme)  # settings (issue 11 §5): remembered

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not self.exiting and not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def internal_error(label: str, exc: Exception) -> str:
    """One safe line for an unexpected failure while loading `label`."""
    detail = shown(str(exc))
    if len(detail) > 300:
        detail = detail[:300] + "…"
    where = shown(label)
    return f"genevatui: internal error while loading {where}: {type(exc).__name__}: {detail}"
