"""The filter bar: active filters as chips, live counts, the text-filter box.

Chips are never cut between a kind and its value: they wrap onto up to
three lines, then end with "+N more"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ...core.chips import Chip
from ...core.text import shown
from .safe_input import SafeInput

MAX_LINES = 3
"""The chips wrap onto at most this many lines; what does not fit is "+N more"."""
HINT = "no filters · / text · s speaker · t topic · r dates · d delegation · v venue"


def chip_text(chip: Chip, width: int | None = None) -> Text:
    """One chip, ` speaker: Wendy Sherman `, its value cut with "…" only when
    the chip alone is wider than `width` (the kind is never cut)."""
    text = Text(f" {chip.label}: ", style="bold reverse")
    value = Text(chip.value, style="reverse italic" if chip.negated else "reverse")
    if width is not None and text.cell_len + value.cell_len + 1 > width:
        value.truncate(max(width - text.cell_len - 1, 1), overflow="ellipsis")
    text.append_text(value)
    text.append(" ", style="reverse")
    return text


def lay_out(chips: Sequence[Chip], widths: Sequence[int]) -> list[Text]:
    """The chips packed onto lines, line `i` being `widths[i]` cells wide,
    never cut between a kind and its value; when they need more lines than
    `widths` has, the last line ends with "+N more"."""
    if not chips:
        return [hint(widths[0])]
    pieces = [chip_text(c, max(widths)) for c in chips]
    rows: list[list[Text]] = [[]]
    used = 0
    for n, piece in enumerate(pieces):
        need = piece.cell_len + (1 if rows[-1] else 0)
        if used + need > widths[len(rows) - 1]:
            if len(rows) == len(widths):  # no line left: "+N more" on the last one
                return [*_joined(rows[:-1]), _with_more(rows[-1], len(pieces) - n, widths[-1])]
            rows.append([])
            used, need = 0, piece.cell_len
        rows[-1].append(piece)
        used += need
    return _joined(rows)


def hint(width: int) -> Text:
    """As much of HINT as fits `width`, whole keys only ("no filters · / text
    · s speaker" at 60 columns, nothing where "no filters" does not fit),
    never cut in the middle of one."""
    parts = HINT.split(" · ")
    while parts and cell_len(" · ".join(parts)) > width:
        parts.pop()
    return Text(" · ".join(parts))


def _with_more(row: list[Text], left: int, width: int) -> Text:
    """`row` ending with "+N more", dropping chips from its end to make room."""
    row = list(row)
    while True:
        more = Text(f"+{left} more", style="bold")
        if not row or sum(p.cell_len + 1 for p in row) + more.cell_len <= width:
            return Text(" ").join([*row, more])
        row.pop()
        left += 1


def _joined(rows: list[list[Text]]) -> list[Text]:
    return [Text(" ").join(row) for row in rows]


PLACEHOLDERS = {False: "filter text… (ctrl+n: and notes)", True: "filter text and notes…"}


class SearchInput(SafeInput):
    """The text filter box; `escape` leaves it (the screen restores the text)."""

    def __init__(self, **kwargs: object) -> None:
        # Reopening the box continues the kept text rather than selecting it.
        super().__init__(select_on_focus=False, **kwargs)  # type: ignore[arg-type]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave box", id="search.leave"),
    ]

    def action_leave(self) -> None:
        self.post_message(FilterBar.SearchLeft(self.value))


class FilterBar(Vertical):
    """Chips on the left, counts on the right, the search box when open; the
    chips that do not fit beside the counts go on up to two more lines."""

    class SearchChanged(Message):
        """The text filter changed (`final` when the user pressed enter)."""

        def __init__(self, text: str, final: bool) -> None:
            super().__init__()
            self.text = text
            self.final = final

    class SearchLeft(Message):
        """The user pressed escape in the search box."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    _counts_width = -1
    _lines = 1

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chips: list[Chip] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-top"):
            yield Static(id="chips", markup=False)
            yield SearchInput(placeholder=PLACEHOLDERS[False], id="search")
            yield Static(id="counts", markup=False)
        yield Static(id="chips-more", markup=False)

    def update(self, chips: list[Chip], counts: str, in_notes: bool = False) -> None:
        """Show `chips` (the core's `chips(index, filter)`) and `counts` on the
        right; `in_notes`: the text search looks in the notes too."""
        # Only a change in the counts' width (or the chips' height) needs a
        # new layout, and a layout pass costs more than the filtering itself.
        self.query_one(SearchInput).placeholder = PLACEHOLDERS[in_notes]
        relayout = len(counts) != self._counts_width
        self._counts_width = len(counts)
        self.query_one("#counts", Static).update(Text(counts), layout=relayout)
        self.chips = chips
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        full = self.size.width or 80  # before the first layout: redone on resize
        box = self.query_one(SearchInput)
        # #chips has what the counts (and the search box, when open) leave of line 1.
        first = full - (self._counts_width + 2) - (box.outer_size.width if box.display else 0)
        if box.display and not self.chips:  # typing a search: no "/ text" hint, cut beside it
            lines = [Text()]
        else:
            lines = lay_out(self.chips, [max(first, 1), *[full] * (MAX_LINES - 1)])
        more = self.query_one("#chips-more", Static)
        self.query_one("#chips", Static).update(lines[0], layout=False)
        more.update(Text("\n").join(lines[1:]), layout=len(lines) != self._lines)
        more.display = len(lines) > 1
        self._lines = len(lines)

    def open_search(self, text: str) -> None:
        """Open the box on `text`; a `--search` holding control characters
        shows (and, once edited, searches for) their escaped form."""
        box = self.query_one(SearchInput)
        box.display = True
        box.value = safe = shown(text)
        box.cursor_position = len(safe)
        box.focus()
        self.call_after_refresh(self._lay_out)  # the chips make room for the box

    def close_search(self) -> None:
        self.query_one(SearchInput).display = False
        self.call_after_refresh(self._lay_out)  # the chips get the box's room back

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value, final=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value, final=True))
