"""Reading files that a user names: regular files only, and never more than a cap.

Every file the program reads on a user's behalf (the dataset, its seeds, a
cache entry) goes through here. A FIFO would block a plain `open()` forever
and `/dev/zero` reports a size of 0 while being endless, so a path is opened
without blocking, checked with `fstat` on the open descriptor (a symlink to
a FIFO is caught too, and nothing can be swapped in between), and read with
a hard cap on the bytes actually read, not on what `st_size` claims.

Standard input (`-` or `/dev/stdin`) is the one exception: a pipe or a
redirected file, read once from descriptor 0 (never a terminal or a device).
"""

from __future__ import annotations

import hashlib
import os
import select
import stat
from pathlib import Path

BLOCK = 1 << 20
STDIN_NAMES = frozenset({"-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})


class FileProblem(Exception):
    """Why a file cannot be read, as a short phrase ("is a directory, not a file")."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def open_regular(path: Path) -> int:
    """An open descriptor for `path`, which must be a regular file.

    Raises FileProblem (missing, unreadable, or not a regular file).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except IsADirectoryError:
        raise FileProblem("is a directory, not a file") from None
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise FileProblem(f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise FileProblem(_kind(mode))
    return fd


def read_capped(fd: int, limit: int) -> bytes:
    """At most `limit` bytes from `fd`; FileProblem if there are more."""
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            try:
                block = os.read(fd, min(BLOCK, limit + 1 - total))
            except BlockingIOError:  # a pipe left non-blocking by whoever made it
                select.select([fd], [], [])
                continue
            if not block:
                break
            chunks.append(block)
            total += len(block)
            if total > limit:
                raise FileProblem(f"file too large (over {limit // 2**20} MiB, the limit)")
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror or exc}") from None
    return b"".join(chunks)


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them."""
    fd = open_regular(path)
    try:
        return read_capped(fd, limit)
    finally:
        os.close(fd)


def sha256_regular(path: Path) -> str | None:
    """sha256 of a regular file, read in blocks; None if it is not one or
    cannot be read (a FIFO is never opened for a blocking read)."""
    try:
        fd = open_regular(path)
    except FileProblem:
        return None
    digest = hashlib.sha256()
    try:
        while block := os.read(fd, BLOCK):
            digest.update(block)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest.hexdigest()


def is_stdin(path: str | Path) -> bool:
    """Whether a dataset path names standard input (`-`, `/dev/stdin`)."""
    return str(path) in STDIN_NAMES


def read_stdin(limit: int, fd: int = 0) -> bytes:
    """Standard input's bytes, at most `limit`: a pipe, a socket or a
    redirected regular file; never a terminal (nothing would end the read)
    nor a device such as /dev/zero."""
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        raise FileProblem("standard input is closed") from None
    if os.isatty(fd):
        raise FileProblem("standard input is a terminal: pipe a dataset into it")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        raise FileProblem(f"standard input {_kind(mode)}")
    return read_capped(fd, limit)
