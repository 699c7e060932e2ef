"""Copy with citation (issue 11 §1): `y` copies the selected statement or
event with its citation (reported speech never in quotation marks), `Y`
chooses the format, shows the exact text and writes it to a file; where
tmux is known to drop OSC 52, the notice says so and the text is shown."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import main_screen, run
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from genevatui import create_app
from genevatui.core.cite import Citer
from genevatui.core.cite_text import render
from genevatui.core.loader import load_index
from genevatui.tui.app import GenevaApp
from genevatui.tui.clipboard import osc52_problem
from genevatui.tui.screens.copy_dialog import CopyScreen

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "events.yaml"
SIZE = (100, 30)
MARKS = "\"'“”„‟«»‘’‚‛"
DIRECT, REPORTED = ("quote", 0), ("quote", 1)  # in tests/data/mini


@pytest.fixture(autouse=True)
def _no_tmux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)  # the tests may run inside tmux


def cited(fmt: str, kind: str = "quote", key: int = 1) -> str:
    citer = Citer(load_index(MINI))
    c = citer.event(key) if kind == "event" else citer.quote(key)
    return render(c, fmt)


def notices(app: GenevaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_y_on_reported_speech_copies_no_quotation_marks_around_it() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("y")
        text = app.clipboard
        assert text == cited("plain") and text.startswith(
            "Wendy Sherman (United States), as reported (the article's paraphrase, "
            "not a quotation): the door stays open\n"
        )
        at = text.index("the door stays open")
        assert text[at - 1] not in MARKS and text[at + len("the door stays open")] not in MARKS
        assert "¶ 3, chars 147–166" in text
        assert notices(app)[-1] == (
            "Copied: Wendy Sherman, reported, plain text · Y for other formats"
        )

    run(create_app(MINI), body, SIZE)


def test_y_on_a_direct_quote_puts_it_in_quotation_marks() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(DIRECT)
        await pilot.press("y")
        assert app.clipboard == cited("plain", key=0)
        assert "“We need a result.\nWe will achieve it.”" in app.clipboard

    run(create_app(MINI), body, SIZE)


def test_y_works_from_every_pane_and_copies_an_event_from_the_timeline() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("1")  # the timeline: the source shows its event
        await pilot.press("y")
        assert app.clipboard == cited("plain", "event", 0)
        assert app.clipboard.startswith("Event: Geneva talks, 10 Jan 2022, Geneva\n")
        assert "Copied: event Geneva talks, plain text" in notices(app)[-1]
        main_screen(app).select_target(REPORTED)
        await pilot.press("3")  # the source pane
        await pilot.press("y")
        assert app.clipboard == cited("plain")

    run(create_app(MINI), body, SIZE)


def test_nothing_selected_says_so_and_copies_nothing() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash", *"zzzz", "enter")  # nothing passes: nothing shown
        assert main_screen(app).shown is None
        await pilot.press("y")
        await pilot.press("Y")
        assert app.clipboard == "" and not isinstance(app.screen, CopyScreen)
        assert notices(app)[-1] == "Nothing is selected: nothing to copy."

    run(create_app(MINI), body, SIZE)


def test_the_default_format_comes_from_the_config_file() -> None:
    Path(os.environ["GENEVATUI_CONFIG_DIR"]).mkdir(parents=True)
    (Path(os.environ["GENEVATUI_CONFIG_DIR"]) / "config.toml").write_text('copy_format = "bare"\n')

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("y")
        assert app.clipboard == "the door stays open (reported)\n"
        assert notices(app)[-1].startswith("Copied: Wendy Sherman, reported, bare quote")

    run(create_app(MINI), body, SIZE)


def test_Y_chooses_markdown_and_csl_json_with_a_live_preview() -> None:  # noqa: N802
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("Y")
        assert isinstance(app.screen, CopyScreen)
        preview = app.screen.query_one("#copy-preview", TextArea)
        assert preview.read_only and preview.text == cited("plain")
        await pilot.press("down")
        assert preview.text == cited("markdown")
        assert "Geneva: the door stays open (reported) — *A test article*" in preview.text
        await pilot.press("enter")
        assert not isinstance(app.screen, CopyScreen) and app.clipboard == cited("markdown")
        await pilot.press("Y", "down", "down")
        await pilot.press("tab")  # in the text too, enter copies what it shows
        assert app.focused is app.screen.query_one("#copy-preview")
        await pilot.press("enter")
        (item,) = json.loads(app.clipboard)
        assert item["id"] == "sherman-door" and item["locator"] == "3"
        assert item["custom"]["genevatui"]["kind"] == "reported"
        assert "not a quotation): the door stays open;" in item["note"]

    run(create_app(MINI), body, SIZE)


def test_the_preview_text_can_be_selected_and_copied_with_the_mouse_keys() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("Y", "tab")
        preview = app.screen.query_one("#copy-preview", TextArea)
        preview.select_line(0)  # what a mouse drag does
        await pilot.press("ctrl+c")
        assert app.clipboard == cited("plain").splitlines()[0]
        assert preview.text == cited("plain")  # read only: nothing typed into it
        await pilot.press("x", "backspace")
        assert preview.text == cited("plain")

    run(create_app(MINI), body, SIZE)


def test_write_to_file_writes_exactly_the_preview_and_asks_before_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "sherman-door.md"

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("Y", "w")
        box = app.screen.query_one("#copy-path", Input)
        assert app.focused is box and box.value == "sherman-door.txt"
        await pilot.press("q")  # typed in the box: it does not close the dialog
        assert box.value == "q"  # (the offered name is selected: typing replaces it)
        await pilot.press("escape")  # back to the formats, the dialog stays
        await pilot.press("down", "w")
        assert box.value == "sherman-door.md"  # the format's extension
        preview = app.screen.query_one("#copy-preview", TextArea).text
        await pilot.press("enter")
        assert not isinstance(app.screen, CopyScreen)
        assert target.read_text(encoding="utf-8") == preview == cited("markdown")
        assert notices(app)[-1] == f"Wrote Markdown to {target}"

        target.write_text("mine")
        await pilot.press("Y", "down", "w", "enter")
        hint = app.screen.query_one("#copy-hint", Static)
        assert "sherman-door.md exists: enter again overwrites it" in str(hint.render())
        assert target.read_text() == "mine" and isinstance(app.screen, CopyScreen)
        await pilot.press("escape", "q")  # keep it: nothing written; q closes
        assert target.read_text() == "mine" and not isinstance(app.screen, CopyScreen)
        await pilot.press("Y", "down", "w", "enter", "enter")
        assert target.read_text(encoding="utf-8") == cited("markdown")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["sherman-door.md"]

    run(create_app(MINI), body, SIZE)


def test_a_file_that_cannot_be_written_is_said_in_the_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("Y", "w", "ctrl+u", *"no/such/x.txt", "enter")
        hint = str(app.screen.query_one("#copy-hint", Static).render())
        assert "x.txt: cannot write: No such file or directory" in hint
        assert isinstance(app.screen, CopyScreen)

    run(create_app(MINI), body, SIZE)


# -- tmux: what can be known about OSC 52 ------------------------------------


def fake_tmux(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `tmux` on PATH that runs `script` (sh), and TMUX set as inside tmux."""
    folder.mkdir(exist_ok=True)
    tmux = folder / "tmux"
    tmux.write_text(f"#!/bin/sh\n{script}\n")
    tmux.chmod(tmux.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("echo on", None),
        ('[ "$*" = "show-options -gv set-clipboard" ] && echo off', "set-clipboard is off"),
        ("echo external", "set-clipboard is external"),
        ("exit 1", None),  # no server: nothing known
        ("exec sleep 30", None),  # a stuck server: the timeout, nothing known
    ],
)
def test_tmux_set_clipboard_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, expected: str | None
) -> None:
    monkeypatch.setattr("genevatui.tui.clipboard.TMUX_TIMEOUT", 0.3)
    fake_tmux(tmp_path / "bin", script, monkeypatch)
    problem = osc52_problem()
    assert (problem is None) if expected is None else (expected in (problem or ""))
    monkeypatch.delenv("TMUX")
    assert osc52_problem() is None  # outside tmux nothing is guessed


def test_when_tmux_drops_the_copy_y_says_so_and_shows_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tmux(tmp_path / "bin", "echo off", monkeypatch)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("y")
        assert app.clipboard == cited("plain")  # sent all the same
        assert "tmux drops the copy (set-clipboard is off" in notices(app)[-1]
        assert isinstance(app.screen, CopyScreen)
        note = str(app.screen.query_one("#copy-note", Static).render())
        assert note.startswith("Not on your clipboard: tmux drops the copy")
        assert app.screen.query_one("#copy-preview", TextArea).text == cited("plain")
        assert app.screen.query_one("#copy-formats", OptionList).highlighted == 0

    run(create_app(MINI), body, SIZE)


def test_y_and_Y_work_in_the_details_view() -> None:  # noqa: N802
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(REPORTED)
        await pilot.press("i", "y")
        assert app.clipboard == cited("plain")
        await pilot.press("Y", "down", "enter")
        assert app.clipboard == cited("markdown")
        assert type(app.screen).__name__ == "DetailsScreen"  # back where it was

    run(create_app(MINI), body, SIZE)
