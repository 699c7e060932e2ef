"""Marks and notes: the user's own, per dataset, kept across runs and instances.

A mark or a note is on a quote, an assessment or an event, named by its
id (never by its position: a curator's edit moves records). One record per
target holds both: `marked` and `note`. A record whose id is no longer in
the dataset is an orphan: it is kept and listed as such (as Hypothesis
keeps orphaned annotations), never dropped, so an id restored by the
curator finds its marks again.

The file is `<data dir>/<dataset key>.marks.json` (see `userfiles`). Each
change is saved at once (unless `autosave=False`): under the file's lock,
the file is read again, this instance's changes are applied to it as
operations, and the result is written atomically. Another instance's
marks are thus merged, never overwritten; for the same target the later
change wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal, get_args

import msgspec

from .models import Dataset
from .userfiles import UserFileError, atomic_write, dataset_file, load_versioned, locked

MarkKind = Literal["quote", "assessment", "event"]
"""What can be marked or annotated."""
MARK_KINDS: tuple[MarkKind, ...] = get_args(MarkKind)
FORMAT = "genevatui-marks"
VERSION = 1
SUFFIX = ".marks.json"
MAX_NOTE = 64 * 1024
"""Characters kept of a note (a pasted article is not a note)."""


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    """The user's mark and note on one target."""

    kind: MarkKind
    id: str
    marked: bool = False
    note: str = ""
    updated: str = ""
    """When it last changed (UTC, ISO 8601): for the listing, not for merging."""

    @property
    def key(self) -> tuple[MarkKind, str]:
        return (self.kind, self.id)

    @property
    def empty(self) -> bool:
        """Neither marked nor annotated: not stored."""
        return not self.marked and not self.note


class MarksFile(msgspec.Struct, kw_only=True):
    """The file's layout; `format` and `version` are checked before the rest."""

    format: str = FORMAT
    version: int = VERSION
    dataset: str = ""
    """The dataset's path when last saved, for a person reading the file."""
    marks: list[Mark] = msgspec.field(default_factory=list)


class Listed(msgspec.Struct, frozen=True):
    """A mark as listed: with whether its target is gone from the dataset."""

    mark: Mark
    orphaned: bool


ChangeFn = Callable[[Mark], Mark]
Change = tuple[MarkKind, str, ChangeFn]
"""One unsaved change: applied to what the file holds when saving."""


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
    line each, to show the user). Saving raises UserFileError (one line);
    the unsaved changes are kept and go out with the next save.
    """

    def __init__(self, path: Path | None, *, autosave: bool = True, label: str = "") -> None:
        self.path = path
        self.autosave = autosave
        self.label = label
        self.warnings: list[str] = []
        self._marks: dict[tuple[MarkKind, str], Mark] = {}
        self._pending: list[Change] = []
        self._writable = True
        self.reload()

    @classmethod
    def for_dataset(cls, yaml_path: str | Path, *, autosave: bool = True) -> MarkStore:
        """The store of the dataset at `yaml_path` in the user data folder."""
        return cls(dataset_file(yaml_path, SUFFIX), autosave=autosave, label=str(yaml_path))

    def reload(self) -> None:
        """Read the file again (another instance may have saved), keeping
        this instance's unsaved changes on top."""
        base = self._read()
        if base is None:  # damaged (now moved aside): keep what this instance knows
            return
        for kind, id_, change in self._pending:
            self._apply(base, kind, id_, change)
        self._marks = base

    def _read(self) -> dict[tuple[MarkKind, str], Mark] | None:
        """What the file holds; None if it was damaged (and moved aside)."""
        if self.path is None:
            return dict(self._marks)
        stored, warning, self._writable = load_versioned(self.path, FORMAT, VERSION, MarksFile)
        if warning:
            self.warnings.append(warning)
            return None
        return {m.key: m for m in (stored.marks if stored else ()) if not m.empty}

    @staticmethod
    def _apply(
        marks: dict[tuple[MarkKind, str], Mark], kind: MarkKind, id_: str, change: ChangeFn
    ) -> None:
        new = change(marks.get((kind, id_), Mark(kind=kind, id=id_)))
        if new.empty:
            marks.pop((kind, id_), None)
        else:
            marks[(kind, id_)] = new

    def _change(self, kind: str, id_: str, change: ChangeFn) -> None:
        checked = _check_kind(kind)
        self._apply(self._marks, checked, id_, change)
        if self.path is None:
            return
        self._pending.append((checked, id_, change))
        if self.autosave:
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

    @property
    def unsaved(self) -> bool:
        """Whether changes wait for a save (one failed, or autosave is off)."""
        return bool(self._pending)

    # --- changing --------------------------------------------------------

    def set_marked(self, kind: str, id_: str, marked: bool) -> None:
        """Mark or unmark a target (its note stays)."""
        at = _now()
        self._change(kind, id_, lambda m: msgspec.structs.replace(m, marked=marked, updated=at))

    def toggle(self, kind: str, id_: str) -> bool:
        """Mark the target if it is not, else unmark it; return whether it is now."""
        marked = not self.is_marked(kind, id_)
        self.set_marked(kind, id_, marked)
        return marked

    def set_note(self, kind: str, id_: str, note: str) -> None:
        """Replace the note on a target ("" or blank removes it; its mark stays)."""
        text = note.strip()[:MAX_NOTE]
        at = _now()
        self._change(kind, id_, lambda m: msgspec.structs.replace(m, note=text, updated=at))

    def save(self) -> None:
        """Merge this instance's changes into the file, under its lock.

        Raises UserFileError; the changes then stay pending."""
        if self.path is None or not self._pending:
            return
        with locked(self.path):
            base = self._read()
            if not self._writable:
                raise UserFileError(f"{self.path}: not saved: a damaged file is in the way")
            if base is not None:
                for kind, id_, change in self._pending:
                    self._apply(base, kind, id_, change)
                self._marks = base
            # else the damaged file was moved aside: this instance's marks
            # (its changes included) are all there is to save.
            stored = MarksFile(dataset=self.label, marks=list(self.marks()))
            atomic_write(self.path, msgspec.json.format(msgspec.json.encode(stored)) + b"\n")
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
