"""Export to a file, as the TUI's `e` does: what to export, which writer the
file name chooses, and writing it so that no half file is ever left.

- What: the current view (the screen's filter), the marks (`Filter(marked=
  True)`: the Index knows the marked ids; the marked events are items to
  write, `cites_events`), or the chronology (the view's events in date
  order, as Markdown). Each carries the user's notes (`user_notes`).
- Which writer: the file name's extension, as VisiData's save does
  (`writers.writer_for`); anything else is an `ExportProblem` saying which
  endings there are.
- How: `atomic.replacing`: `path` is the old file or the new one, never a
  torn one, whether the write fails or is cancelled (the progress callback
  raising).
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, TextIO

from . import atomic
from .brief import GroupBy
from .filters import Filter
from .marks import Mark
from .progress import Progress
from .query import Index, Result
from .records import UserNotes
from .save_as import target_path
from .text import shown
from .writers import WRITERS, Writer, write, writer_for

What = Literal["view", "marks", "chronology"]
WHATS: tuple[What, ...] = ("view", "marks", "chronology")


class ExportProblem(Exception):
    """Why an export cannot be done, in one line for the user."""


def selection(index: Index, flt: Filter, what: What) -> Result:
    """The records `what` exports, the screen's filter being `flt`."""
    return index.run(Filter(marked=True) if what == "marks" else flt)


def cites_events(what: What) -> bool:
    """Whether `what`'s events are items to write: the marks' are (the user
    marked them); the view's are context (json's `events`); the
    chronology's are all it writes anyway."""
    return what == "marks"


def user_notes(marks: Iterable[Mark]) -> dict[tuple[str, str], str]:
    """The user's notes by (kind, id), as the writers take them."""
    return {(m.kind, m.id): m.note for m in marks if m.note}


def extensions() -> list[str]:
    """Every file name ending that chooses a writer, in the registry's order."""
    return [ext for w in WRITERS.values() for ext in w.extensions]


def writer_of(what: What, name: str) -> Writer:
    """The writer the file `name` chooses for `what`; ExportProblem if none."""
    ends = extensions()
    try:
        writer = writer_for(name)
    except ValueError:
        suffix = "".join(Path(name).suffixes[-2:]) or "no extension"
        raise ExportProblem(
            f"{shown(suffix)}: unknown extension; end the name with "
            f"{', '.join(ends[:-1])} or {ends[-1]}"
        ) from None
    if what == "chronology":  # events, not quotes: the one writer of them
        if writer.name != "markdown":
            raise ExportProblem("the chronology is written as Markdown: end the name with .md")
        return WRITERS["chronology"]
    return writer


def default_name(what: What, today: datetime.date, ext: str = ".md") -> str:
    """`genevatui-view-2026-12-03.md`."""
    return f"genevatui-{what}-{today.isoformat()}{ext}"


def target(text: str, cwd: Path) -> Path:
    """The file the user typed: `~` expanded, relative to `cwd`."""
    if not text.strip():
        raise ExportProblem("give a file name")
    return target_path(text, cwd)  # as the copy dialog's "write to file" reads it


def shown_path(path: Path, cwd: Path) -> str:
    """`path` as the user reads it: `./name` under `cwd`, else whole."""
    try:
        inside = path.relative_to(cwd)
    except ValueError:
        return shown(str(path))
    return "." if inside == Path() else shown(f".{os.sep}{inside}")


def check_target(path: Path, cwd: Path) -> bool:
    """Whether a file is already there (to ask before replacing it).
    ExportProblem if `path` cannot be written as a file."""
    name = shown_path(path, cwd)
    folder = path.parent
    problem = None
    try:
        if path.is_dir():
            problem = f"{name} is a folder: give a file name"
        elif not folder.exists():
            problem = f"{shown_path(folder, cwd)}: no such folder"
        elif not folder.is_dir():
            problem = f"{shown_path(folder, cwd)} is not a folder"
        elif path.exists() and not path.is_file():
            problem = f"{name} is not a regular file"
        else:
            return path.exists()
    except OSError as exc:  # e.g. a name too long, a folder that cannot be read
        problem = f"{name}: {exc.strerror or exc}"
    raise ExportProblem(problem)


def export_file(
    index: Index,
    result: Result,
    writer: Writer,
    path: Path,
    *,
    group_by: GroupBy = "event",
    progress: Progress | None = None,
    notes: UserNotes | None = None,
    cite_events: bool = False,
) -> None:
    """Write `result` with `writer` to `path`, replacing it whole, with the
    user's `notes`, citing `result.events` when `cite_events`.

    ExportProblem if it cannot be written; whatever `progress` raises comes
    out of here, and in both cases nothing is left at `path` but what was
    there before."""
    with replacing(path) as out:
        write(index, result, writer.name, out, group_by=group_by, progress=progress,
              user_notes=notes, cite_events=cite_events)  # fmt: skip


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """`atomic.replacing`, its OSError as an ExportProblem naming the file."""
    try:
        with atomic.replacing(path) as out:
            yield out
    except OSError as exc:
        raise ExportProblem(f"{shown(str(path))}: cannot write: {exc.strerror or exc}") from None
