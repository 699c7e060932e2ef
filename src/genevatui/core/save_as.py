"""Writing a text to a file the user named (the copy dialog's "write to file").

- Atomic (`atomic.replacing`): the target holds its old bytes or the new
  ones, never a part; a new file gets the usual permissions, a replaced one
  keeps its own.
- No overwrite unless asked: an existing file is `FileExists`, for the
  dialog to ask about.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .atomic import replacing
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
    try:
        with replacing(path) as out:
            out.write(text)
    except OSError as exc:
        raise SaveError(f"{name}: cannot write: {exc.strerror or exc}") from None
