"""Snapshot of issue 11 §4: the export dialog at 80×24 over a filtered view."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.tui.screens import export_dialog


def test_the_export_dialog_at_80x24(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_dialog, "today", lambda: datetime.date(2026, 12, 3))
    app = create_app(flt=Filter(speakers=("sherman",)))
    assert snap_compare(app, press=["e"], terminal_size=(80, 24))
