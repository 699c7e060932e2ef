"""Housekeeping of the cache folder: leftovers of killed writers, and a size cap.

A writer killed between creating its temporary file and renaming it (SIGKILL,
SIGTERM without a handler, a power cut) cannot clean up after itself, so the
next writer does: the writer's pid is in the temporary file's name.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path


def sweep_temporaries(folder: Path, prefix: str, suffix: str, max_age: float) -> None:
    """Remove `prefix<pid>-*suffix` temporary files whose writer has died
    (killed mid-write: SIGKILL, SIGTERM, a power cut) or older than `max_age` s."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(suffix)):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = _writer_pid(entry.name[len(prefix) :])
        if age > max_age or (pid is not None and pid != os.getpid() and not _alive(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _writer_pid(rest: str) -> int | None:
    head = rest.split("-", 1)[0]
    if not (head.isascii() and head.isdigit() and len(head) <= 9):
        return None  # not ours, or no pid a kernel gives (os.kill would overflow)
    return int(head)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # e.g. another user's process: it may still be writing
    return True


def evict(folder: Path, suffix: str, keep: Path, max_total: int) -> None:
    """Delete least recently used `*suffix` entries (never `keep`) until the
    folder holds at most `max_total` bytes. A hit refreshes an entry's mtime."""
    entries: list[tuple[float, int, str]] = []
    try:
        for entry in os.scandir(folder):
            if entry.name.startswith(".") or not entry.name.endswith(suffix):
                continue
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode):
                entries.append((st.st_mtime, st.st_size, entry.path))
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for _, size, name in sorted(entries):
        if total <= max_total:
            break
        if name == str(keep):
            continue
        try:
            os.unlink(name)
        except OSError:
            continue
        total -= size
