"""Marks and notes: the user's own, per dataset, kept across runs and instances.

A mark or a note is on a quote, an assessment or an event, named by its
id (never by its position: a curator's edit moves records). One record per
target holds both: `marked` and `note`. A record whose id is no longer in
the dataset is an orphan: it is kept and listed as such (as Hypothesis
keeps orphaned annotations), never dropped, so an id restored by the
curator finds its marks again.

The file is `<data dir>/<dataset key>.marks.json` (see `userfiles`). Each
change is saved at once (unless `autosave=False`): under the file's lock,
the file is read again, this instance's changes are applied to what it
holds, and the result is written atomically. Two instances on one file
thus merge, never overwrite each other:

- a mark is a yes/no: for the same target the later save wins;
- a note is the user's writing and is never silently lost. Each change
  remembers the note it started from; if the file's note has changed
  since (another instance saved one), both texts are kept, the other's
  first, then a line "— also written in another window at <time> —",
  then this one's; and removing a note that another instance has changed
  since removes nothing. Either way `warnings` gets a line naming the
  target, for the app to show.

The file is read entry by entry (`marks_file`): what this program cannot
read is kept as it is. A file of a newer `version` is never written: the
store is read-only (`save` raises UserFileError) and changes live in
memory only.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import msgspec

from .marks_file import (
    FORMAT,
    MARK_KINDS,
    SUFFIX,
    VERSION,
    Content,
    Key,
    Mark,
    MarkKind,
    encode_marks,
    read_marks,
)
from .models import Dataset
from .userfiles import UserFileError, atomic_write, dataset_file, locked

__all__ = [
    "FORMAT",
    "MARK_KINDS",
    "SUFFIX",
    "VERSION",
    "Listed",
    "Mark",
    "MarkKind",
    "MarkStore",
    "listing",
]

MAX_NOTE = 64 * 1024
"""Characters kept of a note typed or pasted (a pasted article is not a
note). A note merged from two instances may be longer: nothing is cut."""
MERGED = "— also written in another window at {at} —"
"""The line between another instance's note and this one's, when both are kept."""


class Listed(msgspec.Struct, frozen=True):
    """A mark as listed: with whether its target is gone from the dataset."""

    mark: Mark
    orphaned: bool


@dataclass
class _Pending:
    """This instance's unsaved change to one target, applied to what the
    file holds when saving. `None`: that field is not changed."""

    marked: bool | None = None
    note: str | None = None
    base: str = ""
    """The note the change started from: what the file held as far as
    this instance knew. A file note other than this was written meanwhile."""
    at: str = ""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _check_kind(kind: str) -> MarkKind:
    for known in MARK_KINDS:
        if known == kind:
            return known
    raise ValueError(f"cannot mark a {kind!r}; only {', '.join(MARK_KINDS)}")


class MarkStore:
    """One dataset's marks and notes.

    `path` None keeps them in memory only (standard input, tests). Reading
    never raises: a damaged file is moved aside and `warnings` says so (one
    line each, to show the user; the app clears what it has shown). Saving
    raises UserFileError (one line); the unsaved changes are kept and go
    out with the next save.
    """

    def __init__(self, path: Path | None, *, autosave: bool = True, label: str = "") -> None:
        self.path = path
        self.autosave = autosave
        self.label = label
        self.warnings: list[str] = []
        self._marks: dict[Key, Mark] = {}
        self._file = Content()
        """What the file held when last read: its unknown entries and fields."""
        self._pending: dict[Key, _Pending] = {}
        self._writable = True
        self._newer: int | None = None
        """The version of a newer program's file: not to be written."""
        self._told: set[str] = set()
        self.reload()

    @classmethod
    def for_dataset(cls, yaml_path: str | Path, *, autosave: bool = True) -> MarkStore:
        """The store of the dataset at `yaml_path` in the user data folder."""
        return cls(dataset_file(yaml_path, SUFFIX), autosave=autosave, label=str(yaml_path))

    @property
    def read_only(self) -> bool:
        """Whether the file was written by a newer genevatui: changes stay in memory."""
        return self._newer is not None

    def reload(self) -> None:
        """Read the file again (another instance may have saved), keeping
        this instance's unsaved changes on top (merged as `save` would)."""
        read = self._read()
        if read is None:  # damaged (now moved aside): keep what this instance knows
            return
        self._take(read)

    def _read(self) -> Content | None:
        """What the file holds; None if it was damaged (and moved aside)."""
        if self.path is None:
            return Content(dict(self._marks), self._file.extra, self._file.kept)
        loaded = read_marks(self.path)
        self._writable, self._newer = loaded.writable, loaded.newer
        for notice in loaded.notices:
            if notice not in self._told:  # once per store, not at every save
                self._told.add(notice)
                self.warnings.append(notice)
        if loaded.moved:
            self.warnings.append(loaded.moved)
        return loaded.content

    def _take(self, read: Content) -> None:
        """Make `read` (the file) with this instance's pending changes on
        top what this store holds. A note changed in the file since a
        pending change started is merged into that change (see the module
        doc); the change then starts from the file's note."""
        for key, change in self._pending.items():
            kind, id_ = key
            now = read.marks.get(key, Mark(kind=kind, id=id_))
            if change.note is not None:
                change.base = self._rebase(key, change, now.note)
            if change.note is None and change.marked is None:
                continue  # nothing left to change: the other's note stands
            note = now.note if change.note is None else change.note
            marked = now.marked if change.marked is None else change.marked
            new = msgspec.structs.replace(now, marked=marked, note=note, updated=change.at)
            if new.empty:
                read.marks.pop(key, None)
            else:
                read.marks[key] = new
        self._marks, self._file = read.marks, read

    def _rebase(self, key: Key, change: _Pending, theirs: str) -> str:
        """Fold another instance's note `theirs` into `change`; return it
        (the note the change now starts from)."""
        mine = change.note
        if mine is None or theirs in (change.base, mine):
            return theirs
        target = f"{key[0]} {key[1]}"
        if mine == change.base:  # this instance did not change the text after all
            change.note = None
        elif not theirs:  # removed in the other: this one's text is all there is
            pass
        elif not mine:
            change.note = None  # their text stays: a removal never deletes it
            self.warnings.append(
                f"{target}: your note was not removed: another window changed it meanwhile"
            )
        else:
            at = change.at.replace("T", " ").replace("Z", " UTC")
            change.note = f"{theirs}\n{MERGED.format(at=at)}\n{mine}"
            self.warnings.append(
                f"{target}: another window changed this note meanwhile: both texts kept"
            )
        return theirs

    def _change(self, kind: str, id_: str, *, marked: bool | None, note: str | None) -> None:
        key = (_check_kind(kind), id_)
        at = _now()
        now = self._marks.get(key, Mark(kind=key[0], id=id_))
        if self.path is not None:
            change = self._pending.setdefault(key, _Pending())
            if note is not None and change.note is None:
                change.base = now.note
            change.marked = change.marked if marked is None else marked
            change.note = change.note if note is None else note
            change.at = at
        new = msgspec.structs.replace(
            now,
            marked=now.marked if marked is None else marked,
            note=now.note if note is None else note,
            updated=at,
        )
        if new.empty:
            self._marks.pop(key, None)
        else:
            self._marks[key] = new
        if self.path is not None and self.autosave:
            self.save()

    # --- reading ---------------------------------------------------------

    def get(self, kind: str, id_: str) -> Mark | None:
        """The mark or note on this target, if any."""
        return self._marks.get((_check_kind(kind), id_))

    def is_marked(self, kind: str, id_: str) -> bool:
        mark = self.get(kind, id_)
        return mark is not None and mark.marked

    def note(self, kind: str, id_: str) -> str:
        """The user's note on this target ("" for none)."""
        mark = self.get(kind, id_)
        return mark.note if mark else ""

    def marks(self) -> tuple[Mark, ...]:
        """Every mark and note, in a stable order (kind, then id)."""
        order = {k: i for i, k in enumerate(MARK_KINDS)}
        return tuple(sorted(self._marks.values(), key=lambda m: (order[m.kind], m.id)))

    def marked_ids(self, kind: str) -> frozenset[str]:
        """Ids of the marked targets of `kind` (for a "marked only" filter)."""
        checked = _check_kind(kind)
        return frozenset(m.id for m in self._marks.values() if m.kind == checked and m.marked)

    def marked_by_kind(self) -> dict[str, frozenset[str]]:
        """Every kind's marked ids: what `Index.set_marked` takes."""
        return {kind: self.marked_ids(kind) for kind in MARK_KINDS}

    @property
    def unsaved(self) -> bool:
        """Whether changes wait for a save (one failed, or autosave is off)."""
        return bool(self._pending)

    # --- changing --------------------------------------------------------

    def set_marked(self, kind: str, id_: str, marked: bool) -> None:
        """Mark or unmark a target (its note stays). Against another
        instance's change to the same mark, the later save wins."""
        self._change(kind, id_, marked=marked, note=None)

    def toggle(self, kind: str, id_: str) -> bool:
        """Mark the target if it is not, else unmark it; return whether it is now."""
        marked = not self.is_marked(kind, id_)
        self.set_marked(kind, id_, marked)
        return marked

    def set_note(self, kind: str, id_: str, note: str) -> None:
        """Replace the note on a target ("" or blank removes it; its mark
        stays). Replaces the note this store holds now; a note another
        instance saved meanwhile is kept beside it (see the module doc)."""
        self._change(kind, id_, marked=None, note=note.strip()[:MAX_NOTE])

    def save(self) -> None:
        """Merge this instance's changes into the file, under its lock.

        Raises UserFileError; the changes then stay pending."""
        if self.path is None or not self._pending:
            return
        with locked(self.path):
            read = self._read()
            if self._newer is not None:
                if read is not None:
                    self._take(read)  # show the newer file's marks with this one's changes
                raise UserFileError(
                    f"{self.path}: was written by a newer genevatui "
                    f"({FORMAT} version {self._newer}); not saved"
                )
            if not self._writable:
                raise UserFileError(f"{self.path}: not saved: a damaged file is in the way")
            if read is not None:
                self._take(read)
            # else the damaged file was moved aside: this instance's marks
            # (its changes included) are all there is to save.
            atomic_write(self.path, encode_marks(self.marks(), self._file, self.label))
            self._pending.clear()


def listing(marks: Iterable[Mark], dataset: Dataset) -> list[Listed]:
    """`marks` with whether each is orphaned (its id gone from `dataset`)."""
    spec = dataset.spec
    ids: dict[MarkKind, set[str]] = {
        "quote": {q.id for q in spec.quotes},
        "assessment": {a.id for a in spec.assessments},
        "event": {e.id for e in spec.events},
    }
    return [Listed(m, m.id not in ids[m.kind]) for m in marks]
