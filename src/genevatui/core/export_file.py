"""Export to a file, as the TUI's `e` does: what to export, which writer the
file name chooses, and writing it so that no half file is ever left.

- What: the current view (the screen's filter), the marks (`Filter(marked=
  True)`: the Index knows the marked ids), or the chronology (the view's
  events in date order, as Markdown).
- Which writer: the file name's extension, as VisiData's save does
  (`writers.writer_for`); anything else is an `ExportProblem` saying which
  endings there are.
- How: `replacing(path)` writes a temporary file in the same folder (so the
  rename cannot cross file systems), flushes, fsyncs, renames it over
  `path`, and fsyncs the folder. An error or a cancel (the progress callback
  raising) removes the temporary file: `path` is the old file or the new
  one, never a torn one. A temporary file left by a killed app (its pid is
  in the name) is removed by the next export into that folder.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, TextIO

from .brief import GroupBy
from .cache_folder import sweep_temporaries
from .filters import Filter
from .progress import Progress
from .query import Index, Result
from .text import shown
from .writers import WRITERS, Writer, write, writer_for

What = Literal["view", "marks", "chronology"]
WHATS: tuple[What, ...] = ("view", "marks", "chronology")
TEMP_PREFIX = ".genevatui-export-"
TEMP_SUFFIX = ".part"


class ExportProblem(Exception):
    """Why an export cannot be done, in one line for the user."""


def selection(index: Index, flt: Filter, what: What) -> Result:
    """The records `what` exports, the screen's filter being `flt`."""
    return index.run(Filter(marked=True) if what == "marks" else flt)


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
    text = text.strip()
    if not text:
        raise ExportProblem("give a file name")
    return cwd / Path(text).expanduser()


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
) -> None:
    """Write `result` with `writer` to `path`, replacing it whole.

    ExportProblem if it cannot be written; whatever `progress` raises comes
    out of here, and in both cases nothing is left at `path` but what was
    there before."""
    with replacing(path) as out:
        write(index, result, writer.name, out, group_by=group_by, progress=progress)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose contents replace `path` when the body ends
    normally; if it raises, `path` is untouched and no temporary file stays.
    A symlink is followed: the file it points to is replaced, not the link."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    sweep_temporaries(folder, TEMP_PREFIX, TEMP_SUFFIX, math.inf)  # only dead writers'
    try:
        fd, tmp = _create(folder)
    except OSError as exc:
        raise ExportProblem(f"{shown(str(path))}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            _keep_mode(real, out.fileno())
            os.fsync(out.fileno())
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportProblem(
                f"{shown(str(path))}: cannot write: {exc.strerror or exc}"
            ) from None
        raise
    with contextlib.suppress(OSError):  # the data is there; only durability is at stake
        _fsync_folder(folder)


def _create(folder: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: that makes the file 0600, and an export is an
    # ordinary file (0666 less the umask, which os.open applies).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")


def _keep_mode(path: Path, fd: int) -> None:
    """A replaced file keeps its permissions, as an editor's save does."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return  # a new file: the umask decided
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def _fsync_folder(folder: Path) -> None:
    # The rename lives in the folder's entries (as userfiles does; no
    # O_DIRECTORY on Windows, where this is not possible).
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
