"""The main screen owns its palette commands and its width breakpoint."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import main_screen, run, timeline
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.models import Dataset
from genevatui.tui.app import GenevaApp
from genevatui.tui.commands import FilterCommands, GotoCommands
from genevatui.tui.marks_commands import MarksCommands
from genevatui.tui.screens.export_dialog import ExportCommands
from genevatui.tui.screens.main import NARROW, MainScreen


def test_the_palette_commands_belong_to_the_main_screen() -> None:
    # Before: app-wide providers walked the screen stack to find MainScreen.
    providers = {p() if not isinstance(p, type) else p for p in MainScreen.COMMANDS}
    # Issue 11 adds its own (marks and notes, export), on the screen too.
    assert providers == {FilterCommands, GotoCommands, MarksCommands, ExportCommands}
    app_providers = {p() if not isinstance(p, type) else p for p in GenevaApp.COMMANDS}
    assert not app_providers & providers


def test_the_providers_act_on_the_screen_they_were_opened_over(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        entries = list(FilterCommands(screen).entries())
        assert entries and all(text.startswith("Filter by ") for text, _, _ in entries)
        # Over any other screen they offer nothing (and never reach below it).
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is not screen
        assert list(FilterCommands(app.screen).entries()) == []
        assert list(GotoCommands(app.screen).entries()) == []

    run(create_app(mini), body)


@pytest.mark.parametrize(("width", "narrow"), [(NARROW - 1, True), (NARROW, False)])
def test_the_breakpoint_stacks_the_panes_below_narrow(
    mini: Dataset, width: int, narrow: bool
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        for size in ((200, 40), (width, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert screen.has_class("-narrow") == narrow
        assert timeline(app).display == (not narrow)
        await pilot.press("T")  # the user's choice wins over the width…
        assert timeline(app).display == narrow
        await pilot.resize_terminal(width + (1 if narrow else -1), 30)
        await pilot.pause()
        assert timeline(app).display == narrow  # …and outlives a resize

    run(create_app(mini), body)
