"""The cache folder does not grow without bound, and leaves nothing behind.

One entry per dataset path (an edit replaces it), a total size cap (least
recently used out first), and temporary files of killed writers swept.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import MINI_YAML, make_dataset, subprocess_env

from genevatui.core import cache
from genevatui.core.loader import load_index


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".msgpack")


def test_five_edits_leave_one_entry(tmp_path: Path, folder: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    for n in range(5):
        yaml_path.write_text(MINI_YAML.replace("title: Geneva talks", f"title: Talks {n}"), "utf-8")
        assert load_index(yaml_path).dataset.spec.events[0].title == f"Talks {n}"
        assert len(entries(folder)) == 1
    assert cache.read(yaml_path) is not None
    assert os.listdir(folder) == [entries(folder)[0].name]  # no temporary file either


def test_each_dataset_path_has_its_own_entry(tmp_path: Path, folder: Path) -> None:
    for name in ("a", "b"):
        load_index(make_dataset(tmp_path / name))
    assert len(entries(folder)) == 2
    assert cache.read(tmp_path / "a" / "events.yaml") is not None
    assert cache.read(tmp_path / "b" / "events.yaml") is not None


def test_a_hit_marks_the_entry_used(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    load_index(yaml_path)
    file = cache.cache_path(yaml_path)
    os.utime(file, (1_000_000, 1_000_000))
    assert cache.read(yaml_path) is not None
    assert file.stat().st_mtime > 1_000_000


def test_the_least_recently_used_entries_go_over_the_cap(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [make_dataset(tmp_path / name) for name in ("old", "used", "new")]
    load_index(paths[0])
    load_index(paths[1])
    size = cache.cache_path(paths[0]).stat().st_size
    os.utime(cache.cache_path(paths[0]), (2_000_000, 2_000_000))  # least recently used
    os.utime(cache.cache_path(paths[1]), (1_000_000, 1_000_000))
    assert cache.read(paths[1]) is not None  # used now: the newest
    stranger = folder / ("f" * 32 + ".msgpack")  # e.g. an entry of an older version
    stranger.write_bytes(b"x" * 10)
    os.utime(stranger, (3_000_000, 3_000_000))
    monkeypatch.setattr(cache, "MAX_TOTAL", 2 * size + 5)  # old and stranger must go
    load_index(paths[2])
    assert cache.read(paths[0]) is None
    assert cache.read(paths[1]) is not None
    assert cache.read(paths[2]) is not None
    assert not stranger.exists()  # used longer ago than "used": gone next


def test_an_entry_alone_over_the_cap_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_TOTAL", 10)
    yaml_path = make_dataset(tmp_path / "ds")
    load_index(yaml_path)
    assert cache.read(yaml_path) is not None


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftover_temporary_files_are_swept_at_the_next_write(tmp_path: Path, folder: Path) -> None:
    folder.mkdir()
    old = time.time() - cache.TEMP_MAX_AGE - 60
    dead = folder / f".tmp-{dead_pid()}-abc.msgpack"
    stale = folder / f".tmp-{os.getppid()}-old.msgpack"  # a live pid (maybe reused), but old
    unnamed = folder / ".tmp-k2j4h5.msgpack"  # written before pids were in the name
    alive = folder / f".tmp-{os.getppid()}-new.msgpack"  # a writer that may still be at work
    ours = folder / f".tmp-{os.getpid()}-new.msgpack"
    fresh_unnamed = folder / ".tmp-zzzz.msgpack"
    huge = folder / f".tmp-{'9' * 30}-x.msgpack"  # no such pid: os.kill would overflow
    for file in (dead, stale, unnamed, alive, ours, fresh_unnamed, huge):
        file.write_bytes(b"partial")
    for file in (stale, unnamed):
        os.utime(file, (old, old))
    load_index(make_dataset(tmp_path / "ds"))
    assert not dead.exists() and not stale.exists() and not unnamed.exists()
    assert alive.exists() and ours.exists() and fresh_unnamed.exists() and huge.exists()


WRITER = """
import os, sys, time
from pathlib import Path
from genevatui.core.loader import load_index

def stall(src, dst):  # stop between writing the temporary file and renaming it
    print("writing", flush=True)
    time.sleep(600)

os.replace = stall
load_index(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_writer_killed_mid_write_leaves_nothing_after_the_next_write(
    tmp_path: Path, folder: Path, sig: signal.Signals
) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(yaml_path)],
        stdout=subprocess.PIPE,
        env=subprocess_env(),
    )
    try:
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 120)
        assert ready and child.stdout.readline() == b"writing\n"
        [leftover] = folder.glob(".tmp-*.msgpack")
        assert leftover.name.startswith(f".tmp-{child.pid}-")
    finally:
        child.send_signal(sig)
        child.wait(timeout=60)
    assert leftover.exists()  # nothing could clean up: the process just died
    assert cache.read(yaml_path) is None
    load_index(yaml_path)  # the next write sweeps it
    assert not leftover.exists()
    assert [p.name for p in folder.iterdir()] == [cache.cache_path(yaml_path).name]
