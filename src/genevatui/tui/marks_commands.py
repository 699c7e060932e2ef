"""Palette commands for marks and notes (issue 11 §2): "marked only" on or
off, and the marks view. Over the main screen only (`MainScreen.COMMANDS`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .commands import _main


class MarksCommands(Provider):
    """Toggle the "marked only" filter; list the marks and notes."""

    def _entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        main = _main(self)
        if main is None:
            return
        only = main.filter.marked
        yield (
            "Marked only: off (show everything)" if only else "Marked only: on",
            main.action_marked_only,
            "Filter: only what you marked (M)",
        )
        yield "Marks and notes: list them", main.action_marks, "Every mark and note (')"

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)
