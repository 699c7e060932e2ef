"""The note editor (issue 11 §2, `a`): the user's own note on a statement
or event. ctrl+s or Save keeps it (an empty note removes it); escape
leaves, asking first when the text was changed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ...core.text import shown

ASK = "Unsaved changes: escape again discards them, ctrl+s saves."


class NoteEditor(ModalScreen[str | None]):
    """Edits `note` on the record described by `title` (plain text, never
    markup); dismisses with the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Save", tooltip="Keep the note (empty: remove it)", id="note.save"
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Leave without saving (asks first if the text changed)",
            id="note.cancel",
        ),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.asked = False
        """Escape was pressed once over changed text: the next one discards."""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            yield Static(Text(shown(self.title_text)), id="note-about", markup=False)
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="note-ask", markup=False)
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", id="note-save", variant="primary")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        frame = self.query_one("#note-editor", Vertical)
        frame.border_title = "Your note"
        frame.border_subtitle = "ctrl+s saves · escape cancels · empty removes it"
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def changed(self) -> bool:
        return self.text.strip() != self.note.strip()

    @on(TextArea.Changed)
    def _edited(self) -> None:
        if self.asked:  # typing again after the question: ask again next time
            self.asked = False
            self.query_one("#note-ask", Static).update("")

    @on(Button.Pressed, "#note-save")
    def action_save(self) -> None:
        self.dismiss(self.text)

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        if self.changed and not self.asked:
            self.asked = True
            self.query_one("#note-ask", Static).update(ASK)
            self.app.bell()
            return
        self.dismiss(None)
