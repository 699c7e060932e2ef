"""kill -9 of the app itself while it saves marks (issue 11 §2): the app
runs in a real terminal on a dataset of its own, `m` is pressed on row
after row, and the process is killed at a random moment, again and again,
each time relaunched on the same marks. Whatever the marks file held
before a kill is still there after it, and the file is always valid."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from marks_helpers import make_dataset
from pty_helpers import Tui

from genevatui.core.marks import SUFFIX, MarkStore
from genevatui.core.userfiles import dataset_file

ROUNDS = 6
QUOTES = 60


def marked_in(path: Path) -> set[str]:
    """The quote ids marked in the file (which must be valid JSON if there)."""
    if not path.exists():
        return set()
    data = json.loads(path.read_bytes())
    return {m["id"] for m in data["marks"] if m["kind"] == "quote" and m["marked"]}


def test_kill_9_while_marking_loses_nothing_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "userdata"))
    dataset = make_dataset(tmp_path / "ds", QUOTES)
    store = dataset_file(dataset, SUFFIX)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    saved: set[str] = set()  # what the file held before the last kill
    offset = 0  # rows marked (or tried) in earlier rounds: never toggled again
    for round_ in range(ROUNDS):
        why = f"seed {seed}, round {round_}"
        with Tui(["--fresh", "--data", str(dataset)], size=(80, 24)) as tui:
            tui.wait_for(b"Statements")
            tui.drain(0.3)
            tui.send("j" * offset)
            presses = rng.randint(2, 6)
            for _ in range(presses):
                tui.send("m")
                tui.drain(rng.uniform(0.0, 0.12))
                seen = marked_in(store)  # what a kill from now on must not lose
                assert saved <= seen, why
                saved = seen
                tui.send("j")
            tui.drain(rng.uniform(0.0, 0.1))
            seen = marked_in(store)
            assert saved <= seen, why
            saved = seen
            # the kill: Tui.close sends SIGKILL to the app's process group
        offset += presses + 1
        after = marked_in(store)  # valid JSON, or json.loads raised
        assert saved <= after, why
        saved = after
        time.sleep(0.05)
    final = MarkStore(store)
    assert not final.warnings, final.warnings  # never moved aside as damaged
    assert final.marked_ids("quote") == frozenset(saved)
    assert saved, f"seed {seed}: no mark was ever saved"
