"""Two windows on one dataset (issue 11 §2), as the app shows it: a note
another window changed meanwhile is kept beside this one's and the user is
told; a marks file from a newer genevatui is left alone and the marks
made here are said to live only until quitting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from marks_helpers import make_dataset, quote_id
from pilot_helpers import run
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.marks import MarkStore
from genevatui.tui.app import GenevaApp


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "userdata"))
    return tmp_path / "userdata"


def said(app: GenevaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_a_note_written_in_another_window_meanwhile_is_kept_and_said(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")
    target = quote_id(0)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        MarkStore.for_dataset(path).set_note("quote", target, "from the other window")
        await pilot.press("a", *"from this one", "ctrl+s")
        await pilot.pause()
        warning = f"quote {target}: another window changed this note meanwhile: both texts kept"
        assert warning in said(app), said(app)
        assert app.user.marks.warnings == []  # said once, then cleared

    run(create_app(path), body)
    other, between, mine = MarkStore.for_dataset(path).note("quote", target).split("\n")
    assert (other, mine) == ("from the other window", "from this one")
    assert between.startswith("— also written in another window at ")


def test_a_newer_marks_file_is_left_alone_and_marks_live_until_quitting(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")
    store_path = MarkStore.for_dataset(path).path
    assert store_path is not None
    store_path.parent.mkdir(parents=True, exist_ok=True)
    data = b'{"format": "genevatui-marks", "version": 2, "marks": []}'
    store_path.write_bytes(data)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert any("written by a newer genevatui" in m for m in said(app)), said(app)
        await pilot.press("m")
        assert app.user.marks.is_marked("quote", quote_id(0))  # works, in memory
        assert any("not saved (kept for now; kept until you quit)" in m for m in said(app))

    run(create_app(path), body)
    assert store_path.read_bytes() == data
