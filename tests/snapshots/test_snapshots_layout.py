"""Snapshots of the layout (issue 10 §3): the pane tabs at 80x24.

Regenerate only this module: `pytest tests/snapshots/test_snapshots_layout.py
--snapshot-update`, and look at the SVGs before committing them.
"""

from __future__ import annotations

from typing import Any

from genevatui import create_app


def test_narrow_tabs_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(), terminal_size=(80, 24))


def test_narrow_timeline_tab_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(), press=["1"], terminal_size=(80, 24))


def test_reading_mode_160x50(snap_compare: Any) -> None:
    assert snap_compare(create_app(), press=["z"], terminal_size=(160, 50))
