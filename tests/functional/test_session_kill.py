"""A session survives `kill -9` (issue 11 §3): the app, on a real pty, is
killed at random moments while it saves; the session file is then always
whole (the last one saved, or none yet), and a relaunch restores it."""

from __future__ import annotations

import random
import shutil
import signal
from pathlib import Path

import pytest
from pty_helpers import MINI, Tui

from genevatui.core.session import load_session, session_path


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "user-data"))
    folder = tmp_path / "dataset"
    shutil.copytree(MINI.parent, folder)
    return folder / "events.yaml"


def test_a_saved_session_outlives_kill_9_and_comes_back(data: Path) -> None:
    with Tui(["--data", str(data)], size=(120, 30)) as tui:
        tui.wait_for(b"Statements")
        tui.send("L")  # a layout change: saved within a second
        tui.drain(2.5)
        tui.signal(signal.SIGKILL)
        tui.proc.wait(timeout=30)
    saved, warnings = load_session(data)
    assert warnings == [] and saved is not None and saved.layout == "lists"
    with Tui(["--data", str(data)], size=(120, 30)) as tui:
        tui.wait_for(b"Statements")
        tui.send("q")
        assert tui.finish() == 0
    again, _ = load_session(data)
    assert again is not None and again.layout == "lists"  # restored, so saved as such


def test_kill_9_at_random_moments_never_leaves_a_broken_file(data: Path) -> None:
    rng = random.Random(11)
    layouts: set[str] = set()
    for _ in range(8):
        with Tui(["--data", str(data)], size=(100, 30)) as tui:
            tui.wait_for(b"Statements")
            for _ in range(rng.randint(1, 4)):
                tui.send("L")
                tui.drain(rng.uniform(0.2, 1.4))
            tui.signal(signal.SIGKILL)
            tui.proc.wait(timeout=30)
        saved, warnings = load_session(data)
        assert warnings == [], warnings  # never damaged
        assert not [p for p in session_path(data).parent.iterdir() if ".broken" in p.name]
        if saved is not None:
            layouts.add(saved.layout)
    assert layouts, "no session was ever saved"
