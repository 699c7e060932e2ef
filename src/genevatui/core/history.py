"""The jump history: places visited by jumps, stepped through like a browser's.

In the explorer a place is a `Place`: what was shown and the filter it was
shown under, so going back restores the filter too, never clears it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from .filters import Filter
from .spans import Target

T = TypeVar("T")

Place = tuple[Target, Filter]
"""What the source showed (an event, quote or assessment) and under what filter."""


class History(Generic[T]):
    """Places in the order they were jumped to, and where the user stands.

    A jump records where the user stood before it, then where it went, and
    drops whatever lay ahead (as a browser drops its forward pages). A place
    is never recorded twice in a row.

    `moved(place, here)` says whether standing at `here` is a place of its
    own, away from the current `place` (default: any difference). Stepping
    from such a place records it first, as a jump to it would have.
    """

    def __init__(self, moved: Callable[[T, T], bool] = operator.ne) -> None:
        self._places: list[T] = []
        self._pos = -1
        self._moved = moved

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

    def restore(self, places: Iterable[T], pos: int) -> None:
        """Start from a saved history (a session): `places`, standing at `pos`
        (clamped to them; -1 when there are none)."""
        self._places = list(places)
        self._pos = min(max(pos, 0), len(self._places) - 1)

    def step(self, step: int, here: T | None = None) -> T | None:
        """Move `step` places (-1 back, 1 forward) and return the place there,
        or None, without moving, when there is no such place.

        `here` is where the user stands now: when it has `moved` away from
        the current place (without a jump), it is recorded first, so back
        returns to the current place and forward then comes back to `here`
        (and whatever lay ahead is dropped, as after a jump)."""
        if here is not None and (self._pos < 0 or self._moved(self._places[self._pos], here)):
            self.jump(None, here)
        pos = self._pos + step
        if not 0 <= pos < len(self._places):
            return None
        self._pos = pos
        return self._places[pos]


def filter_changed(place: Place, here: Place) -> bool:
    """A new place only when the filter changed: moving the cursor through
    a list is not a place to come back to, a filter is."""
    return place[1] != here[1]


def jump_history() -> History[Place]:
    """The explorer's history of (target, filter) places."""
    return History(filter_changed)
