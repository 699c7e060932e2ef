"""Sessions: where the user was in a dataset, to come back there on relaunch.

A `Session` is plain data the TUI fills when it quits (or as it goes) and
reads when it starts: the filter, the selected target, the focused pane,
the layout, the timeline toggle, the reading mode and the jump history.
Targets are named by kind and id, never by position, so a session
survives the curator's edits (a target gone is simply not restored).

The file is `<data dir>/<dataset key>.session.json`, written atomically;
last writer wins (a session is a place, not a collection: nothing to
merge). A broken file gives a warning, is moved aside, and the app starts
fresh: it never crashes on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, cast

import msgspec

from .disagreements import first_reading, reading_at
from .filters import Filter
from .history import Place
from .models import Assessment, Dataset, Event, Quote
from .spans import Target, TargetKind
from .userfiles import atomic_write, dataset_file, load_versioned

FORMAT = "genevatui-session"
VERSION = 1
SUFFIX = ".session.json"
MAX_HISTORY = 200
"""Places of the jump history kept (the most recent ones)."""

SessionMode = Literal["off", "restore", "fresh"]
"""How the app treats the saved session: "off" neither reads nor writes it
(tests, benchmarks, standard input); "restore" comes back to it and saves
on the way out; "fresh" (`--fresh`) starts clean and saves on the way out."""
SESSION_MODES: tuple[SessionMode, ...] = ("off", "restore", "fresh")


class TargetRef(msgspec.Struct, frozen=True):
    """A quote, assessment, event (or disagreement reading) by kind and id."""

    kind: str
    id: str


class SavedPlace(msgspec.Struct, frozen=True):
    """A place of the jump history: what was shown, under what filter."""

    target: TargetRef | None
    filter: Filter = msgspec.field(default_factory=Filter)


class Session(msgspec.Struct, frozen=True, kw_only=True):
    """Where the user was. Every field has a default: a field the app does
    not know (yet) is left as it was, and an older file still loads."""

    filter: Filter = msgspec.field(default_factory=Filter)
    selected: TargetRef | None = None
    focus: str = ""
    """The focused pane's name ("" for the app's default)."""
    layout: str = ""
    """The layout's name ("" for the app's default)."""
    timeline: bool | None = None
    """Whether the timeline was shown (None: the app's default)."""
    reading: bool = False
    """Whether the reading mode was on."""
    history: tuple[SavedPlace, ...] = ()
    history_pos: int = -1
    """Where the user stood in `history` (-1: nowhere yet)."""


class SessionFile(msgspec.Struct, kw_only=True):
    """The file's layout; `format` and `version` are checked before the rest."""

    format: str = FORMAT
    version: int = VERSION
    dataset: str = ""
    session: Session = msgspec.field(default_factory=Session)


def session_path(yaml_path: str | Path) -> Path:
    """Where the session of the dataset at `yaml_path` is kept."""
    return dataset_file(yaml_path, SUFFIX)


def load_session(yaml_path: str | Path) -> tuple[Session | None, list[str]]:
    """The saved session (None: none, or a broken one) and warnings, one line
    each. Never raises for a bad file: it is moved aside."""
    try:
        path = session_path(yaml_path)
    except (OSError, RuntimeError) as exc:
        return None, [f"{yaml_path}: cannot resolve the dataset's path: {exc}"]
    stored, warning, _ = load_versioned(path, FORMAT, VERSION, SessionFile)
    return (stored.session if stored else None), [warning] if warning else []


def save_session(yaml_path: str | Path, session: Session) -> None:
    """Save `session` for this dataset (its history cut to MAX_HISTORY).

    Raises UserFileError (one line) when it cannot be written."""
    cut = len(session.history) - MAX_HISTORY
    if cut > 0:
        session = msgspec.structs.replace(
            session,
            history=session.history[cut:],
            history_pos=max(-1, session.history_pos - cut),
        )
    stored = SessionFile(dataset=str(yaml_path), session=session)
    atomic_write(session_path(yaml_path), msgspec.json.format(msgspec.json.encode(stored)) + b"\n")


def starting_session(
    saved: Session | None, cli: Filter, goto: TargetRef | None = None, *, fresh: bool = False
) -> Session:
    """What the app starts with: the saved session, with the command line winning.

    - `fresh` (or nothing saved): a clean session with the command line's
      filter and `goto`.
    - A command line filter that is not empty replaces the saved filter as
      a whole (not kind by kind: `--speaker x` means "show me x", not "x
      within whatever I searched last time"); the saved selection is kept
      (the app drops it if the filter hides it), as are layout and history.
    - `goto` replaces the saved selection.
    """
    if fresh or saved is None:
        return Session(filter=cli, selected=goto)
    start = saved
    if not cli.is_empty:
        start = msgspec.structs.replace(start, filter=cli)
    if goto is not None:
        start = msgspec.structs.replace(start, selected=goto)
    return start


def checked_session(
    session: Session, check: Callable[[Filter], object], label: str = "saved session"
) -> tuple[Session, list[str]]:
    """`session` without the filters `check` refuses (it raises ValueError,
    as `Index.check` raises UnknownName when the curator renamed a speaker
    since the session was saved), and a warning line for each kind of loss.

    The saved filter falls back to none; a history place whose filter
    fails is dropped. Targets are not checked here: the app looks them up
    and keeps the default selection for one that is gone."""
    warnings: list[str] = []

    def ok(flt: Filter) -> bool:
        try:
            check(flt)
        except ValueError as exc:
            if not warnings:
                warnings.append(f"{label}: {exc}; filters naming it are not restored")
            return False
        return True

    flt = session.filter if ok(session.filter) else Filter()
    kept = [i for i, place in enumerate(session.history) if ok(place.filter)]
    if len(kept) == len(session.history):
        return msgspec.structs.replace(session, filter=flt), warnings
    pos = max((n for n, i in enumerate(kept) if i <= session.history_pos), default=-1)
    history = tuple(session.history[i] for i in kept)
    return msgspec.structs.replace(session, filter=flt, history=history, history_pos=pos), warnings


def ref_of(dataset: Dataset, target: Target) -> TargetRef:
    """`target` by kind and id, as a session keeps it. A reading has no id of
    its own: it is its disagreement's id and its place among the readings
    (`geneva-head#2`, counted from 1)."""
    kind, key = target
    spec = dataset.spec
    if kind == "quote":
        return TargetRef(kind, spec.quotes[key].id)
    if kind == "assessment":
        return TargetRef(kind, spec.assessments[key].id)
    if kind == "event":
        return TargetRef(kind, spec.events[key].id)
    disagreement, reading = reading_at(dataset, key)
    return TargetRef(kind, f"{spec.disagreements[disagreement].id}#{reading + 1}")


def target_of(dataset: Dataset, ref: TargetRef | None) -> Target | None:
    """The target a saved `ref` names in `dataset` now; None when it is gone
    (the curator removed or renamed it) or names no kind the app shows."""
    if ref is None:
        return None
    spec = dataset.spec
    if ref.kind == "reading":
        name, _, number = ref.id.rpartition("#")
        for i, d in enumerate(spec.disagreements):
            if d.id == name and number.isdigit() and 0 < int(number) <= len(d.readings):
                return ("reading", first_reading(dataset, i) + int(number) - 1)
        return None
    records: dict[str, Sequence[Quote | Assessment | Event]] = {
        "quote": spec.quotes,
        "assessment": spec.assessments,
        "event": spec.events,
    }
    for key, record in enumerate(records.get(ref.kind, ())):
        if record.id == ref.id:
            return (cast(TargetKind, ref.kind), key)
    return None


def saved_places(dataset: Dataset, places: Iterable[Place]) -> tuple[SavedPlace, ...]:
    """A jump history as a session keeps it."""
    return tuple(SavedPlace(ref_of(dataset, target), flt) for target, flt in places)


def restored_places(
    dataset: Dataset, places: Sequence[SavedPlace], pos: int
) -> tuple[list[Place], int]:
    """A saved jump history as places of `dataset` now, and where the user
    stood: a place whose target is gone is dropped, and the position moves
    back with it."""
    kept: list[Place] = []
    new_pos = -1
    for n, place in enumerate(places):
        target = target_of(dataset, place.target)
        if target is None:
            continue
        kept.append((target, place.filter))
        if n <= pos:
            new_pos = len(kept) - 1
    return kept, new_pos
