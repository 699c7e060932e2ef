"""Issue 10 review: what the lists, the key bar, the palette and the
citation block do at the edges (an empty list, a reading shown, a jump
from the palette, a filter that empties everything).

On tests/data/articles (three articles, readings of two disagreements)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import main_screen, run, statements, timeline
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.loader import load_dataset
from genevatui.core.models import Dataset
from genevatui.core.query import Filter
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets.key_bar import KeyBar
from genevatui.tui.widgets.source_info import SourceInfo

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles" / "events.yaml"


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ARTICLES)


def event(data: Dataset, ident: str) -> int:
    return [e.id for e in data.spec.events].index(ident)


def key_bar(app: GenevaApp) -> str:
    return str(main_screen(app).query_one(KeyBar).content)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_a_list_taking_the_focus_from_a_reading_keeps_its_cursor(
    data: Dataset, size: tuple[int, int]
) -> None:
    # Before: a reading's flat number was taken for a quote's row key, so
    # `2` after `g`+enter moved the statements' cursor to an unrelated quote.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        pane = statements(app)
        await pilot.press("down")  # off the first quote, so a move to key 0/1 would show
        before = pane.cursor_key
        assert before is not None
        timeline(app).focus()
        screen.select_target(("event", event(data, "geneva-talks")))
        await pilot.pause()
        await pilot.press("g", "down", "enter")  # the second reading, in article B
        await pilot.pause()
        assert screen.shown == ("reading", 1)
        await pilot.press("2")
        await pilot.pause()
        assert app.focused is pane
        assert pane.cursor_key == before
        assert screen.shown == pane.target_of(before)  # the source follows the cursor

    run(create_app(data), body, size=size)


def test_enter_is_not_offered_on_an_empty_list(data: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert "Read in source" in key_bar(app)
        screen.filter = Filter().with_text("no such words anywhere")
        await pilot.pause()
        assert statements(app).cursor_key is None
        assert "⏎" not in key_bar(app) and "Read in source" not in key_bar(app)
        timeline(app).focus()
        await pilot.pause()
        assert "⏎" not in key_bar(app) and "Narrow to event" not in key_bar(app)
        await pilot.press("enter")  # and it does nothing
        await pilot.press("x")
        await pilot.pause()
        assert "Narrow to event" in key_bar(app)

    run(create_app(data), body, size=(160, 50))


def test_going_to_an_event_from_the_palette_focuses_the_timeline(data: Dataset) -> None:
    # Before: the focus stayed on the statements, whose enter then read
    # the statement under their cursor, not the event shown.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        from genevatui.tui.commands import GotoCommands

        screen = main_screen(app)
        geneva = event(data, "geneva-talks")
        provider = GotoCommands(screen)
        entry = next(t for t in provider._targets() if t.ident == "geneva-talks")
        entry.command()
        await pilot.pause()
        assert screen.shown == ("event", geneva)
        assert app.focused is timeline(app)
        assert timeline(app).cursor_key == geneva
        assert timeline(app).region.area  # shown, over the source, at 80 columns
        assert "Narrow to event" in key_bar(app)

    run(create_app(data), body, size=(80, 24))


def test_the_citation_block_cue_goes_with_its_text(data: Dataset) -> None:
    # Before: a filter that emptied the panes cleared the block but left
    # its cue, "↓ 5 more lines · i: details", over empty lines.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        block = screen.query_one(SourceInfo)
        screen.select_target(("event", event(data, "geneva-talks")))
        timeline(app).focus()
        await pilot.pause()
        await pilot.pause()
        assert block.cue  # its long note does not fit at 80x24
        statements(app).focus()
        await pilot.pause()
        screen.filter = Filter().with_text("no such words anywhere")
        await pilot.pause()
        await pilot.pause()
        assert screen.shown is None and not block.text.plain
        assert block.cue == ""

    run(create_app(data), body, size=(80, 24))


def test_the_cue_is_right_after_a_filter_set_under_a_modal(data: Dataset) -> None:
    # As the palette sets a filter: while its screen is on top, the block
    # was not laid out again and the cue counted the old text's lines.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        block = screen.query_one(SourceInfo)
        timeline(app).focus()
        screen.select_target(("event", event(data, "geneva-talks")))
        await pilot.pause()
        statements(app).focus()
        screen.select_target(("quote", 0))
        await pilot.pause()
        await pilot.pause()
        assert block.cue
        await pilot.press("ctrl+p")
        await pilot.pause()
        screen.filter = Filter().with_text("no such words anywhere")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and not block.text.plain
        assert block.cue == ""

    run(create_app(data), body, size=(80, 24))


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (160, 50)])
def test_the_no_filters_hint_is_never_cut_inside_a_key(
    data: Dataset, size: tuple[int, int]
) -> None:
    # Before: at 80 columns it read "… · t topic · r" and the counts: `r`
    # with no word, and the rest of the line gone.
    from pilot_helpers import chips_text, counts_text, screen_text

    from genevatui.tui.widgets.filter_bar import HINT

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        shown = chips_text(app).strip()
        keys = HINT.split(" · ")
        assert any(shown == " · ".join(keys[:n]) for n in range(len(keys) + 1)), shown
        first = screen_text(app).splitlines()[0]
        assert first.startswith(shown) and first.rstrip().endswith(counts_text(app))
        if size[0] >= 160:
            assert shown == HINT

    run(create_app(data), body, size=size)


@pytest.mark.parametrize("kind", ["speaker", "delegation", "source"])
def test_the_picker_names_its_keys_on_one_line_at_80_columns(data: Dataset, kind: str) -> None:
    # Before: "delegation · type to narrow · … · enter apply" wrapped in the
    # 70-cell box (at any screen size), "enter apply" alone on a line.
    from textual.containers import Vertical
    from textual.widgets import Static

    from genevatui.tui.screens.picker import PICKER_KEYS, PickerScreen

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).action_pick(kind)
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        title = picker.query_one("#picker-title", Static)
        assert str(title.content) == PICKER_KEYS and title.size.height == 1
        assert str(picker.query_one("#picker", Vertical).border_title) == f"Filter by {kind}"

    run(create_app(data), body, size=(80, 24))


def test_details_never_call_a_partner_quote_the_same_words(data: Dataset) -> None:
    # `same_as` links the same utterance as other articles report it: in the
    # bundled data "amazing" and "awesome, wonderful" are partners, and their
    # words are a recorded disagreement. Before: "the same words as its quote …".
    from genevatui.core.query import Index
    from genevatui.core.reports import Reports
    from genevatui.tui.details import details

    index = Index(data)
    spec = data.spec
    a = [q.id for q in spec.quotes].index("sherman-door-a")
    target = ("quote", a)
    text = details(index, target, Reports(data).of(target)).plain  # type: ignore[arg-type]
    assert "the same words as" not in text
    for partner in ("sherman-door-b", "sherman-door-c"):
        assert f"the same statement, in its own words: its quote {partner} (reported)" in text


@pytest.mark.parametrize("size", [(120, 40), (160, 50)])  # narrower, tab skips the hidden list
def test_tabbing_into_the_timeline_shows_the_event_under_its_cursor(
    data: Dataset, size: tuple[int, int]
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert app.focused is statements(app) and screen.shown is not None
        assert screen.shown[0] == "quote"
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is timeline(app)
        assert screen.shown == ("event", timeline(app).cursor_key)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is statements(app)
        assert screen.shown == statements(app).target_of(statements(app).cursor_key or 0)

    run(create_app(data), body, size=size)


def test_an_empty_timeline_names_the_filter_that_emptied_it(data: Dataset) -> None:
    from pilot_helpers import widget_lines

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).filter = Filter().with_text("no such words anywhere")
        await pilot.pause()
        drawn = " ".join(line.strip() for line in widget_lines(timeline(app)))
        assert "No statement matches text “no such words anywhere”" in drawn

    run(create_app(data), body, size=(160, 50))


def test_the_open_search_box_has_no_hint_cut_beside_it(data: Dataset) -> None:
    # Before: at 80 columns "no filters · …" was cut to "no" left of the box.
    from pilot_helpers import chips_text

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash")
        await pilot.pause()
        assert chips_text(app).strip() == ""
        await pilot.press("escape")
        await pilot.pause()
        assert chips_text(app).startswith("no filters")

    run(create_app(data), body, size=(80, 24))
