"""The source filter in the explorer, and events found through their quotes' text."""

from __future__ import annotations

from typing import Any

from pilot_helpers import (
    assert_shows,
    chips_text,
    main_screen,
    run,
    shown_events,
    type_text,
)
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.query import Index
from genevatui.core.views import source_tag
from genevatui.tui.app import GenevaApp


def _chips(app: GenevaApp) -> str:
    return chips_text(app)


def test_a_source_filter_from_the_start_is_a_chip(index: Index) -> None:
    source = index.dataset.spec.sources[4]
    flt = Filter(sources=(source.id,))

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        result = assert_shows(app, index, flt)
        assert 0 < len(result.quotes) < len(index.dataset.spec.quotes)
        assert all(index.quote_view(i).source == source.id for i in result.quotes)
        assert f"source: {source_tag(source)}" in _chips(app)  # its number, as in the rows
        await pilot.press("x")
        assert "source:" not in _chips(app)

    run(create_app(index.dataset, flt), body)


def test_the_palette_adds_a_source(index: Index) -> None:
    source = index.dataset.spec.sources[0]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).set_filter_values("source", (source.id,))
        await pilot.pause()
        assert_shows(app, index, Filter(sources=(source.id,)))

    run(create_app(index.dataset), body)


def test_text_search_lists_the_events_of_the_quotes_it_finds(index: Index) -> None:
    # Before: `/nothing about Ukraine` gave one quote and no event.
    text = "nothing about Ukraine"
    result = index.run(Filter(text=text))
    spec = index.dataset.spec
    events = {spec.quotes[i].event for i in result.quotes} - {None}
    assert events

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash")
        await type_text(pilot, text)
        await pilot.press("enter")
        await pilot.pause()
        assert_shows(app, index, Filter(text=text))
        assert {spec.events[i].id for i in shown_events(app)} >= events

    run(create_app(index.dataset), body)
