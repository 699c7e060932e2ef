"""Writing a text to a file the user named (the copy dialog's "write to file").

Not `userfiles.atomic_write`: that one sweeps old temporary files from the
folder it writes in, which is right for our own folders and wrong for the
user's home or project folder. Here the temporary file is the target's
own (`.name.<random>.part`), removed whatever happens.

- Atomic: the target holds its old bytes or the new ones, never a part.
- No overwrite unless asked: without `overwrite` the new file is linked
  into place (`os.link` fails if the name exists, so another program that
  creates it meanwhile is not clobbered either).
- A new file gets the usual permissions (0666 less the umask), not the
  temporary file's 0600; an overwritten one keeps its own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .text import shown


class SaveError(Exception):
    """The file could not be written: one line naming it and why."""


class FileExists(SaveError):
    """The file exists and overwriting was not asked for."""


def target_path(text: str, base: Path | None = None) -> Path:
    """The path the user typed: `~` expanded, relative to `base` (default: cwd)."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else (base or Path.cwd()) / path


def save_text(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` (UTF-8) to `path` atomically. Raises FileExists when it is
    there and `overwrite` is false, SaveError for anything else."""
    name = shown(str(path))
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise SaveError(f"{name}: cannot write: {exc.strerror or exc}") from None
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            raise SaveError(f"{name}: not a regular file; not written")
        if not overwrite:
            raise FileExists(f"{name} exists")
        mode = stat.S_IMODE(existing.st_mode)
    else:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise SaveError(f"{name}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link(tmp, path)
    except FileExistsError:
        raise FileExists(f"{name} exists") from None
    except OSError as exc:
        raise SaveError(f"{name}: cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # after os.replace it is gone already
    _fsync_folder(path.parent)


def _link(tmp: str, path: Path) -> None:
    """Put `tmp` in place as `path` unless `path` exists (FileExistsError)."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # No hard links here (FAT, some network file systems): check, then
        # rename; another program could slip in between, which is unlikely.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists") from None
        os.replace(tmp, path)


def _umask() -> int:
    # os.umask only sets it: set and put back (the app has no other threads writing files).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
