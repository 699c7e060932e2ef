"""The user's own files (marks, notes, sessions, settings): where they live,
how they are written, and what happens to one that cannot be read.

One module of locations (as posting's `locations.py`): each folder is
overridable by an environment variable, so tests never touch the real ones.

- Writes are atomic and durable (`atomic.replacing`): a reader sees the
  old file or the new one, never a torn one, after a kill -9 or a power cut.
- Read-modify-write is done under an advisory lock (`fcntl.flock` on a
  `.lock` file beside the data), so two instances merge instead of one
  overwriting the other's changes. Where there is no `fcntl` (Windows),
  `locked` does not lock: each save is still atomic, but two instances
  saving at the same instant may lose the change one made in between.
- A file that cannot be used (bad JSON, wrong shape, another version, too
  large, not a regular file) is renamed to `name.broken-<timestamp>` and
  a one-line warning names it: nothing is overwritten without a copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import msgspec

from .atomic import replacing
from .files import FileProblem, read_regular
from .text import shown

TEMP_MAX_AGE = 600.0
"""Seconds after which a temporary file is left over whoever wrote it."""
MAX_BYTES = 16 * 2**20
"""A user file larger than this is not ours (or not sane): it is moved aside."""


def data_dir() -> Path:
    """The user data folder: marks, notes and sessions (GENEVATUI_DATA_DIR overrides it)."""
    override = os.environ.get("GENEVATUI_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("genevatui", appauthor=False))


def config_dir() -> Path:
    """The user config folder: settings (GENEVATUI_CONFIG_DIR overrides it)."""
    override = os.environ.get("GENEVATUI_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("genevatui", appauthor=False))


def dataset_key(yaml_path: str | Path) -> str:
    """A dataset's identity: a hash of its resolved path.

    Not of its content: curators edit the dataset (a typo fixed, a quote
    added), and the marks and session must survive the edit; ids, not
    bytes, say what a mark is on (an id gone is an orphan, kept). The same
    file reached through another relative path or a symlink is the same
    dataset. Raises OSError or RuntimeError if the path cannot be resolved.
    """
    return hashlib.sha256(os.fsencode(Path(yaml_path).resolve())).hexdigest()[:32]


def dataset_file(yaml_path: str | Path, suffix: str) -> Path:
    """The user data file for this dataset ending in `suffix` (".marks.json")."""
    return data_dir() / f"{dataset_key(yaml_path)}{suffix}"


class UserFileError(Exception):
    """A user file could not be written: one line naming it and why."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that it holds either the old bytes or
    the new ones whatever happens (SIGKILL, a power cut): `atomic.replacing`,
    private to the user. Raises UserFileError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        # mkdir's "File exists" would not say that a file is in the way
        where = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise UserFileError(f"{path}: cannot save: {where} is not a folder") from None
    except OSError as exc:
        raise UserFileError(f"{path}: cannot save: {exc.strerror or exc}") from None
    try:
        with replacing(path, binary=True, private=True, max_age=TEMP_MAX_AGE) as out:
            out.write(data)
    except OSError as exc:
        raise UserFileError(f"{path}: cannot save: {exc.strerror or exc}") from None


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the advisory lock of `path` (on `path.lock`, which is never
    replaced, so every instance locks the same inode) while the body runs.
    Raises UserFileError if the lock file cannot be made."""
    try:
        import fcntl
    except ImportError:  # Windows: atomic saves, no mutual exclusion (see module doc)
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise UserFileError(f"{path}: cannot save: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock, also if the process is killed


def read_user_file(path: Path) -> bytes | None:
    """The bytes of `path`; None when there is no such file.

    Raises FileProblem when it is there but unusable (not a regular file,
    unreadable, larger than MAX_BYTES)."""
    if not os.path.lexists(path):
        return None
    return read_regular(path, MAX_BYTES)


def move_aside(path: Path, problem: str) -> tuple[str, bool]:
    """Rename the unusable `path` to `path.broken-<timestamp>`: the one-line
    warning that says so, and whether it was moved (if not, the caller must
    not write `path`: it would destroy the only copy)."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while os.path.lexists(aside):  # two in one second: never overwrite a copy
        n += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        os.rename(path, aside)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return f"{path}: {problem}; cannot move it aside ({reason}): left as it is", False
    return f"{path}: {problem}; moved aside to {aside.name}, starting empty", True


T = TypeVar("T")


class _Head(msgspec.Struct):
    """What every user data file starts with; the rest depends on `version`."""

    format: str
    version: int


def load_versioned(
    path: Path, fmt: str, version: int, kind: type[T]
) -> tuple[T | None, str | None, bool]:
    """Read the JSON file `path` of format `fmt` and `version` as `kind`.

    Returns (the value or None, a one-line warning or None, whether `path`
    may be written). No file: (None, None, True). A file that cannot be
    used (unreadable, too large, bad JSON, another format or version, wrong
    shape) is moved aside: (None, warning, moved)."""
    try:
        raw = read_user_file(path)
        if raw is None:
            return None, None, True
        head = msgspec.json.decode(raw, type=_Head)
        if head.format != fmt:
            problem = f"not a {fmt} file (format {head.format!r})"
        elif head.version != version:
            problem = f"{fmt} version {head.version}, this program reads version {version}"
        else:
            return msgspec.json.decode(raw, type=kind), None, True
    except (FileProblem, msgspec.ValidationError, msgspec.DecodeError) as exc:
        problem = unreadable(exc)
    warning, moved = move_aside(path, shown(problem))
    return None, warning, moved


def unreadable(exc: FileProblem | msgspec.ValidationError | msgspec.DecodeError) -> str:
    """Why a user file could not be read, in a few words (for its warning)."""
    if isinstance(exc, FileProblem):
        return exc.message
    if isinstance(exc, msgspec.ValidationError):
        return f"unexpected content: {exc}"
    return f"not valid JSON: {exc}"


__all__ = [
    "unreadable",
    "FileProblem",
    "UserFileError",
    "atomic_write",
    "config_dir",
    "data_dir",
    "dataset_file",
    "dataset_key",
    "load_versioned",
    "locked",
    "move_aside",
    "read_user_file",
]
