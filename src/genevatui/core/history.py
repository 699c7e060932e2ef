"""The jump history: places visited by jumps, stepped through like a browser's."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
    """Places in the order they were jumped to, and where the user stands.

    A jump records where the user stood before it, then where it went, and
    drops whatever lay ahead (as a browser drops its forward pages). A place
    is never recorded twice in a row.
    """

    def __init__(self) -> None:
        self._places: list[T] = []
        self._pos = -1

    @property
    def places(self) -> tuple[T, ...]:
        return tuple(self._places)

    @property
    def pos(self) -> int:
        """The index in `places` of where the user stands (-1: nowhere yet)."""
        return self._pos

    def jump(self, here: T | None, target: T) -> None:
        """Record a jump from `here` (None: from nowhere worth returning to)
        to `target`, which becomes the current place."""
        del self._places[self._pos + 1 :]
        for place in (here, target):
            if place is not None and (not self._places or self._places[-1] != place):
                self._places.append(place)
        self._pos = len(self._places) - 1

    def step(self, step: int) -> T | None:
        """Move `step` places (-1 back, 1 forward) and return the place there,
        or None, without moving, when there is no such place."""
        pos = self._pos + step
        if not 0 <= pos < len(self._places):
            return None
        self._pos = pos
        return self._places[pos]
