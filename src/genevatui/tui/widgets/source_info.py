"""The citation block above the source: a fixed height, never silently cut.

Its height is set in app.tcss and does not follow the text, so the source
pane below keeps its place as the selection changes. Text longer than the
block scrolls (the mouse wheel), and a cue on the last line says how much
more there is and that `i` shows it whole.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

DETAILS_KEY = "i"


class _Body(VerticalScroll, can_focus=False):
    """The scrolling text; not a stop for tab (the block is read, `i` expands it)."""


class SourceInfo(Widget):
    """Who said it, in which article, when and where, the disagreements
    about it and the curator's note; `cue` reports what does not fit."""

    DEFAULT_CSS = """
    SourceInfo {
        layout: vertical;
    }
    SourceInfo > _Body {
        height: 1fr;
        /* No scrollbar: the cue says where the text goes on, and the text
           keeps the block's whole width whether it overflows or not. */
        scrollbar-size-vertical: 0;
    }
    SourceInfo > #source-info-cue {
        height: 1;
        width: 1fr;
        text-align: right;
        text-style: italic;
        display: none;
    }
    SourceInfo.-more > #source-info-cue {
        display: block;
    }
    """

    def compose(self) -> ComposeResult:
        with _Body(id="source-info-body"):
            yield Static(id="source-info-text", markup=False)
        yield Static(id="source-info-cue", markup=False)

    def on_mount(self) -> None:
        body = self.query_one(_Body)
        self.watch(body, "scroll_y", self._scrolled, init=False)

    @property
    def text(self) -> Text:
        """What the block holds, whole (the cue is not part of it)."""
        content = self.query_one("#source-info-text", Static).content
        return content if isinstance(content, Text) else Text(str(content))

    @property
    def cue(self) -> str:
        """The "↓ 3 more lines · i: details" line; empty when all is shown."""
        return str(self.query_one("#source-info-cue", Static).content) if self.overflows else ""

    @property
    def overflows(self) -> bool:
        return self.has_class("-more")

    def update(self, text: Text) -> None:
        """Show `text` (never parsed as markup) from its first line."""
        self.query_one("#source-info-text", Static).update(text)
        body = self.query_one(_Body)
        body.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._update_cue)

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_cue)

    def _scrolled(self, _old: float, _new: float) -> None:
        self._update_cue()

    def _update_cue(self) -> None:
        body = self.query_one(_Body)
        # Counted from the text, not from the laid-out Static: under a modal
        # (the palette setting a filter) the layout is not redone in time
        # and the old text's height would leave a stale cue.
        width = self.content_size.width
        lines = len(self.text.wrap(self.app.console, width)) if width and self.text else 0
        more = lines > self.content_size.height  # decided on the whole height
        if more != self.overflows:
            # The cue's line changes the body's height, its scrollbar the
            # text's width: count again once laid out (it settles at once).
            self.set_class(more, "-more")
            self.call_after_refresh(self._update_cue)
        if not more:
            return
        # Shown: the cue takes the last line, so the body is one line short.
        height = max(self.content_size.height - 1, 1)
        below = max(lines - height - round(body.scroll_y), 0)
        above = round(body.scroll_y)
        if below:
            where = f"↓ {below} more line{'s' if below != 1 else ''}"
        else:
            where = f"↑ {above} line{'s' if above != 1 else ''} above"
        self.query_one("#source-info-cue", Static).update(f"{where} · {DETAILS_KEY}: details")
