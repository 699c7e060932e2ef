"""The copy dialog (`Y`, issue 11 §1): the formats, the exact text each one
copies, and writing it to a file.

The preview is a read-only TextArea: the mouse selects in it (and ctrl+c
copies the selection), so a reader whose terminal ignores OSC 52 can still
take the text with the terminal's own selection or from the file.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ...core.cite import Citation
from ...core.cite_text import CITE_FORMATS, render
from ...core.save_as import FileExists, SaveError, save_text, target_path
from ...core.text import shown
from ..widgets.safe_input import SafeInput

FORMAT_LABELS = {
    "plain": "Plain text",
    "markdown": "Markdown",
    "csl-json": "CSL-JSON",
    "bare": "Bare quote",
}
"""What each of `CITE_FORMATS` is called on screen."""
EXTENSIONS = {"plain": ".txt", "markdown": ".md", "csl-json": ".json", "bare": ".txt"}

HINT = "↑↓ format · enter copy · w to a file · tab/mouse select text · q close"
WRITE_HINT = "enter write · escape back"


def format_label(fmt: str) -> str:
    return FORMAT_LABELS.get(fmt, fmt)


class CopyScreen(ModalScreen[None]):
    """Copy `citation` in a format chosen from a list, its text shown as it
    will be copied; `w` writes that text to a file instead. `note` (a line
    above the list) says why the dialog opened by itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="copy_dialog.close"),
        Binding("w", "write", "Write to file", id="copy_dialog.write"),
        Binding("enter", "copy", "Copy", show=False, id="copy_dialog.copy"),
    ]

    def __init__(self, citation: Citation, fmt: str, note: str | None = None) -> None:
        super().__init__()
        self.citation = citation
        self.fmt = fmt if fmt in CITE_FORMATS else "plain"
        self.note = note
        self.confirm: str | None = None
        """The path the user was asked about overwriting (enter again: overwrite)."""

    @property
    def text(self) -> str:
        """Exactly what `enter` copies and `w` writes."""
        return render(self.citation, self.fmt)

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-dialog"):
            if self.note:
                yield Static(self.note, id="copy-note", markup=False)
            yield OptionList(
                *(Option(format_label(f), id=f) for f in CITE_FORMATS), id="copy-formats"
            )
            yield TextArea(
                self.text,
                read_only=True,
                soft_wrap=True,
                highlight_cursor_line=False,
                id="copy-preview",
            )
            with Horizontal(id="copy-write"):
                yield Static("Write to ", markup=False)
                yield SafeInput(id="copy-path")
            yield Static(HINT, id="copy-hint", markup=False)

    def on_mount(self) -> None:
        frame = self.query_one("#copy-dialog")
        frame.border_title = "Copy with citation"
        frame.border_subtitle = shown(self.citation.id)
        formats = self.query_one("#copy-formats", OptionList)
        formats.highlighted = list(CITE_FORMATS).index(self.fmt)
        self.query_one("#copy-write").display = False
        formats.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id in CITE_FORMATS:
            box = self.query_one("#copy-path", Input)
            if box.value == self._file_name():  # not edited: follows the format
                box.value = self._file_name(event.option.id)
            self.fmt = event.option.id
            preview = self.query_one("#copy-preview", TextArea)
            preview.load_text(self.text)
            preview.border_title = f"{format_label(self.fmt)}: exactly what is copied"
            self._ask(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_copy()

    def action_copy(self) -> None:
        if self.query_one("#copy-write").display:
            return  # enter in the path box writes (Input.Submitted)
        self.app.copy_to_clipboard(self.text)
        self.app.notify(f"Copied: {format_label(self.fmt)}", timeout=3, markup=False)
        self.dismiss(None)

    # -- write to file -----------------------------------------------------
    def action_write(self) -> None:
        row = self.query_one("#copy-write")
        box = self.query_one("#copy-path", Input)
        if not row.display:
            box.value = self._file_name()
            row.display = True
            self._ask(None)
        box.focus()

    def _file_name(self, fmt: str | None = None) -> str:
        """The name offered: the record's id and the format's extension."""
        name = self.citation.id + EXTENSIONS.get(fmt or self.fmt, ".txt")
        return shown(name.replace("/", "_"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if not typed:
            self._hint("Type a file name, or escape to go back.")
            return
        path = target_path(typed)
        try:
            save_text(path, self.text, overwrite=self.confirm == str(path))
        except FileExists:
            self._ask(str(path))
            self._hint(f"{shown(str(path))} exists: enter again overwrites it, escape keeps it.")
            return
        except SaveError as exc:
            self._ask(None)
            self._hint(str(exc))
            return
        self.app.notify(f"Wrote {format_label(self.fmt)} to {shown(str(path))}", markup=False)
        self.dismiss(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.confirm is not None and str(target_path(event.value)) != self.confirm:
            self._ask(None)  # another name: ask again if it exists too

    def _ask(self, path: str | None) -> None:
        self.confirm = path
        if path is None:
            writing = self.query_one("#copy-write").display
            self._hint(WRITE_HINT if writing else HINT)

    def _hint(self, text: str) -> None:
        hint = self.query_one("#copy-hint", Static)
        hint.update(text)
        hint.set_class(text not in (HINT, WRITE_HINT), "-problem")

    def action_close(self) -> None:
        row = self.query_one("#copy-write")
        if row.display:  # escape in the path box: back to the formats, nothing written
            row.display = False
            self._ask(None)
            self.query_one("#copy-formats", OptionList).focus()
            return
        self.dismiss(None)
