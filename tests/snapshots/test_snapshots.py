"""SVG snapshots of the main screens (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/snapshots --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

from typing import Any

from genevatui import create_app
from genevatui.core.filters import Filter


def test_main_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(), terminal_size=(80, 24))


def test_main_160x50(snap_compare: Any) -> None:
    assert snap_compare(create_app(), terminal_size=(160, 50))


def test_filtered_by_speaker_after_jump(snap_compare: Any) -> None:
    app = create_app(flt=Filter(speakers=("sherman",)))
    assert snap_compare(app, press=["j", "j", "enter"], terminal_size=(160, 50))


def test_help_screen(snap_compare: Any) -> None:
    assert snap_compare(create_app(), press=["question_mark"], terminal_size=(120, 40))


def test_speaker_picker(snap_compare: Any) -> None:
    assert snap_compare(create_app(), press=["s", "r", "y", "a"], terminal_size=(120, 40))
