"""Copy with citation (issue 11 §1): `y` copies the selected statement or
event with its citation, in the user's default format (the config file's
`copy_format`); `Y` opens the dialog to choose the format, see the exact
text, or write it to a file.

The copy is OSC 52 (`App.copy_to_clipboard`): it travels over SSH, and
through tmux when `set-clipboard` is on. Where it is known not to arrive
(`clipboard.osc52_problem`), the notice says so and the dialog opens, so
the text is on screen to select, or to write to a file.

The screen owns the selection (`shown`, `shown_source`); `Copier` turns it
into a citation and is called by the screen's actions, as `TextSearch` is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ..core.settings import DEFAULT_COPY_FORMAT
from .clipboard import osc52_problem

# The citation code is imported on the first copy: the main screen imports
# this module for its bindings, and start-up needs none of it.
if TYPE_CHECKING:
    from ..core.cite import Citation, Citer
    from .screens.record_screen import RecordScreen

COPY_BINDING = Binding(
    "y",
    "copy_cited",
    "Copy",
    tooltip="Copy the selected statement or event with its citation (OSC 52: works over "
    "SSH; in tmux it needs `set -g set-clipboard on`)",
    show=False,
    id="copy.copy",
)
CHOOSE_BINDING = Binding(
    "Y",
    "copy_as",
    "Copy as",
    tooltip="Copy as plain text, Markdown, CSL-JSON or the bare quote: shows the text "
    "(select it with the mouse) and writes it to a file",
    show=False,
    id="copy.choose",
)


def describe_copy(c: Citation, fmt: str) -> str:
    """`Sergei Ryabkov, reported, plain text`: what was copied, in a few words."""
    from .screens.copy_dialog import format_label

    if c.kind == "event":
        what = f"event {c.speaker}"
    elif c.kind == "assessment":
        what = f"the article's assessment of {c.speaker}"
    else:
        what = f"{c.speaker}, {c.kind}"
    return f"{what}, {format_label(fmt).lower()}"


class Copier:
    """`y` and `Y` over the record `screen` shows."""

    def __init__(self, screen: RecordScreen) -> None:
        self.screen = screen
        self._citer: Citer | None = None

    @property
    def citer(self) -> Citer:
        # Built on the first copy: it indexes every article's paragraphs.
        if self._citer is None:
            from ..core.cite import Citer

            self._citer = Citer(self.screen.index)
        return self._citer

    @property
    def default_format(self) -> str:
        prefs = getattr(self.screen.app, "prefs", None)
        fmt = prefs.settings.copy_format if prefs is not None else DEFAULT_COPY_FORMAT
        from ..core.cite_text import CITE_FORMATS

        return fmt if fmt in CITE_FORMATS else DEFAULT_COPY_FORMAT

    def citation(self) -> Citation | None:
        """The selected record (`RecordScreen.selected`: the one `m` marks), cited;
        None (said, with a bell) when there is none to cite."""
        screen = self.screen
        why = "Nothing is selected: nothing to copy."
        target = screen.selected()
        if target is not None:
            kind, key = target
            if kind == "quote":
                return self.citer.quote(key)
            if kind == "assessment":
                return self.citer.assessment(key)
            if kind == "event":
                try:
                    # In the article shown, when the source shows this event.
                    source = screen.shown_source if target == screen.shown else None
                    return self.citer.event(key, source)
                except ValueError:
                    why = "This event has no passage in any article: nothing to cite."
            else:  # a reading: one article's words on a disagreement
                why = "A reading is not copied: select the statement or event it is about."
        screen.app.bell()
        screen.notify(why, severity="warning", timeout=4, markup=False)
        return None

    def copy(self) -> None:
        c = self.citation()
        if c is None:
            return
        fmt = self.default_format
        from ..core.cite_text import render

        self.screen.app.copy_to_clipboard(render(c, fmt))
        problem = osc52_problem()
        if problem is None:
            self.screen.notify(
                f"Copied: {describe_copy(c, fmt)} · Y for other formats", timeout=4, markup=False
            )
            return
        self.screen.notify(
            f"Copied, but {problem}. The text is shown: select it, or write it to a file (w).",
            severity="warning",
            timeout=8,
            markup=False,
        )
        self._open(c, fmt, f"Not on your clipboard: {problem}.")

    def choose(self) -> None:
        c = self.citation()
        if c is not None:
            self._open(c, self.default_format, None)

    def _open(self, c: Citation, fmt: str, note: str | None) -> None:
        if getattr(self.screen.app, "exiting", False):
            return
        from .screens.copy_dialog import CopyScreen

        self.screen.app.push_screen(CopyScreen(c, fmt, note))
