"""The marks file (`<dataset key>.marks.json`): its records, and how it is
read and written, entry by entry.

One entry that does not validate (a kind from a newer version, a field of
the wrong type) spoils nothing: it is kept as it is and written back with
every save, and one warning says how many. Fields this program does not
know on an entry it can read are kept with that entry. A file of a newer
`version` is read as far as it can be, and never written (`Loaded.newer`).
What is not a marks file at all (not JSON, another format, an older
version, not a regular file, too large) is moved aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import msgspec

from .text import shown
from .userfiles import FileProblem, move_aside, read_user_file, unreadable

MarkKind = Literal["quote", "assessment", "event"]
"""What can be marked or annotated."""
MARK_KINDS: tuple[MarkKind, ...] = get_args(MarkKind)
Key = tuple[MarkKind, str]
FORMAT = "genevatui-marks"
VERSION = 1
SUFFIX = ".marks.json"


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    """The user's mark and note on one target."""

    kind: MarkKind
    id: str
    marked: bool = False
    note: str = ""
    updated: str = ""
    """When it last changed (UTC, ISO 8601): for the listing, not for merging."""

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @property
    def empty(self) -> bool:
        """Neither marked nor annotated: not stored."""
        return not self.marked and not self.note


MARK_FIELDS = frozenset(Mark.__struct_fields__)


class _Head(msgspec.Struct):
    """What a marks file must start with; read before the rest."""

    format: str
    version: int


class _Body(msgspec.Struct):
    """The entries, each read on its own (one bad entry spoils nothing)."""

    marks: list[msgspec.Raw] = msgspec.field(default_factory=list)


@dataclass
class Content:
    """What a marks file holds."""

    marks: dict[Key, Mark] = field(default_factory=dict)
    extra: dict[Key, dict[str, msgspec.Raw]] = field(default_factory=dict)
    """Fields of an entry that this program does not know, kept as they were."""
    kept: list[msgspec.Raw] = field(default_factory=list)
    """Entries this program cannot read, kept as they were."""


@dataclass
class Loaded:
    """The outcome of reading a marks file."""

    content: Content | None
    """None: the file was unusable and is moved aside (`moved` says so)."""
    notices: list[str] = field(default_factory=list)
    """Lines to tell the user once per store (entries kept aside, a newer file)."""
    moved: str = ""
    """The line saying the file was moved aside (or could not be)."""
    writable: bool = True
    """False if an unusable file could not be moved aside: writing would destroy it."""
    newer: int | None = None
    """The `version` of a newer program's file, which must not be written."""


def _entries(raws: list[msgspec.Raw]) -> Content:
    content = Content()
    for raw in raws:
        try:
            mark = msgspec.json.decode(raw, type=Mark)
            fields = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
        except (msgspec.ValidationError, msgspec.DecodeError):
            content.kept.append(raw)
            continue
        if mark.empty:
            continue
        content.marks[mark.key] = mark
        extra = {k: v for k, v in fields.items() if k not in MARK_FIELDS}
        if extra:
            content.extra[mark.key] = extra
    return content


def read_marks(path: Path) -> Loaded:
    """Read the marks file `path` (never raises; no file: empty content)."""
    try:
        raw = read_user_file(path)
        if raw is None:
            return Loaded(Content())
        head = msgspec.json.decode(raw, type=_Head)
        if head.format != FORMAT:
            problem = f"not a {FORMAT} file (format {head.format!r})"
        elif head.version > VERSION:
            return _newer(path, raw, head.version)
        elif head.version != VERSION:
            problem = f"{FORMAT} version {head.version}, this program reads version {VERSION}"
        else:
            content = _entries(msgspec.json.decode(raw, type=_Body).marks)
            loaded = Loaded(content)
            if n := len(content.kept):
                loaded.notices.append(
                    f"{path}: {n} {'entry' if n == 1 else 'entries'} this genevatui "
                    "cannot read (from a newer version?) kept in the file as they are"
                )
            return loaded
    except (FileProblem, msgspec.ValidationError, msgspec.DecodeError) as exc:
        problem = unreadable(exc)
    moved, writable = move_aside(path, shown(problem))
    return Loaded(None, moved=moved, writable=writable)


def _newer(path: Path, raw: bytes, version: int) -> Loaded:
    """A newer program's file: shown as far as it can be read, never written."""
    notice = (
        f"{path}: written by a newer genevatui ({FORMAT} version {version}, "
        f"this one writes {VERSION}): marks and notes changed here are not saved"
    )
    try:
        content = _entries(msgspec.json.decode(raw, type=_Body).marks)
    except (msgspec.ValidationError, msgspec.DecodeError):
        content = Content()
    return Loaded(content, notices=[notice], newer=version)


def encode_marks(marks: tuple[Mark, ...], content: Content, label: str) -> bytes:
    """The file's bytes: `marks` (with the unknown fields `content` kept for
    them), then the entries `content` kept as they were."""
    entries: list[Any] = []
    for mark in marks:
        entry: dict[str, Any] = msgspec.structs.asdict(mark)
        for name, value in content.extra.get(mark.key, {}).items():
            entry.setdefault(name, value)
        entries.append(entry)
    entries.extend(content.kept)
    doc = {"format": FORMAT, "version": VERSION, "dataset": label, "marks": entries}
    return msgspec.json.format(msgspec.json.encode(doc)) + b"\n"
