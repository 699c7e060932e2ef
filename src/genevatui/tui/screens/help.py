"""The help screen: every key, generated from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.filter_bar import SearchInput
from ..widgets.picker_list import PickerList
from ..widgets.source_view import SourceView
from ..widgets.statements import Statements
from ..widgets.timeline import Timeline
from ..widgets.virtual_list import VirtualList
from .copy_dialog import CopyScreen
from .date_range import DateRangeScreen
from .export_dialog import ExportScreen
from .layout import LayoutScreen
from .main import MainScreen
from .marks_view import MarksScreen
from .note_editor import NoteEditor
from .picker import PickerScreen
from .record_screen import RecordScreen

EXTRA = [
    ("Everywhere", "tab / shift+tab", "Move between panes"),
    ("Everywhere", "ctrl+p", "Command palette: filter by anything, go to any event or quote"),
    ("Everywhere", "?", "This help"),
    ("Everywhere", "q", "Quit"),
]
SECTIONS: list[tuple[str, type]] = [
    ("Everywhere", MainScreen),
    ("Everywhere", RecordScreen),  # issue 10 §1: i, g, < and >
    # Layout (issue 10 §3): 1 2 3 panes, z reading mode, L proportions, T timeline
    ("Layout", LayoutScreen),
    ("Lists", VirtualList),
    ("Timeline", Timeline),
    ("Statements", Statements),
    ("Source", SourceView),
    ("Search box", SearchInput),
    ("Picker", PickerScreen),
    # Filters (issue 10 §2): ticking and hiding in a picker's list, the date range
    ("Picker list", PickerList),
    ("Date range", DateRangeScreen),
    ("Copy dialog", CopyScreen),  # copy with citation (issue 11 §1), and COPY_NOTE
    # Marks and notes (issue 11 §2): m a ' M on the main screen; these in their views
    ("Marks view", MarksScreen),
    ("Note editor", NoteEditor),
    # Export (issue 11 §4): e opens the dialog; ↑↓ choose what, the extension the format
    ("Export", ExportScreen),
]
COPY_NOTE = (
    "Copy: y copies the selected statement or event with its citation, in the config "
    "file's copy_format (plain text unless set); Y chooses the format and shows the exact "
    "text. The copy is sent with OSC 52, so it works over SSH; inside tmux it needs "
    "`set -g set-clipboard on` (when tmux would drop it, y says so and shows the text). "
    "If your terminal ignores OSC 52, select the text in the Y dialog or write it to a file."
)


def _key_name(keys: str) -> str:
    names = {"left_square_bracket": "[", "right_square_bracket": "]", "slash": "/"}
    names |= {"less_than_sign": "<", "greater_than_sign": ">"}  # issue 10 §1
    names |= {"apostrophe": "'"}  # issue 11 §2
    return " / ".join(names.get(k, k) for k in keys.split(","))


def help_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    rows: list[tuple[str, str, Text]] = [(a, b, Text(c)) for a, b, c in EXTRA]
    for section, cls in SECTIONS:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                text = Text(binding.tooltip or binding.description)
                if binding.id:  # what the config file's [keymap] names
                    text.append(f"  {binding.id}", style="italic")  # not dim: WCAG AA
                rows.append((section, _key_name(binding.key), text))
    last = None
    for section, key, description in rows:
        table.add_row(Text(section if section != last else ""), Text(key), description)
        last = section
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("genevatui — keys", style="bold"), id="help-title")
            yield Static(help_table())
            yield Static(
                Text(
                    "Filters: kinds combine with AND, several values of one kind with OR; "
                    "a value hidden with - in a picker is filtered out. Names, ids and "
                    "aliases match, ignoring case and accents. [ and ] restore the "
                    "filters each place had. Marks (● in the rows) and your notes (✎) are "
                    "kept per dataset in the user data folder (GENEVATUI_DATA_DIR)."
                ),
                id="help-footer",
            )
            yield Static(Text(COPY_NOTE), id="help-copy")

    def action_close(self) -> None:
        self.dismiss(None)
