"""The main screen's saved session (issue 11 §3): where the user was in this
dataset, restored when the app opens it again and saved as they go.

The core decides what a session is (`core.session`: the command line wins,
renamed names are dropped, targets are kept by id); this object only reads
the screen's state into a `Session` and back. It saves a second after a
change (and when the screen closes), so a `kill -9` loses at most the last
second of moving about, never the file: every write is atomic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast, get_args

from ..core.session import (
    Session,
    ref_of,
    restored_places,
    save_session,
    saved_places,
    target_of,
)
from ..core.userfiles import UserFileError
from .screens.layout import Layout
from .widgets.pane_tabs import Pane

if TYPE_CHECKING:
    from .screens.main import MainScreen

SAVE_EVERY = 1.0
"""Seconds between checks for a change to save."""


class SessionKeeper:
    """Restores `start` on a main screen, then keeps it saved under `path`
    (the dataset's file, which names the session)."""

    def __init__(self, path: Path, start: Session) -> None:
        self.path = path
        self.start = start
        self._saved: Session | None = None
        self._failed = False

    def restore(self, screen: MainScreen, select: bool) -> None:
        """Put `screen` where the session was; with `select`, its selection
        and focused pane too (not when the command line named a target
        with --goto: the screen shows that one). Then save as the user goes."""
        start, dataset = self.start, screen.index.dataset
        if start.layout in get_args(Layout):
            screen.pane_layout = cast(Layout, start.layout)
        # Not over --goto's event: hiding the timeline would take it away.
        on_event = screen.shown is not None and screen.shown[0] == "event"
        if start.timeline is not None and (select or not on_event):
            screen.timeline_hidden = not start.timeline
        places, pos = restored_places(dataset, start.history, start.history_pos)
        screen.history.restore(places, pos)
        target = target_of(dataset, start.selected) if select else None
        # Not one the filter hides (a filter given on the command line): the
        # source would show it while the list's cursor, which y and m act
        # on, stands on another.
        if target is not None and (target[0] == "reading" or screen.listed(target)):
            screen.select_target(target, widen=False)
        if select and start.focus in get_args(Pane):
            pane = cast(Pane, start.focus)
            if pane != "source":
                screen.list_pane = pane
            screen.pane(pane).focus()
        screen.reading = start.reading
        self._saved = self.snapshot(screen)  # nothing to write until it changes
        screen.set_interval(SAVE_EVERY, lambda: self.save(screen))

    def snapshot(self, screen: MainScreen) -> Session:
        """The screen's state as a session."""
        dataset = screen.index.dataset
        return Session(
            filter=screen.filter,
            # What the keys act on (the cursor's row): `shown` follows it by a
            # message, so a save right after `jm` would keep the row left.
            selected=ref_of(dataset, selected) if (selected := screen.selected()) else None,
            focus=screen.focused_pane or "",
            layout=screen.pane_layout,
            timeline=not screen.timeline_hidden,
            reading=screen.reading,
            history=saved_places(dataset, screen.history.places),
            history_pos=screen.history.pos,
        )

    def save(self, screen: MainScreen) -> None:
        """Save the session if it changed since the last save. A failure is
        said once (the app goes on; the next change tries again)."""
        session = self.snapshot(screen)
        if session == self._saved:
            return
        try:
            save_session(self.path, session)
        except UserFileError as exc:
            if not self._failed:
                screen.notify(f"Session not saved: {exc}", severity="warning", timeout=8)
            self._failed = True
            return
        self._saved, self._failed = session, False
