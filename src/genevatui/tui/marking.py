"""Marks and notes in the main screen (issue 11 §2): `m` marks or unmarks
the selected statement or event, `a` edits the user's note on it, `'`
lists every mark and note, `M` keeps only what is marked.

The store is the app's (`app.user.marks`, core.marks.MarkStore); the
screen owns the filter and the selection. `Marking` is the screen's side
of the store, as `TextSearch` is of the search box: the screen's actions
call it, and it tells the panes to redraw the rows whose sign changed
(their drawn rows are cached by what they show, the sign included).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from ..core.marklist import marked_count, note_line
from ..core.marks import Mark, MarkKind, MarkStore
from ..core.query import Index
from ..core.spans import Target
from ..core.text import shown
from ..core.userfiles import UserFileError
from .widgets.source_info import SourceInfo
from .widgets.statements import Statements
from .widgets.timeline import Timeline

if TYPE_CHECKING:
    from .app import GenevaApp
    from .screens.main import MainScreen

MARK_BINDINGS = [
    Binding(
        "m",
        "mark",
        "Mark",
        tooltip="Mark or unmark the selected statement or event (kept across runs)",
        # Not in the key bar: at 120 columns it would push out ^p; the help lists it.
        show=False,
        id="main.mark",
    ),
    Binding(
        "a",
        "note",
        "Note",
        tooltip="Your own note on the selected statement or event",
        show=False,
        id="main.note",
    ),
    Binding(
        "apostrophe",
        "marks",
        "Marks",
        tooltip="Every mark and note (orphaned ones too): enter goes to one",
        show=False,
        id="main.marks",
    ),
    Binding(
        "M",
        "marked_only",
        "Marked only",
        tooltip="Show only what is marked, or everything again",
        show=False,
        id="main.marked_only",
    ),
]


def store_of(app: App[object] | App[None]) -> MarkStore:
    """The app's marks and notes (a GenevaApp's `user.marks`)."""
    return cast("GenevaApp", app).user.marks


def user_note(out: Text, note: str) -> None:
    """Add the user's note to a citation block: one line, set apart from
    the curator's "Note:" by its sign and its words."""
    if note:
        out.append("\n✎ Your note:", style="bold reverse")
        out.append(" " + note_line(note))


def target_id(index: Index, target: Target | None) -> tuple[MarkKind, str] | None:
    """The (kind, id) a mark on `target` is stored under; None for nothing
    markable (no selection, a reading of a disagreement)."""
    if target is None:
        return None
    kind, key = target
    spec = index.dataset.spec
    if kind == "quote":
        return "quote", spec.quotes[key].id
    if kind == "assessment":
        return "assessment", spec.assessments[key].id
    if kind == "event":
        return "event", spec.events[key].id
    return None


class Marking:
    """The marks' side of the main screen: its actions call these."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    @property
    def store(self) -> MarkStore:
        return store_of(self.screen.app)

    def start(self) -> None:
        """Once the panes exist: give them the store, say what the store
        had to move aside (once), and draw the signs."""
        store = self.store
        for pane in (self.screen.query_one(Statements), self.screen.query_one(Timeline)):
            pane.marks = store
        for warning in store.warnings:
            self.screen.notify(shown(warning), severity="warning", timeout=15, markup=False)
        store.warnings.clear()

    def selected(self) -> Target | None:
        return self.screen.selected()

    def _selected(self) -> tuple[MarkKind, str] | None:
        found = target_id(self.screen.index, self.selected())
        if found is None:
            self.screen.app.bell()
            self.screen.notify("Select a statement or an event to mark it.", timeout=3)
        return found

    def toggle(self) -> None:
        found = self._selected()
        if found is None:
            return
        store = self.store
        now = not store.is_marked(*found)
        self._change(lambda: store.set_marked(*found, now))
        count = marked_count(store.marks())
        said = "Marked" if now else "Unmarked"
        self.screen.notify(f"{said} · {count} marked · ' lists them", timeout=3)

    def edit_note(self) -> None:
        found = self._selected()
        if found is None or self.screen._leaving():
            return
        from .screens.note_editor import NoteEditor

        kind, id_ = found
        title = self._title(self.selected())

        def done(text: str | None) -> None:
            if text is not None:
                self._change(lambda: self.store.set_note(kind, id_, text))
                self.screen.notify("Note saved." if text.strip() else "Note removed.", timeout=3)

        self.screen.app.push_screen(NoteEditor(title, self.store.note(kind, id_)), done)

    def _title(self, target: Target | None) -> str:
        from .describe import describe

        if target is None:
            return ""
        first = describe(self.screen.index, target).plain.split("\n", 1)[0]
        return first

    def open_view(self) -> None:
        if self.screen._leaving():
            return
        from .screens.marks_view import MarksScreen

        def chosen(target: Target | None) -> None:
            if target is not None:
                self.screen.go_to(target)

        self.screen.app.push_screen(MarksScreen(self.screen.index, self), chosen)

    def toggle_filter(self) -> None:
        screen = self.screen
        screen.filter = screen.filter.with_marked(not screen.filter.marked)
        where = "marked only (M again: everything)" if screen.filter.marked else "everything"
        screen.notify(f"Showing {where}", timeout=3)

    def change(self, kind: MarkKind, id_: str, edit: str, value: str | bool) -> None:
        """For the marks view: mark/unmark (`edit` "marked") or set the note."""
        store = self.store
        if edit == "marked":
            self._change(lambda: store.set_marked(kind, id_, bool(value)))
        else:
            self._change(lambda: store.set_note(kind, id_, str(value)))

    def _change(self, apply: Callable[[], None]) -> None:
        """Apply a change to the store; a failed save is said, the change
        kept in memory (the store saves it with the next change)."""
        try:
            apply()
        except UserFileError as exc:
            later = "kept until you quit" if self.store.read_only else "saved with the next change"
            self.screen.notify(
                f"{shown(str(exc))} (kept for now; {later})",
                severity="error",
                timeout=8,
                markup=False,
            )
        # A note another window changed meanwhile: both texts kept, say so.
        for warning in self.store.warnings:
            self.screen.notify(shown(warning), severity="warning", timeout=10, markup=False)
        self.store.warnings.clear()
        self.changed()

    def changed(self) -> None:
        """The marks changed: the index's "marked only", the panes' signs,
        the citation block's note."""
        screen = self.screen
        app = cast("GenevaApp", screen.app)
        app.marks_changed()
        if screen.filter.marked:
            screen._refresh_panes()  # the Index dropped its "marked only" results
        else:
            screen.query_one(Statements).refresh()
            screen.query_one(Timeline).refresh()
        if screen.shown is not None:  # the user's note in the citation block
            screen.query_one(SourceInfo).update(screen.citation(screen.shown))
        if screen.keeper is not None:  # the place goes with the mark, not a second later
            screen.keeper.save(screen)

    def mark_of(self, kind: MarkKind, id_: str) -> Mark | None:
        return self.store.get(kind, id_)
