"""The TUI on a dataset whose article changed: orphans listed, never placed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import main_screen, run, source, widget_lines
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.spans import Span, SpanIndex
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.orphans import OrphansScreen

ROOT = Path(__file__).resolve().parents[2]
LIVE = "seeds/003_84cbc51a97b16ca5.txt"
LOST = "state-department-right-to-choose-alliances"


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "p" / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "p" / "seeds")
    seed = tmp_path / "p" / LIVE
    text = seed.read_text(encoding="utf-8")
    start = text.index("From the American side, only a short statement")
    seed.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    return tmp_path / "p" / "data" / "events.yaml"


def test_orphans_are_counted_listed_and_never_placed(changed: Path) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        dataset = screen.index.dataset
        orphans = dataset.orphans
        assert orphans
        counts = "\n".join(widget_lines(screen.query_one("#counts")))
        assert f"{len(orphans)} orphaned (o)" in counts
        index = SpanIndex(dataset, Span)
        for spans in map(index.of, (s.id for s in dataset.spec.sources)):
            assert not {s.key for s in spans if s.kind == "quote"} & set(orphans)
        await pilot.press("o")
        assert isinstance(app.screen, OrphansScreen)
        assert LOST in "\n".join(widget_lines(app.screen.query_one("#orphans-body")))
        await pilot.press("escape")
        assert app.screen is screen

    run(create_app(changed), body)


def test_going_to_an_orphan_shows_no_passage(changed: Path) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        assert view.current_span is None
        assert "no longer in its article" in "\n".join(widget_lines(view))

    run(create_app(changed, goto=LOST), body)
