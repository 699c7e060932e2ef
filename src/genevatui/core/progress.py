"""Progress of long work in the core (a large export), for whoever shows it.

The callback gets (done, total) as each record is written. It may raise to
stop the work: the TUI's export raises when the user cancels, and the file
being written is then removed (`export_file.replacing`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Progress = Callable[[int, int], None]
"""Called with (records done, records in all)."""

T = TypeVar("T")


class Ticks:
    """Counts records as a writer goes through them, calling `progress`."""

    def __init__(self, total: int = 0, progress: Progress | None = None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress

    def each(self, items: Iterable[T]) -> Iterator[T]:
        """`items`, one by one; each one counted once it has been handled."""
        for item in items:
            yield item
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)
