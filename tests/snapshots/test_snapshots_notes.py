"""SVG snapshot of a curator's note shown whole (issue 10 §1): the details
view (`i`) at 80x24, on tests/data/articles, whose first statement has a
note far longer than the citation block.

Regenerate this module only: `pytest tests/snapshots/test_snapshots_notes.py
--snapshot-update`, and look at the SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from genevatui import create_app

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles" / "events.yaml"


def test_details_show_a_long_note_whole_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(ARTICLES), press=["i"], terminal_size=(80, 24))


def test_citation_block_cues_the_rest_80x24(snap_compare: Any) -> None:
    assert snap_compare(create_app(ARTICLES), terminal_size=(80, 24))
