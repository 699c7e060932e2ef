"""The timeline, the help screen, the command palette and resizing."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pilot_helpers import (
    assert_shows,
    counts_text,
    expected_counts,
    main_screen,
    run,
    screen_text,
    shown_events,
    shown_quotes,
    source,
    statements,
    targets,
    timeline,
    type_text,
)
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from genevatui import create_app
from genevatui.core.query import Filter, Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.help import HelpScreen
from genevatui.tui.screens.main import MainScreen


def _narrowing_event(index: Index) -> int:
    """The first event in timeline order with some quotes, but not all of them."""
    total = len(index.dataset.spec.quotes)
    for e in index.event_order:
        n = len(index.run(Filter(events=(index.dataset.spec.events[e].id,))).quotes)
        if 1 < n < total:
            return e
    raise AssertionError("no event has quotes")


def test_enter_on_event_narrows_then_widens(index: Index) -> None:
    dataset = index.dataset
    target = _narrowing_event(index)
    event_id = dataset.spec.events[target].id

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        await pilot.press("shift+tab")
        pane = timeline(app)
        assert app.focused is pane
        for _ in range(len(pane.rows)):
            if pane.cursor_key == target:
                break
            await pilot.press("down")
        assert pane.cursor_key == target
        await pilot.press("enter")
        assert screen.filter.events == (event_id,)
        # The statements narrow to the event; the timeline still lists the
        # events around it (the filter without the event), to narrow to another.
        result = index.run(Filter(events=(event_id,)))
        assert sorted(shown_quotes(app)) == sorted(result.quotes)
        assert sorted(shown_events(app)) == sorted(index.run(Filter()).events)
        assert counts_text(app) == expected_counts(index, Filter(events=(event_id,)))
        assert all(dataset.spec.quotes[q].event == event_id for q in result.quotes)
        assert pane.narrowed == event_id
        assert targets(screen)[-1] == ("event", target)
        span = source(app).current_span
        if dataset.event_anchors[target]:
            assert span is not None and (span.kind, span.key) == ("event", target)
        # A second enter on the same event widens again.
        assert app.focused is pane and pane.cursor_key == target
        await pilot.press("enter")
        assert screen.filter.events == ()
        assert_shows(app, index, Filter())
        assert pane.narrowed is None
        assert pane.cursor_key == target

    run(create_app(dataset), body)


def test_help_lists_keys_and_escape_closes(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Next passage", "Previous passage", "Search", "Clear filters", "Back"):
            assert words in text, words
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        # `q` in the help closes the help, it does not quit the app.
        await pilot.press("question_mark", "q")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running

    run(create_app(index.dataset), body)


async def palette_run(pilot: Pilot[Any], app: GenevaApp, query: str, typed: int = 99) -> None:
    """Open the palette, enter `query`, wait for the hits, run the first one.

    Only the first `typed` characters are typed key by key (each key costs
    ~0.1 s and a palette search); the rest is pasted into the box at once.
    """
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await type_text(pilot, query[:typed])
    if query[typed:]:
        box = app.screen.query_one(Input)
        box.insert_text_at_cursor(query[typed:])
        assert box.value == query
    hits = app.screen.query_one(CommandList)
    for _ in range(100):  # the palette searches in the background
        await pilot.pause()
        if hits.option_count and hits.highlighted is not None:
            break
        await asyncio.sleep(0.02)
    assert hits.option_count, f"no palette hit for {query!r}"
    first = str(hits.get_option_at_index(0).prompt)
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(app.screen, CommandPalette), first


def test_palette_filter_by_speaker(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await palette_run(pilot, app, "Filter by speaker: Wendy")
        flt = main_screen(app).filter
        assert "Wendy Sherman" in flt.speakers
        assert_shows(app, index, Filter(speakers=("Wendy Sherman",)))

    run(create_app(index.dataset), body)


def test_palette_go_to_event(index: Index) -> None:
    dataset = index.dataset
    target = next(i for i, anchors in enumerate(dataset.event_anchors) if anchors)
    event = dataset.spec.events[target]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await palette_run(pilot, app, f"Go to event: {event.title}", typed=6)
        screen = main_screen(app)
        assert targets(screen)[-1] == ("event", target)
        assert timeline(app).cursor_key == target
        span = source(app).current_span
        anchor = dataset.event_anchors[target][0]
        assert span is not None
        assert (span.kind, span.key, span.start, span.end) == (
            "event",
            target,
            anchor.start,
            anchor.end,
        )

    run(create_app(dataset), body)


def test_palette_go_to_quote(index: Index) -> None:
    dataset = index.dataset
    target = len(dataset.spec.quotes) - 1
    quote = dataset.spec.quotes[target]
    words = " ".join(quote.text.split())[:40]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        query = f"Go to quote: {index.people[quote.speaker].name}: {words}"
        await palette_run(pilot, app, query, typed=6)
        assert targets(main_screen(app))[-1] == ("quote", target)
        assert statements(app).cursor_key == target
        span = source(app).current_span
        assert span is not None and (span.kind, span.key) == ("quote", target)

    run(create_app(dataset), body)


SIZES = [(80, 24), (60, 20), (40, 10), (20, 6), (160, 50)]


def test_resizing_down_to_tiny_and_back(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert timeline(app).display
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.size == (width, height)
            assert screen_text(app)  # draws without raising
            # Still answers keys: a filter round trip at every size.
            await pilot.press("slash", "g", "enter")
            assert screen.filter.text == "g"
            await pilot.press("x")
            assert screen.filter == Filter()
            narrow = width < 110
            assert screen.has_class("-narrow") == narrow
            assert timeline(app).display == (not narrow), (width, height)
        assert app.is_running
        assert_shows(app, index, Filter())

    run(create_app(index.dataset), body)


def test_narrow_hides_timeline_and_shift_t_brings_it_back(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        pane = timeline(app)
        assert pane.display is False
        await pilot.press("T")
        assert pane.display is True
        assert pane.region.height > 0
        await pilot.press("T")
        assert pane.display is False

    run(create_app(index.dataset), body)


def test_timeline_shown_with_shift_t_stays_when_widened(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("T")
        assert timeline(app).display is True
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert timeline(app).display is True

    run(create_app(index.dataset), body)


@pytest.mark.parametrize("size", [(40, 10), (20, 6), (10, 3)])
def test_modals_survive_tiny_terminals(index: Index, size: tuple[int, int]) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        await pilot.press("question_mark")
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert screen_text(app)
        await pilot.press("escape", "s")
        assert not isinstance(app.screen, MainScreen)
        assert screen_text(app)
        await pilot.press("tab", "space", "enter")
        assert app.screen is screen
        assert len(screen.filter.speakers) == 1
        await pilot.press("ctrl+p")
        assert screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen and app.is_running

    run(create_app(index.dataset), body)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_jump_still_works_at_size(index: Index, size: tuple[int, int]) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        key = statements(app).cursor_key
        await pilot.press("enter")
        span = source(app).current_span
        assert span is not None and (span.kind, span.key) == ("quote", key)
        view = source(app)
        top = round(view.scroll_offset.y)
        assert top <= view.line_of(span.start) < top + view.size.height

    run(create_app(index.dataset), body, size=size)
