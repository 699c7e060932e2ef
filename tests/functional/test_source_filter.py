"""The source filter in the explorer, and events found through their quotes' text."""

from __future__ import annotations

from typing import Any

from pilot_helpers import (
    assert_shows,
    chips_text,
    filter_bar,
    main_screen,
    run,
    shown_events,
    type_text,
)
from textual.pilot import Pilot
from textual.widgets import Static

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.query import Index
from genevatui.core.reports import Reports
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


def test_a_source_filter_shows_its_article_in_the_source(index: Index) -> None:
    """An event shown in one article, then `A` picks another: the source shows
    the event as that article reports it, or, when it does not report it,
    that article's first statement; never the article filtered away."""
    spec = index.dataset.spec
    reports = {
        key: [r.anchor.source for r in Reports(index.dataset).of(("event", key))]
        for key in range(len(spec.events))
    }
    key, articles = next((k, a) for k, a in reports.items() if 2 <= len(a) < len(spec.sources))
    other = next(s.id for s in spec.sources if s.id not in articles)
    goto = ("event", key)
    ident = spec.events[key].id

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert screen.shown == goto and screen.shown_source == articles[0]
        screen.set_filter_values("source", (articles[1],))
        await pilot.pause()
        assert screen.shown == goto and screen.shown_source == articles[1]
        screen.set_filter_values("source", (other,))  # now two articles: either
        await pilot.pause()
        assert screen.shown_source in (articles[1], other)
        await pilot.press("x")
        screen.set_filter_values("source", (other,))
        await pilot.pause()
        assert screen.shown != goto and screen.shown_source == other

    run(create_app(index.dataset, goto=ident), body)


def test_the_text_chip_has_the_first_line_once_the_box_closes(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash")
        await type_text(pilot, "Ukraine")
        await pilot.press("enter")
        await pilot.pause()
        first = str(filter_bar(app).query_one("#chips", Static).content)
        assert "text: Ukraine" in first, chips_text(app)

    run(create_app(index.dataset), body, size=(80, 24))
