"""The export dialog (issue 11 §4, `e`): the view, the marks or the
chronology to a file whose extension chooses the format, as VisiData's
save does.

The core does the work (`core.export_file`: the writer by extension, the
checks, the atomic replacement); the dialog asks, shows the progress of a
large export written in a thread, and lets escape stop it, leaving no file.
Every export carries the user's notes (passed in); the marks' events are
written where the format can hold them, and the status line and the
notification say what a format leaves out (csv: quotes only).
"""

from __future__ import annotations

import contextlib
import datetime
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, RadioButton, RadioSet, Static

from ...core.brief import GroupBy
from ...core.chips import chips
from ...core.export_file import (
    ExportProblem,
    What,
    check_target,
    cites_events,
    default_name,
    export_file,
    extensions,
    selection,
    shown_path,
    target,
    writer_of,
)
from ...core.filters import Filter
from ...core.query import Index, Result
from ...core.records import UserNotes
from ...core.text import shown
from ...core.writers import WRITERS, Writer
from ..widgets.radio_choice import Choice, RadioChoice
from ..widgets.safe_input import SafeInput

WHATS: tuple[What, ...] = ("view", "marks", "chronology")
GROUPS: tuple[GroupBy, ...] = ("event", "speaker")
LABEL_WIDTH = 60
HINT = "Formats by extension: " + " ".join(extensions())
NO_MARKS = "none yet (m marks a statement)"


class _Cancelled(Exception):
    """Raised from the progress callback once escape was pressed."""


@dataclass(frozen=True, slots=True)
class Job:
    """One export, checked and ready to write."""

    result: Result
    writer: Writer
    path: Path
    shown: str
    """The path as the user reads it."""
    group_by: GroupBy
    exists: bool
    """A file is there already: ask before replacing it."""
    cite_events: bool
    """The result's events are items to write (the marks')."""
    total: int
    """Records it writes, for the progress bar."""
    summary: str
    """What it writes, in words: "3 quotes and 1 event"."""
    left_out: str
    """What the format cannot hold, in a sentence ("" for nothing)."""


def today() -> datetime.date:
    """The date in the suggested file name (a function, so snapshots fix it)."""
    return datetime.date.today()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class ExportScreen(ModalScreen[None]):
    """What to export, the file, and for a brief its grouping; enter writes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "export", "Export", tooltip="Write the file", id="export.write"),
        # From the path box (which has no use for them): ↑↓ choose what to export,
        # as the hint says; in a radio set its own ↑↓ win.
        Binding("down", "choose(1)", "Next choice", show=False, id="export.next"),
        Binding("up", "choose(-1)", "Previous choice", show=False, id="export.previous"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close; while writing, stop and leave no file",
            id="export.cancel",
        ),
    ]

    class Progressed(Message):
        """The writing thread has written `done` of `total` records."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Finished(Message):
        """The writing thread ended: written, or `problem`, or cancelled."""

        def __init__(self, problem: str | None = None, cancelled: bool = False) -> None:
            super().__init__()
            self.problem = problem
            self.cancelled = cancelled

    def __init__(
        self,
        index: Index,
        flt: Filter,
        cwd: Path | None = None,
        day: datetime.date | None = None,
        notes: UserNotes | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.filter = flt
        self.notes = notes
        """The user's notes by (kind, id): every export carries them."""
        self.cwd = cwd or Path.cwd()
        self.today = day or today()
        self.what: What = "view"
        self.group_by: GroupBy = "event"
        self.suggested = default_name("view", self.today)
        self.job: Job | None = None
        """The export being written, if one is."""
        self.stop = threading.Event()

    # -- building ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(Text("Export", style="bold"), id="export-title")
            with RadioChoice(id="export-what", compact=True):
                for n, what in enumerate(WHATS):
                    yield Choice(Text(self._label(what)), value=n == 0)
            yield SafeInput(self.suggested, id="export-path", select_on_focus=False)
            yield Static(Text(HINT), id="export-hint")
            with Horizontal(id="export-group-row"):
                yield Static(Text("Brief grouped by"), id="export-group-label")
                with RadioChoice(id="export-group", compact=True):
                    yield Choice(Text("event"), value=True)
                    yield Choice(Text("speaker"))
            yield Static(id="export-status")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(
                Text("enter export · tab next · ↑↓ choose · escape cancel"), id="export-keys"
            )

    def _label(self, what: What) -> str:
        result = selection(self.index, self.filter, what)
        brief = WRITERS["markdown"]
        if what == "view":
            named = "; ".join(chip.text for chip in chips(self.index, self.filter))
            view = f"The view ({named})" if named else "The view (no filter)"
            return _cut(f"{view}: {brief.summary(result)}", LABEL_WIDTH)
        if what == "marks":  # the brief holds all of it: what is marked, counted
            marked = brief.summary(result, cite_events=True, index=self.index)
            empty = not (result.quotes or result.events or result.assessments)
            return f"The marks: {NO_MARKS if empty else marked}"
        return f"The chronology: the view's {WRITERS['chronology'].summary(result)} by date"

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self.query_one("#export-path", Input).focus()
        self._update_status()

    # -- choosing ---------------------------------------------------------------
    @on(RadioSet.Changed, "#export-what")
    def _what_changed(self, event: RadioSet.Changed) -> None:
        self.what = WHATS[event.index]
        box = self.query_one("#export-path", Input)
        if box.value == self.suggested:  # not edited: follow the choice
            self.suggested = default_name(self.what, self.today)
            box.value = self.suggested
            box.cursor_position = len(box.value)  # not left inside the new name
        self._update_status()

    def action_choose(self, step: int) -> None:
        buttons = list(self.query_one("#export-what", RadioSet).query(RadioButton))
        now = next((n for n, b in enumerate(buttons) if b.value), 0)
        buttons[(now + step) % len(buttons)].value = True

    @on(RadioSet.Changed, "#export-group")
    def _group_changed(self, event: RadioSet.Changed) -> None:
        self.group_by = GROUPS[event.index]
        self._update_status()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._update_status()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def _update_status(self) -> None:
        """What the file name chooses, or nothing while it chooses nothing
        (an unknown extension is said on enter, not while it is typed)."""
        try:
            writer = writer_of(self.what, self.query_one("#export-path", Input).value)
        except ExportProblem:
            writer = None
        brief = writer is not None and writer.name == "markdown"
        self.query_one("#export-group-row").display = brief
        words = f"Format: {writer.name}, {writer.description}" if writer else ""
        if brief:
            words = f"Format: markdown, a brief grouped by {self.group_by}, with citations"
        if writer is not None and (left := self._left_out(writer)):
            words += f"; {left}"
        self._say(words)

    def _left_out(self, writer: Writer) -> str:
        result = selection(self.index, self.filter, self.what)
        cite = cites_events(self.what)
        return writer.left_out_words(result, cite_events=cite, index=self.index)

    def _say(self, words: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(_cut(words, 200)))
        status.set_class(error, "-error")

    # -- writing ------------------------------------------------------------------
    def action_export(self) -> None:
        if self.job is not None:
            return
        try:
            job = self._checked()
        except ExportProblem as exc:
            self._say(str(exc), error=True)
            return
        if job.exists:

            def answered(replace: bool | None) -> None:
                if replace:
                    self._start(job)
                else:
                    self._say(f"{job.shown} kept as it was; choose another name.")

            from .overwrite import OverwriteScreen

            self.app.push_screen(OverwriteScreen(job.shown), answered)
            return
        self._start(job)

    def _checked(self) -> Job:
        """The export the dialog describes; ExportProblem if it cannot be done."""
        text = self.query_one("#export-path", Input).value
        path = target(text, self.cwd)
        exists = check_target(path, self.cwd)  # a folder given is said first
        writer = writer_of(self.what, path.name)
        result = selection(self.index, self.filter, self.what)
        cite = cites_events(self.what)
        counts = writer.counts(result, cite_events=cite, index=self.index)
        left_out = self._left_out(writer)
        if not sum(counts.values()):
            marked = result.quotes or result.events or result.assessments
            empty = NO_MARKS if self.what == "marks" and not marked else None
            empty = empty or left_out or writer.summary(result, cite_events=cite, index=self.index)
            raise ExportProblem(f"nothing to export: {empty}")
        summary = writer.summary(result, cite_events=cite, index=self.index)
        return Job(
            result, writer, path, shown_path(path, self.cwd), self.group_by, exists, cite,
            sum(counts.values()), summary, left_out,
        )  # fmt: skip

    def _start(self, job: Job) -> None:
        self.job = job
        self.stop.clear()
        for widget in self.query("#export-what, #export-path, #export-group"):
            widget.disabled = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=job.total, progress=0)
        bar.display = True
        self._say(f"Writing {job.shown}… (escape stops, leaving no file)")
        self._write(job)

    @work(thread=True, exit_on_error=False, group="export")
    def _write(self, job: Job) -> None:
        last = -1

        def progress(done: int, total: int) -> None:
            nonlocal last
            if self.stop.is_set():
                raise _Cancelled
            percent = done * 100 // max(total, 1)
            if percent != last:  # at most a hundred messages, however large
                last = percent
                self.post_message(self.Progressed(done, total))

        try:
            export_file(
                self.index, job.result, job.writer, job.path, group_by=job.group_by,
                progress=progress, notes=self.notes, cite_events=job.cite_events,
            )  # fmt: skip
            finished = self.Finished()
        except _Cancelled:
            finished = self.Finished(cancelled=True)
        except ExportProblem as exc:
            finished = self.Finished(str(exc))
        except Exception as exc:  # a bug in a writer: said, never a crash
            finished = self.Finished(f"export failed: {type(exc).__name__}: {shown(str(exc))}")
        with contextlib.suppress(RuntimeError):  # the app (its loop) may be gone
            self.post_message(finished)

    def on_export_screen_progressed(self, message: Progressed) -> None:
        self.query_one("#export-progress", ProgressBar).update(progress=message.done)

    def on_export_screen_finished(self, message: Finished) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        if message.problem is None and not message.cancelled:
            left = f"; {job.left_out}" if job.left_out else ""
            self.app.notify(
                f"Wrote {job.summary} to {job.shown} ({job.writer.name}){left}",
                markup=False,
                severity="warning" if left else "information",
            )
            self.dismiss(None)
            return
        for widget in self.query("#export-what, #export-path, #export-group"):
            widget.disabled = False
        self.query_one("#export-progress").display = False
        self.query_one("#export-path", Input).focus()
        if message.cancelled:
            self._say(f"Stopped: {job.shown} was not written.")
        else:
            self._say(message.problem or "", error=True)

    def action_cancel(self) -> None:
        if self.job is not None:
            self.stop.set()  # the thread stops at its next record and cleans up
            self._say("Stopping…")
            return
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.stop.set()  # the app is closing under a running export: stop it


class ExportCommands(Provider):
    """The palette's "Export…", over the main screen (`MainScreen.COMMANDS`)."""

    TEXT = "Export…"
    HELP = "Write the view, the marks or the chronology to a file (e)"

    def _here(self) -> bool:
        from .main import MainScreen  # (main imports this module lazily)

        return isinstance(self.screen, MainScreen)

    def _run(self) -> None:
        from .main import MainScreen

        if isinstance(self.screen, MainScreen):
            self.screen.action_export()

    async def discover(self) -> Hits:
        if self._here():
            yield DiscoveryHit(self.TEXT, self._run, help=self.HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(self.TEXT)
        if score > 0 and self._here():
            yield Hit(score, matcher.highlight(self.TEXT), self._run, help=self.HELP)
