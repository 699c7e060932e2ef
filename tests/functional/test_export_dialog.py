"""The export dialog (issue 11 §4, `e`): what the file holds is what the
core writes for the same filter; the extension chooses the format; an
unknown extension, a bad folder or a refused overwrite keep the dialog
open with one line; escape during a large export leaves no file."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import pytest
from pilot_helpers import main_screen, recording_notifications, run
from textual.pilot import Pilot
from textual.widgets import Input, ProgressBar, Static

from genevatui import create_app
from genevatui.core.atomic import TEMP_PREFIX
from genevatui.core.export import export
from genevatui.core.filters import Filter
from genevatui.core.query import Index, Result
from genevatui.core.writers import WRITERS, Options
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.export_dialog import ExportCommands, ExportScreen
from genevatui.tui.screens.overwrite import OverwriteScreen

ASSESS = Path(__file__).resolve().parents[1] / "data" / "assess" / "events.yaml"
SHERMAN = Filter(speakers=("sherman",))


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # the dialog suggests a name in the current folder


def app_with(flt: Filter = SHERMAN) -> tuple[GenevaApp, list[str]]:
    """The app on the small dataset, and the notifications it gives."""
    app = create_app(ASSESS, flt=flt)
    return app, recording_notifications(app)


def dialog(app: GenevaApp) -> ExportScreen:
    assert isinstance(app.screen, ExportScreen), app.screen
    return app.screen


def status(app: GenevaApp) -> str:
    return str(dialog(app).query_one("#export-status", Static).content)


async def until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    for _ in range(500):
        if done():
            return
        await pilot.pause(0.02)
    raise AssertionError("the dialog never got there")


async def export_to(pilot: Pilot[Any], app: GenevaApp, name: str) -> None:
    """e, the name typed over the suggestion, enter."""
    await pilot.press("e")
    box = dialog(app).query_one("#export-path", Input)
    box.value = ""
    await pilot.press(*name, "enter")
    await pilot.pause()


def index_of(app: GenevaApp) -> Index:
    return main_screen(app).index


def test_e_md_writes_the_brief_the_core_writes_for_the_filter(tmp_path: Path) -> None:
    app, said = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, "brief.md")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        index = index_of(app)
        written = (tmp_path / "brief.md").read_text(encoding="utf-8")
        assert written == export(index.dataset, "markdown", SHERMAN, index)
        count = len(index.run(SHERMAN).quotes)
        assert said == [f"Wrote {count} quotes to ./brief.md (markdown)"]

    run(app, body)


def test_the_brief_grouped_by_speaker(tmp_path: Path) -> None:
    app, _ = app_with(Filter())

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("e")
        assert dialog(app).query_one("#export-path", Input).value.endswith(".md")
        await pilot.press("tab", "down")  # the grouping, then its second choice
        assert "grouped by speaker" in status(app)
        await pilot.press("enter")  # from the choice, enter still exports
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        index = index_of(app)
        (path,) = tmp_path.glob("genevatui-view-*.md")
        assert path.read_text(encoding="utf-8") == export(
            index.dataset, "markdown", Filter(), index, group_by="speaker"
        )

    run(app, body)


def test_csl_json_items_are_the_filtered_statements(tmp_path: Path) -> None:
    app, said = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, "cite.csl.json")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        items = json.loads((tmp_path / "cite.csl.json").read_text(encoding="utf-8"))
        index = index_of(app)
        result = index.run(SHERMAN)
        spec = index.dataset.spec
        wanted = [spec.quotes[i].id for i in result.quotes]
        wanted += [spec.assessments[i].id for i in result.assessments]
        assert [item["id"] for item in items] == wanted and wanted
        assert said[-1].endswith(" to ./cite.csl.json (csl-json)")

    run(app, body)


def test_the_marks_and_the_chronology(tmp_path: Path) -> None:
    app, _ = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        index = index_of(app)
        index.set_marked({"quote": ["ryabkov-result"]})  # not Sherman's: outside the view
        await pilot.press("e", "shift+tab", "down")  # to "what", then the marks
        box = dialog(app).query_one("#export-path", Input)
        assert box.value.startswith("genevatui-marks-")  # the suggestion follows
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        (marks,) = tmp_path.glob("genevatui-marks-*.md")
        marked = Filter(marked=True)
        assert marks.read_text(encoding="utf-8") == export(index.dataset, "markdown", marked, index)
        await pilot.press("e", "shift+tab", "down", "down", "enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        (chronology,) = tmp_path.glob("genevatui-chronology-*.md")
        assert chronology.read_text(encoding="utf-8") == export(
            index.dataset, "chronology", SHERMAN, index
        )

    run(app, body)


def test_an_unknown_extension_keeps_the_dialog_open(tmp_path: Path) -> None:
    app, said = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, "brief.docx")
        assert status(app).startswith(".docx: unknown extension; end the name with .json")
        assert dialog(app).query_one("#export-status").has_class("-error")
        assert list(tmp_path.iterdir()) == [] and said == []
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)

    run(app, body)


@pytest.mark.parametrize(
    ("name", "message"),
    [("nope/x.md", "./nope: no such folder"), (".", ". is a folder: give a file name")],
)
def test_a_bad_folder_is_one_line(tmp_path: Path, name: str, message: str) -> None:
    app, _ = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, name)
        assert status(app) == message
        assert list(tmp_path.iterdir()) == []

    run(app, body)


def test_overwriting_asks_and_n_keeps_the_old_file(tmp_path: Path) -> None:
    old = tmp_path / "brief.md"
    old.write_text("my own notes\n", encoding="utf-8")
    app, said = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, "brief.md")
        assert isinstance(app.screen, OverwriteScreen)
        await pilot.press("n")
        assert status(app) == "./brief.md kept as it was; choose another name."
        assert old.read_text(encoding="utf-8") == "my own notes\n" and said == []
        await pilot.press("enter")
        assert isinstance(app.screen, OverwriteScreen)
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        index = index_of(app)
        assert old.read_text(encoding="utf-8") == export(index.dataset, "markdown", SHERMAN, index)
        assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]

    run(app, body)


def test_escape_during_a_large_export_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()

    def slow(index: Index, result: Result, out: TextIO, options: Options) -> None:
        # A large export, held after its first record until the test says.
        for n, _ in enumerate(options.ticks.each(result.quotes)):
            out.write("a record\n")
            out.flush()
            if n == 1:
                gate.wait(timeout=60)

    monkeypatch.setitem(WRITERS, "markdown", replace(WRITERS["markdown"], write=slow))
    app, said = app_with(Filter())

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await export_to(pilot, app, "big.md")
        bar = dialog(app).query_one("#export-progress", ProgressBar)
        await until(pilot, lambda: bar.progress == 1)
        everything = index_of(app).run(Filter())
        assert bar.display and bar.total == sum(WRITERS["markdown"].counts(everything).values())
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
        await pilot.press("escape")
        assert status(app) == "Stopping…"
        gate.set()
        await until(pilot, lambda: dialog(app).job is None)
        assert status(app) == "Stopped: ./big.md was not written."
        assert list(tmp_path.iterdir()) == [] and said == []
        assert not bar.display
        await pilot.press("escape")  # now it closes
        assert not isinstance(app.screen, ExportScreen)

    try:
        run(app, body)
    finally:
        gate.set()


def test_the_palette_opens_the_dialog() -> None:
    app, _ = app_with()

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("ctrl+p", *"Export", "enter")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        # Over any other screen the command offers nothing.
        assert [hit async for hit in ExportCommands(app.screen).discover()] == []
        assert [hit async for hit in ExportCommands(main_screen(app)).discover()]

    run(app, body)


def test_the_help_lists_e() -> None:
    from genevatui.tui.screens.help import help_table

    rows = list(zip(*(column.cells for column in help_table().columns), strict=True))
    keys = {(str(key), str(text)) for _, key, text in rows}
    assert any(key == "e" and "Export the view, the marks" in text for key, text in keys)


def test_arrows_in_the_path_box_choose_what_to_export() -> None:
    """The hint says ↑↓ choose: so they do where the focus starts, the path box."""

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("e")
        await pilot.pause()
        screen = dialog(app)
        assert isinstance(app.focused, Input) and screen.what == "view"
        await pilot.press("down")
        await pilot.pause()
        box = dialog(app).query_one(Input)
        assert screen.what == "marks" and "marks" in box.value
        assert box.cursor_position == len(box.value)  # ctrl+u then clears it all
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.what == "view"  # round again
        await pilot.press("up")
        await pilot.pause()
        assert screen.what == "chronology"

    run(app_with()[0], body)
