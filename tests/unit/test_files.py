"""What the loader reads: regular files only, capped; standard input once.

Root causes of issue 8: 4 (a FIFO as a seed or as `--data`, or a symlink to
one, blocked validate, export and the TUI forever), 5 (`--data /dev/zero`
got past the 256 MiB cap: its st_size is 0) and 14 (`cat events.yaml |
genevatui export --data /dev/stdin` said "the file is empty": hashing the
pipe for the cache consumed it). Everything that could block runs in a
subprocess with a timeout, in its own session so nothing is left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pty
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_DIR, MINI_YAML, edit, make_dataset, position, subprocess_env

from genevatui.core.files import FileProblem, read_capped, read_regular, read_stdin

TIMEOUT = 60
FIFO = "is a named pipe (FIFO), not a regular file"
COMMANDS = {"validate": ["validate"], "export": ["export"], "tui": []}


def genevatui(
    *args: str, cwd: Path | None = None, stdin: object = subprocess.DEVNULL, cache: Path
) -> tuple[int, str, str]:
    """Run the CLI; fail (never hang) if it is still running after TIMEOUT."""
    env = subprocess_env()
    env["GENEVATUI_CACHE_DIR"] = str(cache)
    proc = subprocess.Popen(
        [sys.executable, "-m", "genevatui", *args],
        cwd=cwd,
        env=env,
        stdin=stdin,  # type: ignore[arg-type]
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"`genevatui {' '.join(args)}` blocked for {TIMEOUT} s")
    return proc.returncode, out.decode(errors="replace"), err.decode(errors="replace")


# -- FIFOs and devices are refused, never read -------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("how", ["fifo", "symlink-to-fifo"])
def test_a_fifo_as_the_dataset_is_refused(tmp_path: Path, command: str, how: str) -> None:
    os.mkfifo(tmp_path / "pipe")
    data = tmp_path / "pipe"
    if how == "symlink-to-fifo":
        os.symlink(tmp_path / "pipe", tmp_path / "events.yaml")
        data = tmp_path / "events.yaml"
    code, out, err = genevatui(*COMMANDS[command], "--data", str(data), cache=tmp_path / "c")
    assert (code, out) == (1, ""), err
    assert err.splitlines() == [f"{data}:1:1: {FIFO}", "1 problem(s); nothing loaded"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("how", ["fifo", "symlink-to-fifo", "fifo-with-sha256"])
def test_a_fifo_as_a_seed_is_refused(tmp_path: Path, command: str, how: str) -> None:
    text = MINI_YAML
    if how == "fifo-with-sha256":  # the drift check must not open it either
        sha = hashlib.sha256(MINI_ARTICLE.encode()).hexdigest()
        seed = "    file: seeds/article.txt\n"
        text = edit(MINI_YAML, (seed, f"{seed}    sha256: {sha}\n"))
    path = make_dataset(tmp_path, text)
    seed_path = tmp_path / "seeds" / "article.txt"
    seed_path.unlink()
    if how == "symlink-to-fifo":
        os.mkfifo(tmp_path / "seeds" / "pipe")
        os.symlink("pipe", seed_path)
    else:
        os.mkfifo(seed_path)
    code, out, err = genevatui(*COMMANDS[command], "--data", str(path), cache=tmp_path / "c")
    line, col = position(text, "seeds/article.txt")
    assert (code, out) == (1, ""), err
    assert err.splitlines() == [
        f"{path}:{line}:{col}: sources[0].file: source file 'seeds/article.txt': {FIFO}",
        "1 problem(s); nothing loaded",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_dev_zero_as_the_dataset_is_refused(tmp_path: Path, command: str) -> None:
    # st_size is 0, so a cap on st_size let it through to 8.7 GB.
    code, out, err = genevatui(*COMMANDS[command], "--data", "/dev/zero", cache=tmp_path / "c")
    assert (code, out) == (1, ""), err
    assert err.splitlines() == [
        "/dev/zero:1:1: is a device, not a regular file",
        "1 problem(s); nothing loaded",
    ]


def test_read_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(FileProblem, match="named pipe"):
        read_regular(tmp_path / "pipe", 100)  # no writer: a plain open() would block here


@contextlib.contextmanager
def filled_pipe(data: bytes) -> Iterator[int]:
    """The read end of a pipe that holds `data` and whose writer has closed."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, data)
        os.close(write_end)
        yield read_end
    finally:
        os.close(read_end)


def test_the_cap_is_on_the_bytes_actually_read() -> None:
    with filled_pipe(b"x" * 5000) as read_end, pytest.raises(FileProblem, match="file too large"):
        read_capped(read_end, 4096)


# -- standard input ----------------------------------------------------------------


def project(tmp_path: Path) -> Path:
    """A copy of the mini dataset; the folder it is run from."""
    folder = tmp_path / "p"
    shutil.copytree(MINI_DIR, folder)
    return folder


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_export_reads_a_piped_dataset(tmp_path: Path, name: str) -> None:
    folder = project(tmp_path)
    with open(folder / "events.yaml", "rb") as f:
        piped = subprocess.Popen(["cat"], stdin=f, stdout=subprocess.PIPE)
        code, out, err = genevatui(
            "export", "--format", "jsonl", "--data", name, cwd=folder, stdin=piped.stdout,
            cache=tmp_path / "c",
        )  # fmt: skip
        piped.wait()
    assert (code, err) == (0, ""), err
    assert len(out.splitlines()) == 3  # the mini dataset's three quotes
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())  # never cached


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_validate_reads_a_redirected_dataset(tmp_path: Path, name: str) -> None:
    folder = project(tmp_path)
    with open(folder / "events.yaml", "rb") as f:
        code, out, err = genevatui("validate", "--data", name, cwd=folder, stdin=f, cache=tmp_path)
    assert (code, err) == (0, ""), err
    assert out.startswith("ok: <stdin>: 1 sources, 3 people")


def test_problems_in_standard_input_are_labelled_stdin(tmp_path: Path) -> None:
    folder = project(tmp_path)
    text = edit(MINI_YAML, ("speaker: sherman", "speaker: sheman"))
    (folder / "broken.yaml").write_text(text, encoding="utf-8")
    with open(folder / "broken.yaml", "rb") as f:
        code, out, err = genevatui("validate", "--data", "-", cwd=folder, stdin=f, cache=tmp_path)
    line, col = position(text, "sheman")
    assert (code, out) == (1, ""), err
    assert err.splitlines()[0].startswith(f"<stdin>:{line}:{col}: quotes[1].speaker: unknown")


def test_seeds_of_standard_input_follow_the_data_folder_rule(tmp_path: Path) -> None:
    # Run from `data/`, seeds/ beside it is found, as for data/events.yaml.
    folder = tmp_path / "p"
    make_dataset(folder / "data")
    shutil.move(folder / "data" / "seeds", folder / "seeds")
    with open(folder / "data" / "events.yaml", "rb") as f:
        code, out, err = genevatui(
            "validate", "--data", "-", cwd=folder / "data", stdin=f, cache=tmp_path
        )
    assert code == 0, err


def test_standard_input_that_is_a_terminal_is_refused(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        code, out, err = genevatui(
            "validate", "--data", "-", stdin=terminal, cwd=tmp_path, cache=tmp_path
        )
    finally:
        os.close(controller)
        os.close(terminal)
    assert (code, out) == (1, "")
    assert (
        err.splitlines()[0] == "<stdin>:1:1: standard input is a terminal: pipe a dataset into it"
    )


def test_standard_input_from_dev_zero_is_refused(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        code, out, err = genevatui("validate", "--data", "-", stdin=zero, cache=tmp_path)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == "<stdin>:1:1: standard input is a device, not a regular file"


def test_read_stdin_is_capped() -> None:
    with filled_pipe(b"y" * 3000) as read_end, pytest.raises(FileProblem, match="file too large"):
        read_stdin(2048, fd=read_end)
