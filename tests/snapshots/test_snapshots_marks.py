"""SVG snapshots of marks and notes (issue 11 §2) at 80x24: the marks view
(two marks, a note, an orphan) and the note editor, on a small dataset of
the test's own (marks are keyed by the dataset file's path).

Regenerate this module only: `pytest tests/snapshots/test_snapshots_marks.py
--snapshot-update`, and look at the SVG before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "functional"))
from marks_helpers import make_dataset  # noqa: E402

from genevatui import create_app  # noqa: E402
from genevatui.core.marks import MarkStore  # noqa: E402


@pytest.fixture
def dataset(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A fixed folder name: the path is not drawn, but keep the run the same.
    root = tmp_path_factory.mktemp("marks-snapshot")
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(root / "userdata"))
    path = make_dataset(root / "ds")
    store = MarkStore.for_dataset(path)
    store.set_marked("quote", "q00", True)
    store.set_marked("quote", "q03", True)
    store.set_note("quote", "q03", "Check the date against the second article.")
    store.set_marked("event", "talks", True)
    store.set_note("quote", "removed-by-the-curator", "An orphan: its quote is gone.")
    return path


def test_marks_view_80x24(snap_compare: Any, dataset: Path) -> None:
    assert snap_compare(create_app(dataset), press=["apostrophe"], terminal_size=(80, 24))


def test_note_editor_80x24(snap_compare: Any, dataset: Path) -> None:
    keys = ["j", "j", "j", "j", "a"]  # to q03, which has a note
    assert snap_compare(create_app(dataset), press=keys, terminal_size=(80, 24))


def test_marked_rows_80x24(snap_compare: Any, dataset: Path) -> None:
    """The signs in the statements' and the timeline's gutters."""
    assert snap_compare(create_app(dataset), terminal_size=(80, 24))
