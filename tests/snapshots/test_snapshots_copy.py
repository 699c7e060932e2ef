"""SVG snapshot of the copy dialog (`Y`, issue 11 §1) at 80x24, on
tests/data/mini, over its reported statement: the formats, and the plain
text exactly as it is copied (no quotation marks around the paraphrase).

Regenerate this module only: `pytest tests/snapshots/test_snapshots_copy.py
--snapshot-update`, and look at the SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from genevatui import create_app

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "events.yaml"


def test_copy_dialog_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(MINI), press=["j", "Y"], terminal_size=(80, 24))
