"""Dataset text that looks like markup is shown literally and never acts.

Label/Static/OptionList and border titles parse markup by default: `[/]`
raises MarkupError, `[@click=app.quit]` becomes a live action, `[b]x[/]`
loses its brackets. Every place a name or a quote reaches the screen is
checked here with a dataset full of such text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    chips_text,
    main_screen,
    run,
    screen_text,
    source,
    statements,
    type_text,
    widget_lines,
)
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Static

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.loader import load_dataset
from genevatui.core.models import Dataset
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.picker import PickerScreen
from genevatui.tui.widgets.picker_list import PickerList

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
TRAP = "[bold]x[/] [/] [@click=app.quit]click[/]"
QUOTE = f"Markup {TRAP} is just text"
NAME = f"Sergei {TRAP} Ryabkov"
TRAP_QUOTE = f"""\
  - id: markup-trap
    speaker: ryabkov
    source: article
    text: "{QUOTE}"
    kind: direct
    event: geneva-talks-2022-01-10
"""
PAIRS = [
    ("name: Sergei Ryabkov", f'name: "{NAME}"'),
    ("  - id: state-department-nothing", TRAP_QUOTE + "  - id: state-department-nothing"),
    ("title: A test article", f'title: "Article {TRAP}"'),
    ("title: Geneva talks", f'title: "Geneva {TRAP} talks"'),
    ("    name: Geneva\n", f'    name: "Geneva {TRAP}"\n'),
    ("label: NATO expansion", f'label: "NATO {TRAP} expansion"'),
    ("title: Deputy Foreign Minister", f'title: "Deputy {TRAP} Minister"'),  # a role
]


@pytest.fixture()
def trap(tmp_path: Path) -> Dataset:
    text = (MINI / "events.yaml").read_text(encoding="utf-8")
    for old, new in PAIRS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    text = text.replace("../../../data/schema.json", "schema.json")
    (tmp_path / "seeds").mkdir()
    article = (MINI / "seeds" / "article.txt").read_text(encoding="utf-8")
    (tmp_path / "seeds" / "article.txt").write_text(
        article + f"\nRyabkov added: {QUOTE}.\n", encoding="utf-8"
    )
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return load_dataset(path)


def _trap_index(dataset: Dataset) -> int:
    return next(i for i, q in enumerate(dataset.spec.quotes) if q.id == "markup-trap")


def test_trap_dataset_loads_with_literal_text(trap: Dataset) -> None:
    assert trap.spec.people[0].name == NAME
    i = _trap_index(trap)
    anchor = trap.quote_anchors[i]
    assert trap.texts[anchor.source][anchor.start : anchor.end] == QUOTE


def test_statements_show_brackets_literally(trap: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.pause()
        assert app.is_running
        text = "\n".join(widget_lines(statements(app)))
        assert f"  {NAME[:30]}" in text  # the speaker header (cut to the pane)
        assert "Markup [bold]x[/] [/] [@click=app.quit]click[/]" in text
        whole = screen_text(app)
        assert "[@click=app.quit]click[/]" in whole

    # Wide enough for the statements pane (~60 columns) to hold the line whole.
    run(create_app(trap), body, size=(200, 50))


def test_every_pane_shows_the_trap_literally(trap: Dataset) -> None:
    i = _trap_index(trap)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        pane.move_to_key(i)
        await pilot.press("enter")  # jump: source title, citation block
        assert source(app).current_span is not None
        assert source(app).current_span.key == i  # type: ignore[union-attr]
        whole = screen_text(app)
        assert "Article [bold]x[/] [/]" in whole  # the source's border title
        assert NAME in whole  # the citation block, which also gives the role's title:
        info = str(main_screen(app).query_one("#source-info-text", Static).render())
        # (the mini article gives no title: the role may be marked not verbatim)
        assert f"{NAME}, Deputy {TRAP} Minister" in " ".join(info.split())
        assert "(Russia)" in info
        assert "◆ 10 Jan 2022  Geneva [bold]x[/] [/] [@click=app." in whole  # timeline
        assert f"Geneva {TRAP} talks" in " ".join(info.split())  # the event, in the citation
        assert app.is_running

    run(create_app(trap), body, size=(200, 50))


def test_chips_and_picker_show_the_trap_literally(trap: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        chips = chips_text(app)
        assert f"speaker: {NAME}" in chips
        await pilot.press("s")
        assert isinstance(app.screen, PickerScreen)
        lines = "\n".join(widget_lines(app.screen.query_one(PickerList)))
        assert NAME in lines
        await pilot.press("escape")
        await pilot.press("t")
        lines = "\n".join(widget_lines(app.screen.query_one(PickerList)))
        assert f"NATO {TRAP} expansion" in lines
        await pilot.press("escape")
        assert app.is_running

    run(create_app(trap, Filter(speakers=(NAME,))), body, size=(160, 50))


def test_clicking_the_trap_does_not_quit(trap: Dataset) -> None:
    i = _trap_index(trap)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        pane.move_to_key(i)
        await pilot.pause()
        lines = widget_lines(pane)
        row = next(y for y, line in enumerate(lines) if "click[/]" in line)
        col = lines[row].index("click[/]") + 1
        await pilot.click(pane, offset=(col, row))
        await pilot.click(pane, offset=(col, row))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert main_screen(app) is app.screen

    run(create_app(trap), body, size=(160, 50))


PALETTE_BUG = (
    "BUG: the palette's help lines are plain str, which CommandPalette parses as "
    "markup: a name with `[/]` raises MarkupError in the search worker and the app dies"
)


def test_palette_opens_with_the_trap(trap: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert app.is_running
        await pilot.press("escape")
        assert main_screen(app) is app.screen

    run(create_app(trap), body, size=(160, 50))


def test_palette_shows_the_trap_literally(trap: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Filter by speaker: Sergei")
        hits = app.screen.query_one(CommandList)
        for _ in range(50):
            await pilot.pause(0.02)
            if hits.option_count:
                break
        prompts = [str(hits.get_option_at_index(k).prompt) for k in range(hits.option_count)]
        assert any(NAME in p for p in prompts), prompts
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert NAME in main_screen(app).filter.speakers

    run(create_app(trap), body, size=(160, 50))


CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_control_characters_never_reach_the_screen(tmp_path: Path) -> None:
    """ESC/CSI/OSC/BEL/C1/bidi in names and titles (YAML escapes) are dropped."""
    nasty = r"\e[2J\e]0;pwned\a\x9b31m\u202eevil"
    text = (MINI / "events.yaml").read_text(encoding="utf-8")
    for old, new in [
        ("name: Sergei Ryabkov", f'name: "Sergei {nasty} Ryabkov"'),
        ("title: Geneva talks", f'title: "Geneva {nasty} talks"'),
        ("title: A test article", f'title: "Article {nasty}"'),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    text = text.replace("../../../data/schema.json", "schema.json")
    (tmp_path / "seeds").mkdir()
    article = (MINI / "seeds" / "article.txt").read_text(encoding="utf-8")
    (tmp_path / "seeds" / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    dataset = load_dataset(tmp_path / "events.yaml")
    assert not CONTROL.search(dataset.spec.people[0].name)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("enter")
        shown = screen_text(app)
        assert "pwned" in shown  # the printable rest is still there
        assert not CONTROL.search(shown), repr(CONTROL.findall(shown))
        await pilot.press("s")
        assert not CONTROL.search(screen_text(app))
        assert app.is_running

    run(create_app(dataset), body, size=(200, 50))
