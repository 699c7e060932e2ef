"""The text search of the main screen (issue 10 §1): `/` opens the box in
the filter bar, what is typed filters as it is typed, enter keeps it,
escape goes back to the text before `/`; the matches are marked in the
statements and the source; ctrl+n searches the curator's notes too, or not.

The screen owns the filter; `TextSearch` changes it through the screen and
holds only what the box needs between keys (the text before `/`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from textual.binding import Binding

from ...core.filters import Filter
from ...core.search import parse
from ..widgets.filter_bar import FilterBar
from ..widgets.source_view import SourceView
from ..widgets.statements import Statements

if TYPE_CHECKING:
    from .main import MainScreen

SEARCH_BINDING = Binding("slash", "search", "Search", id="main.search")
NOTES_BINDING = Binding(
    "ctrl+n",
    "toggle_notes",
    "Search notes",
    tooltip="Text search: also in the curator's notes, or not (in the box too)",
    show=False,
    id="main.search_notes",
)


class TextSearch:
    """The search box's side of the screen's filter: the screen's actions
    and filter-bar handlers call these methods."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.before = ""
        """The filter's text when `/` was pressed: escape goes back to it."""

    def open(self) -> None:
        self.before = self.screen.filter.text
        self.screen.query_one(FilterBar).open_search(self.before)

    def changed(self, text: str, final: bool) -> None:
        self.screen.filter = self.screen.filter.with_text(text)
        if final:
            self._leave()

    def left(self) -> None:
        # escape abandons what was typed since `/`; enter is the way to keep it
        self.screen.filter = self.screen.filter.with_text(self.before)
        self._leave()

    def _leave(self) -> None:
        self.screen.query_one(FilterBar).close_search()
        self.screen.query_one(Statements).focus()

    def highlight(self, flt: Filter) -> None:
        """Mark `flt`'s text matches in the statements and the source."""
        query = parse(flt.text)
        self.screen.query_one(Statements).highlight(query)
        self.screen.query_one(SourceView).highlight(query)

    def toggle_notes(self) -> None:
        screen = self.screen
        screen.filter = msgspec.structs.replace(screen.filter, in_notes=not screen.filter.in_notes)
        where = "words and the curator's notes" if screen.filter.in_notes else "words only"
        screen.notify(f"Text search: {where} (ctrl+n)", timeout=3)
