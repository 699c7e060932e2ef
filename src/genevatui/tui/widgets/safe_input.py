"""An Input that never holds a control character."""

from __future__ import annotations

from textual.widgets import Input

from ...core.text import shown


class SafeInput(Input):
    """Input whose text is drawn as typed: a paste holding ESC, OSC or bidi
    controls is inserted with those written as escapes (`\\x1b`), because
    Textual's Input passes them to the terminal as they are."""

    def replace(self, text: str, start: int, end: int) -> None:
        # Typing, pasting and inserting all end here.
        super().replace(shown(text), start, end)
