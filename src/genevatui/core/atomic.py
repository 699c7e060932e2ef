"""Replacing a file whole: the one way genevatui writes a file that matters
(the user's marks, notes and session; an export; a copied citation saved
to a file).

`replacing(path)` gives a stream on a temporary file in the same folder
(so the rename cannot cross file systems); when the body ends normally it
is flushed, fsynced and renamed over `path`, then the folder is fsynced so
the rename itself survives a power cut. If the body raises (an error, a
cancel), the temporary file is removed and `path` is untouched: a reader,
or the app after a `kill -9`, finds the old file or the new one, never a
torn one. The temporary file's name holds the writer's pid, so one left
by a killed writer is swept by the next write into that folder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO, overload

from .cache_folder import sweep_temporaries

TEMP_PREFIX = ".genevatui-"
TEMP_SUFFIX = ".part"


@overload
def replacing(
    path: Path, *, binary: Literal[False] = ..., private: bool = ..., max_age: float = ...
) -> contextlib.AbstractContextManager[TextIO]: ...
@overload
def replacing(
    path: Path, *, binary: Literal[True], private: bool = ..., max_age: float = ...
) -> contextlib.AbstractContextManager[BinaryIO]: ...
def replacing(
    path: Path, *, binary: bool = False, private: bool = False, max_age: float = float("inf")
) -> contextlib.AbstractContextManager[TextIO] | contextlib.AbstractContextManager[BinaryIO]:
    """A stream (UTF-8 text, or bytes with `binary`) whose contents replace
    `path` when the body ends normally. Raises OSError.

    - A symlink is followed: the file it points to is replaced, not the link.
    - A replaced file keeps its permissions, as an editor's save does; a new
      one gets 0666 less the umask, or 0600 when `private` (the user's notes).
    - Temporary files of dead writers (and, with `max_age`, any older than
      that many seconds) are swept from the folder first.
    """
    return _replacing(path, binary, private, max_age)


@contextlib.contextmanager
def _replacing(path: Path, binary: bool, private: bool, max_age: float) -> Iterator[Any]:
    real = Path(os.path.realpath(path))
    folder = real.parent
    sweep_temporaries(folder, TEMP_PREFIX, TEMP_SUFFIX, max_age)
    fd, tmp = _create(folder, 0o600 if private else 0o666)
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "") as out:
            yield out
            out.flush()
            _keep_mode(real, out.fileno())
            os.fsync(out.fileno())
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the data is there; only durability is at stake
        fsync_folder(folder)


def _create(folder: Path, mode: int) -> tuple[int, Path]:
    # Not tempfile.mkstemp: it makes every file 0600, and an export is an
    # ordinary file (os.open applies the umask to `mode`).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")


def _keep_mode(path: Path, fd: int) -> None:
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return  # a new file: its mode was set when it was made
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Raises OSError. Not possible on
    Windows (no O_DIRECTORY), where it does nothing."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
