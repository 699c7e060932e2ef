"""The source follows the statements when filters change; back returns to
where the user stood before a jump; an empty list says why it is empty."""

from __future__ import annotations

from typing import Any

from pilot_helpers import main_screen, run, source, statements, type_text, widget_lines
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.query import Filter, Index
from genevatui.tui.app import GenevaApp


def test_source_follows_a_speaker_filter(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        screen.filter = Filter(speakers=("blinken",))
        await pilot.pause()
        first = statements(app).cursor_key
        assert first is not None
        assert index.dataset.spec.quotes[first].speaker == "blinken"
        span = source(app).current_span
        assert span is not None and (span.kind, span.key) == ("quote", first)

    run(create_app(index.dataset), body)


def test_back_after_one_jump_returns_to_the_list(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("j", "enter")
        jumped = statements(app).cursor_key
        assert app.focused is source(app)
        await pilot.press("left_square_bracket")
        assert app.focused is statements(app)
        assert statements(app).cursor_key == jumped
        span = source(app).current_span
        assert span is not None and span.key == jumped

    run(create_app(index.dataset), body)


def test_no_match_says_so_in_the_list_and_the_source(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash")
        await type_text(pilot, "zzqxj")
        await pilot.press("enter")
        assert statements(app).rows == []
        # both name the filter that emptied them (Index.why_empty)
        said = "No statement matches text “zzqxj”"
        assert said in " ".join(" ".join(widget_lines(statements(app))).split())
        assert source(app).current_span is None
        assert said in " ".join(" ".join(widget_lines(source(app))).split())
        await pilot.press("x")
        assert statements(app).cursor_key is not None
        assert source(app).current_span is not None

    run(create_app(index.dataset), body)
