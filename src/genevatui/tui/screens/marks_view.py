"""The marks view (issue 11 §2, `'`): every mark and note, in the order of
the records' dates, then the orphaned ones (their target gone from the
dataset) under their own heading, kept. enter goes to one (through the
screen's jump, so `[` comes back), m marks or unmarks it, a edits its
note, escape closes.

Rows are the core's (`core.marklist.mark_rows`); a row unmarked here stays
listed until the view closes, so a slip of `m` is undone with `m`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.marklist import ORPHANS_HEADING, MarkRow, mark_rows, marked_count, note_line, row_text
from ...core.marks import Mark, MarkKind
from ...core.query import Index
from ...core.spans import Target

if TYPE_CHECKING:
    from ..marking import Marking

EMPTY = (
    "Nothing is marked or annotated yet: m marks the selected statement or event, a adds a note."
)


class MarksScreen(ModalScreen[Target | None]):
    """Lists the marks and notes; dismisses with the target to go to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "toggle_mark", "Mark / unmark", id="marks.toggle"),
        Binding("a", "note", "Note", tooltip="Edit your note on it", id="marks.note"),
        Binding("escape,apostrophe", "close", "Close", id="marks.close"),
    ]

    def __init__(self, index: Index, marking: Marking) -> None:
        super().__init__()
        self.index = index
        self.marking = marking
        self.keys: list[tuple[MarkKind, str]] = [m.key for m in marking.store.marks()]
        """Every target listed since the view opened (unmarked ones stay)."""
        self.rows: list[MarkRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-view"):
            yield OptionList(id="marks-list")
            yield Static(EMPTY, id="marks-empty", markup=False)

    def on_mount(self) -> None:
        frame = self.query_one("#marks-view", Vertical)
        frame.border_title = "Marks and notes"
        frame.border_subtitle = "enter goes to it · m mark/unmark · a note · escape closes"
        self.refill()
        self.query_one(OptionList).focus()

    def refill(self) -> None:
        """List the rows again from the store, keeping the highlight."""
        store = self.marking.store
        known = set(self.keys)
        self.keys += [m.key for m in store.marks() if m.key not in known]
        marks = [store.get(kind, id_) or Mark(kind=kind, id=id_) for kind, id_ in self.keys]
        self.rows = mark_rows(marks, self.index)
        listing = self.query_one(OptionList)
        at = listing.highlighted
        listing.clear_options()
        options: list[Option] = []
        orphans = False
        for n, row in enumerate(self.rows):
            if row.orphaned and not orphans:
                orphans = True
                options.append(Option(Text(ORPHANS_HEADING, style="bold"), disabled=True))
            options.append(Option(_prompt(row), id=str(n)))
        listing.add_options(options)
        listing.display = bool(self.rows)
        self.query_one("#marks-empty", Static).display = not self.rows
        if self.rows:
            listing.highlighted = at if at is not None and at < len(options) else 0
            if listing.highlighted_option and listing.highlighted_option.disabled:
                listing.action_cursor_down()
        count = marked_count(m for m in marks)
        notes = sum(1 for m in marks if m.note)
        self.query_one(
            "#marks-view", Vertical
        ).border_title = (
            f"Marks and notes · {count} marked · {notes} note{'s' if notes != 1 else ''}"
        )

    def _current(self) -> MarkRow | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.rows[int(option.id)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        row = self.rows[int(event.option.id)]
        if row.target is None:
            self.app.bell()
            self.notify(
                "Its target is no longer in the dataset: kept here, shown nowhere.", timeout=4
            )
            return
        self.dismiss(row.target)

    def action_toggle_mark(self) -> None:
        row = self._current()
        if row is None:
            self.app.bell()
            return
        kind, id_ = row.mark.key
        self.marking.change(kind, id_, "marked", not row.mark.marked)
        self.refill()

    def action_note(self) -> None:
        row = self._current()
        if row is None:
            self.app.bell()
            return
        from .note_editor import NoteEditor

        kind, id_ = row.mark.key
        title = row_text(row)[2:]

        def done(text: str | None) -> None:
            if text is not None:
                self.marking.change(kind, id_, "note", text)
                self.refill()

        self.app.push_screen(NoteEditor(title, row.mark.note), done)

    def action_close(self) -> None:
        self.dismiss(None)


def _prompt(row: MarkRow) -> Text:
    """A row: its sign, date, who and first words; the note on a second line."""
    out = Text(row_text(row))
    if not row.mark.marked and not row.mark.note:
        out.append("  (unmarked)", style="italic")
    if row.mark.note:
        out.append("\n   ✎ ", style="bold")
        out.append(note_line(row.mark.note), style="italic")
    return out
