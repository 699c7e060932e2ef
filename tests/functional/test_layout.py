"""The layout serves reading at every size (issue 10 §3): pane tabs 1 2 3 at
narrow sizes, reading mode (z), layouts (L), and the source following the
cursor of the list that takes the focus."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import main_screen, run, screen_text, source, statements, timeline
from textual.pilot import Pilot
from textual.widget import Widget

from genevatui import create_app
from genevatui.core.models import Dataset
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets.pane_tabs import PaneTabs
from genevatui.tui.widgets.source_info import SourceInfo

NARROW = (80, 24)
WIDE = (160, 50)


def tabs(app: GenevaApp) -> PaneTabs:
    return main_screen(app).query_one(PaneTabs)


def widths(app: GenevaApp) -> tuple[int, int, int]:
    screen = main_screen(app)
    panes = ("#timeline", "#statements", "#source-pane")
    return tuple(screen.query_one(p).outer_size.width for p in panes)  # type: ignore[return-value]


def shown(widget: Widget) -> bool:
    return bool(widget.display and widget.region.area)


def bar_line(app: GenevaApp) -> str:
    return screen_text(app).splitlines()[app.size.height - 1]


def test_narrow_tabs_show_and_focus_each_pane(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        strip = tabs(app)
        text = screen_text(app)
        assert shown(strip) and strip.region.y == 1  # under the filter bar
        for name in ("1 Timeline", "2 Statements", "3 Source"):
            assert name in text, name
        assert "▸2 Statements" in text  # the statements have the focus at start
        await pilot.press("1")
        assert app.focused is timeline(app) and shown(timeline(app))
        assert not shown(statements(app)) and shown(source(app))  # the list over the source
        assert "▸1 Timeline" in screen_text(app)
        await pilot.press("2")
        assert app.focused is statements(app) and shown(statements(app))
        assert not shown(timeline(app))
        await pilot.press("3")  # the source alone: 5 lines of text would not read
        assert app.focused is source(app)
        assert not shown(statements(app)) and not shown(timeline(app))
        assert "▸3 Source" in screen_text(app)
        assert shown(strip)  # the way back stays in sight
        await pilot.press("1")
        assert app.focused is timeline(app) and shown(timeline(app))

    run(create_app(index.dataset), body, size=NARROW)


def test_timeline_reachable_by_a_click_on_its_tab(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert not shown(timeline(app))
        x = screen_text(app).splitlines()[1].index("1 Timeline")
        await pilot.click(PaneTabs, offset=(x + 2, 0))
        await pilot.pause()
        assert app.focused is timeline(app) and shown(timeline(app))
        assert tabs(app).active == "timeline"

    run(create_app(index.dataset), body, size=NARROW)


def test_wide_has_no_tabs_and_1_2_3_focus_the_panes(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert not tabs(app).display
        before = widths(app)
        for key, pane in (("1", timeline(app)), ("3", source(app)), ("2", statements(app))):
            await pilot.press(key)
            assert app.focused is pane
            assert widths(app) == before  # every pane shows: focus moves, nothing hides

    run(create_app(index.dataset), body, size=WIDE)


@pytest.mark.parametrize("size", [NARROW, WIDE])
def test_reading_mode_keeps_the_key_bar_and_restores_the_layout(
    index: Index, size: tuple[int, int]
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        regions = [w.region for w in (timeline(app), statements(app), source(app))]
        await pilot.press("z")
        assert screen.has_class("-reading") and app.focused is source(app)
        assert not shown(timeline(app)) and not shown(statements(app))
        pane = screen.query_one("#source-pane")
        assert pane.outer_size.width == min(size[0], 90)  # a reading measure, centred
        assert shown(screen.query_one("#source-info"))  # the citation block goes along
        line = bar_line(app)
        assert "q Quit" in line and "? Help" in line and "Leave reading" in line, line
        assert line.startswith(" ⏎ Select statement "), line
        for leave in ("escape", "z"):  # either leaves, and the layout is as it was
            await pilot.press(leave)
            assert not screen.has_class("-reading")
            assert [w.region for w in (timeline(app), statements(app), source(app))] == regions
            await pilot.press("z")
        # A list that takes the focus ends reading mode too.
        await pilot.press("2")
        assert not screen.has_class("-reading") and shown(statements(app))

    run(create_app(index.dataset), body, size=size)


def test_escape_is_left_alone_when_not_reading(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert "leave_reading" not in {b.binding.action for b in screen.active_bindings.values()}
        await pilot.press("escape")
        assert not screen.has_class("-reading") and app.focused is statements(app)

    run(create_app(index.dataset), body, size=WIDE)


def test_layout_cycle_changes_pane_widths(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        balanced = widths(app)
        await pilot.press("L")
        assert screen.has_class("-layout-lists")
        lists = widths(app)
        assert lists[0] > balanced[0]  # the timeline's titles get room
        await pilot.press("L")
        assert screen.has_class("-layout-source")
        reading = widths(app)
        assert reading[2] > balanced[2] and reading[2] >= WIDE[0] // 2 - 1
        await pilot.press("L")
        assert screen.has_class("-layout-balanced") and widths(app) == balanced
        assert sum(balanced) == WIDE[0]

    run(create_app(index.dataset), body, size=WIDE)


def test_timeline_is_as_wide_as_its_rows_when_there_is_room(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = timeline(app)
        assert pane.widest > 0
        assert pane.outer_size.width == max(30, pane.widest + 2)  # + its border
        title = mini.spec.events[0].title
        assert any(title in line for line in screen_text(app).splitlines())

    run(create_app(mini), body, size=(200, 40))


def test_timeline_takes_at_most_a_third_when_balanced(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = timeline(app)
        assert pane.widest + 2 > 200 // 3  # the bundled titles would take more
        assert pane.outer_size.width == 200 * 33 // 100

    run(create_app(index.dataset), body, size=(200, 60))


def _event_with_quotes(index: Index, but: int | None = None) -> int:
    spec = index.dataset.spec
    counts = index.count_by("event", list(range(len(spec.quotes))))
    for e in index.event_order:
        if e != but and counts.get(spec.events[e].id, 0) > 1 and index.dataset.event_anchors[e]:
            return e
    raise AssertionError("no event with quotes and a passage")


async def _cursor_to(pilot: Pilot[Any], app: GenevaApp, event: int) -> None:
    pane = timeline(app)
    await pilot.press("home")
    for _ in range(len(pane.rows)):
        if pane.cursor_key == event:
            return
        await pilot.press("down")
    raise AssertionError(f"event {event} not in the timeline")


def _span(app: GenevaApp) -> tuple[str, int] | None:
    span = source(app).current_span
    return None if span is None else (span.kind, span.key)


@pytest.mark.parametrize("size", [NARROW, WIDE])
def test_source_follows_the_cursor_after_enter_on_an_event(
    index: Index, size: tuple[int, int]
) -> None:
    target = _event_with_quotes(index)
    other = _event_with_quotes(index, but=target)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        info = screen.query_one(SourceInfo)
        await pilot.press("1")
        await _cursor_to(pilot, app, target)
        await pilot.press("enter")  # narrows the statements to the event
        assert screen.shown == ("event", target) and _span(app) == ("event", target)
        # To the statements: the source and the citation follow their cursor,
        # not the event they were narrowed to.
        await pilot.press("2")
        first = statements(app).target_of(statements(app).cursor_key or 0)
        assert screen.shown == first and _span(app) == first
        citation = info.text.plain
        await pilot.press("j")
        moved = statements(app).target_of(statements(app).cursor_key or 0)
        assert moved != first and screen.shown == moved and _span(app) == moved
        assert info.text.plain != citation
        # Back to the timeline: its cursor is the event the source showed last…
        await pilot.press("1")
        assert timeline(app).cursor_key == target
        bar = bar_line(app)
        assert bar.startswith(" ⏎ Widen statements "), bar
        await pilot.press("enter")  # …and a second enter widens
        assert screen.filter.events == ()
        assert bar_line(app).startswith(" ⏎ Narrow to event "), bar_line(app)
        # Moving the timeline's cursor keeps the source and citation on it.
        await _cursor_to(pilot, app, other)
        assert screen.shown == ("event", other) and _span(app) == ("event", other)
        assert index.dataset.spec.events[other].title[:15] in info.text.plain

    run(create_app(index.dataset), body, size=size)


@pytest.mark.parametrize("size", [NARROW, WIDE])
def test_narrowed_to_an_event_the_timeline_still_lists_the_others(
    index: Index, size: tuple[int, int]
) -> None:
    """enter on an event narrows the statements, not the timeline: its cursor
    moves on to the next event (source and citation follow), and enter there
    narrows to that one."""
    target = _event_with_quotes(index)
    other = _event_with_quotes(index, but=target)
    events = index.dataset.spec.events

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        await pilot.press("1")
        listed = len(timeline(app).keys)
        await _cursor_to(pilot, app, target)
        await pilot.press("enter")
        assert screen.filter.events == (events[target].id,)
        assert len(timeline(app).keys) == listed  # every event still listed
        assert "▸" in screen_text(app)
        await _cursor_to(pilot, app, other)
        assert screen.shown == ("event", other) and _span(app) == ("event", other)
        assert bar_line(app).startswith(" ⏎ Narrow to event "), bar_line(app)
        await pilot.press("enter")
        assert screen.filter.events == (events[other].id,)
        quotes = statements(app)
        targets = [quotes.target_of(k) for k in quotes.keys if k >= 0]  # < 0: headers
        said = [i for kind, i in targets if kind == "quote"]
        assert said and all(index.dataset.spec.quotes[i].event == events[other].id for i in said)

    run(create_app(index.dataset), body, size=size)
