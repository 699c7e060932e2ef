"""TERM=dumb (Emacs' shell, some IDE consoles and CI logs): the explorer
refuses in one line and a non-zero exit, and writes no escape sequence, so
the terminal is left as it was. Piped stdout keeps its own refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pty_helpers import MINI, Tui

from genevatui.tui.terminal import unfit_terminal

ESC = b"\x1b"


def run_in_pty(term: str, *, pipe_stdout: bool = False) -> tuple[int, bytes]:
    """genevatui on a pseudo-terminal with TERM=`term`: its exit code and every
    byte it wrote to the terminal (stdout too, unless `pipe_stdout`)."""
    with Tui(["--data", str(MINI)], (80, 24), term=term, pipe_stdout=pipe_stdout) as tui:
        code = tui.finish()
        if pipe_stdout:
            assert tui.piped() == b""  # nothing on the pipe either
        return code, bytes(tui.out)


def test_dumb_terminal_refuses_in_one_line_and_writes_no_escape() -> None:
    code, out = run_in_pty("dumb")
    assert code == 2, out
    assert ESC not in out, out  # no alternate screen, no mouse mode, no colour
    lines = out.decode().splitlines()
    assert len(lines) == 1, out
    assert lines[0].startswith("genevatui: ") and "TERM=dumb" in lines[0]


def test_dumb_terminal_with_piped_stdout_keeps_the_pipe_refusal() -> None:
    # `genevatui | cat`: the refusal of issue 8 (stdout is not a terminal) comes first.
    code, out = run_in_pty("dumb", pipe_stdout=True)
    assert code == 2, out
    assert ESC not in out, out
    assert out.decode().strip().startswith("genevatui: the explorer needs a terminal, and stdout")


def test_dumb_terminal_still_reports_bad_data_first(tmp_path: Path) -> None:
    """As with a pipe, a broken dataset is reported as validate reports it."""
    bad = tmp_path / "events.yaml"
    bad.write_text("version: 1\nquotes: [\n", encoding="utf-8")
    master, slave = os.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "genevatui", "--data", str(bad)],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=dict(os.environ, TERM="dumb"),
        timeout=60,
    )
    os.close(slave)
    os.close(master)
    assert done.returncode == 1
    assert str(bad) in done.stderr.decode() and ESC not in done.stderr


@pytest.mark.parametrize(
    ("term", "unfit"),
    [("dumb", True), (" Dumb ", True), ("xterm-256color", False), ("", False), (None, False)],
)
def test_unfit_terminal(term: str | None, unfit: bool) -> None:
    environ = {} if term is None else {"TERM": term}
    assert (unfit_terminal(environ) is not None) is unfit


def test_the_terminal_check_imports_no_textual() -> None:
    script = (
        "import sys; from genevatui.tui.terminal import unfit_terminal; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr
