"""Exporting the marks from the app (issue 11 §4, review): the dialog counts
what is marked (events too), the files carry the user's notes and the
marked events, and a format that cannot hold something says so before and
after writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from marks_helpers import make_dataset, quote_id
from pilot_helpers import main_screen, recording_notifications, run
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static

from genevatui import create_app
from genevatui.core.export import export
from genevatui.core.filters import Filter
from genevatui.core.marks import MarkStore
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.export_dialog import ExportScreen

NOTE = "Check *the date* [1]"


@pytest.fixture(autouse=True)
def _folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.chdir(tmp_path)  # the dialog writes where it is


def marked_app(tmp_path: Path) -> tuple[GenevaApp, list[str]]:
    """Two quotes marked (a note on one), the event of the talks marked with
    a note, and the call (no article reports it) marked."""
    path = make_dataset(tmp_path / "data")
    store = MarkStore.for_dataset(path)
    for n in (0, 1):
        store.set_marked("quote", quote_id(n), True)
    store.set_note("quote", quote_id(1), NOTE)
    store.set_marked("event", "talks", True)
    store.set_note("event", "talks", "the opening")
    store.set_marked("event", "call", True)
    app = create_app(path)
    return app, recording_notifications(app)


async def export_marks(pilot: Pilot[Any], app: GenevaApp, name: str) -> ExportScreen:
    await pilot.press("e", "shift+tab", "down")  # to "what", then the marks
    screen = app.screen
    assert isinstance(screen, ExportScreen) and screen.what == "marks"
    screen.query_one("#export-path", Input).value = name
    await pilot.pause()
    return screen


async def written(pilot: Pilot[Any], app: GenevaApp) -> None:
    await pilot.press("enter")
    for _ in range(500):
        if not isinstance(app.screen, ExportScreen):
            return
        await pilot.pause(0.02)
    raise AssertionError("the export never ended")


def test_the_marks_to_markdown_and_csl_json_carry_notes_and_events(tmp_path: Path) -> None:
    app, said = marked_app(tmp_path)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = await export_marks(pilot, app, "marks.md")
        labels = [str(b.label) for b in screen.query(RadioButton)]
        assert "The marks: 2 quotes and 2 events" in labels
        await written(pilot, app)
        brief = (tmp_path / "marks.md").read_text(encoding="utf-8")
        assert "  - Your note: Check \\*the date\\* \\[1\\]\n" in brief
        assert "- **Geneva talks**, 10 Jan 2022: “Talks opened in Geneva.” (event)" in brief
        assert "  - Your note: the opening\n" in brief
        assert "## A later call (20 Jan 2022)\n\n- **A later call (20 Jan 2022)** (event)" in brief
        index = main_screen(app).index
        notes = {("quote", quote_id(1)): NOTE, ("event", "talks"): "the opening"}
        assert brief == export(index.dataset, "markdown", Filter(marked=True), index,
                               user_notes=notes, cite_events=True)  # fmt: skip
        assert said == ["Wrote 2 quotes and 2 events to ./marks.md (markdown)"]

        screen = await export_marks(pilot, app, "marks.csl.json")
        status = str(screen.query_one("#export-status", Static).content)
        assert status.endswith("; csl-json cites articles: 1 event no article reports left out")
        await written(pilot, app)
        items = json.loads((tmp_path / "marks.csl.json").read_text(encoding="utf-8"))
        custom = {item["id"]: item["custom"]["genevatui"] for item in items}
        assert list(custom) == [quote_id(0), quote_id(1), "talks"]
        assert custom[quote_id(1)]["user_note"] == NOTE and custom[quote_id(1)]["note"] is None
        assert custom["talks"]["user_note"] == "the opening"
        assert said[-1] == (
            "Wrote 2 quotes and 1 event to ./marks.csl.json (csl-json); "
            "csl-json cites articles: 1 event no article reports left out"
        )

    run(app, body)


def test_csv_says_what_it_leaves_out_and_the_view_keeps_notes(tmp_path: Path) -> None:
    app, said = marked_app(tmp_path)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = await export_marks(pilot, app, "marks.csv")
        status = str(screen.query_one("#export-status", Static).content)
        assert status.endswith(
            "; csv holds quotes only: 2 events left out (json, markdown and csl-json hold them)"
        )
        await written(pilot, app)
        assert said[-1].startswith("Wrote 2 quotes to ./marks.csv (csv); csv holds quotes only")
        rows = (tmp_path / "marks.csv").read_text(encoding="utf-8").splitlines()
        assert rows[0].endswith(",user_note") and rows[2].endswith(f",{NOTE}")
        # The view: a note on a statement in view is kept too.
        await pilot.press("e")
        app.screen.query_one("#export-path", Input).value = "view.jsonl"
        await written(pilot, app)
        lines = (tmp_path / "view.jsonl").read_text(encoding="utf-8").splitlines()
        notes = {json.loads(x)["id"]: json.loads(x)["user_note"] for x in lines}
        assert notes[quote_id(1)] == NOTE and notes[quote_id(2)] is None

    run(app, body)
