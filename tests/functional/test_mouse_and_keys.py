"""Issue 10: the mouse (clicks land on the row under the pointer, a click on
a passage selects its statement, the wheel scrolls), `n`/`N` say when they
wrap, `home` restarts the passage counter, and the key bar keeps `enter`,
`q Quit` and `? Help` at every width."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pilot_helpers import SIZE, Body, main_screen, run, screen_text, source, statements, timeline
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from genevatui import create_app
from genevatui.core.models import Dataset
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets.key_bar import KeyBar


async def wheel(pilot: Pilot[Any], app: GenevaApp, widget: Widget, down: bool = True) -> None:
    """One notch of the mouse wheel over the middle of `widget`, as the driver
    reports it (Pilot has no wheel of its own)."""
    region = widget.region
    x, y = region.x + region.width // 2, region.y + region.height // 2
    cls = events.MouseScrollDown if down else events.MouseScrollUp
    app.post_message(cls(None, x, y, 0, 0, 0, False, False, False, screen_x=x, screen_y=y))
    await pilot.pause()


def test_a_click_selects_the_row_under_the_pointer(index: Index) -> None:
    """Every line of every item on screen, clicked, puts the cursor on that
    item: the border used to be counted as a line, so a click on an item's
    last line selected the item below it (one speaker's quotes follow each
    other with no header between)."""

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        border = pane.content_region.y - pane.region.y
        on_screen = pane.row_at_line(pane.content_region.height - 1)
        items = [(row, key) for row, key in enumerate(pane.keys[:on_screen]) if key >= 0][:5]
        assert any(b[0] == a[0] + 1 for a, b in zip(items, items[1:], strict=False))
        for row, key in items:
            first = pane.line_of_row(row)
            for line in range(first, first + pane.row_height(row)):
                y = border + line - round(pane.scroll_offset.y)
                await pilot.click(pane, offset=(6, y))
                assert pane.cursor_key == key, (row, line)
        # A click on the top border is no row: the cursor stays.
        before = pane.cursor_key
        await pilot.click(pane, offset=(6, 0))
        assert pane.cursor_key == before

    run(create_app(index.dataset), body)


def test_a_click_on_the_timeline_selects_that_event(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = timeline(app)
        rows = [row for row, key in enumerate(pane.keys) if key >= 0][:6]
        for row in reversed(rows):
            line = pane.line_of_row(row) - round(pane.scroll_offset.y)
            await pilot.click(pane, offset=(6, 1 + line))  # 1: the border
            assert pane.cursor == row

    run(create_app(index.dataset), body)


def test_a_click_on_a_passage_selects_its_statement(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        texts = mini.texts
        for span in reversed(view.spans):
            if span.kind != "quote":
                continue
            line = view.line_of(span.start + 1)
            start = view._lines[line][0]
            col = len(texts["article"][start : span.start + 1])  # ASCII: a char is a cell
            y = 1 + line - round(view.scroll_offset.y)  # 1: the border
            await pilot.click(view, offset=(1 + col, y))
            assert view.current_span == span
            assert statements(app).cursor_key == span.key
            assert main_screen(app).shown == ("quote", span.key)
        # A click on the article between passages selects nothing new.
        before = statements(app).cursor_key
        await pilot.click(view, offset=(1, 1 + view.line_of(len(texts["article"]) - 1)))
        assert statements(app).cursor_key == before

    run(create_app(mini), body)


@pytest.mark.parametrize("pane", ["statements", "timeline", "source"])
def test_the_wheel_scrolls(index: Index, pane: str) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        widget = main_screen(app).query_one(f"#{pane}")
        widget.scroll_to(0, 0, animate=False, immediate=True)
        await pilot.pause()
        await wheel(pilot, app, widget)
        assert widget.scroll_offset.y > 0
        await wheel(pilot, app, widget, down=False)
        assert widget.scroll_offset.y == 0

    run(create_app(index.dataset), body, size=(160, 30))


async def shown_text(pilot: Pilot[Any], app: GenevaApp) -> str:
    """The screen once notifications are drawn (toasts mount a frame later)."""
    await pilot.pause()
    await pilot.pause()
    return screen_text(app)


def run_with_toasts(app: GenevaApp, body: Body) -> None:
    """pilot_helpers.run, with notifications shown (run_test hides them)."""

    async def main() -> None:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await body(pilot, app)

    asyncio.run(main())


def test_n_and_shift_n_announce_the_wrap(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("enter")  # into the source
        view = source(app)
        total = len(view.spans)
        await pilot.press("end")
        assert view.border_subtitle == f"{total} passages"
        await pilot.press("N")  # from the end: the last passage, no wrap
        assert view.current == total - 1
        assert "Wrapped" not in await shown_text(pilot, app)
        await pilot.press("n")
        assert view.current == 0
        assert "Wrapped to the first passage" in await shown_text(pilot, app)
        app.clear_notifications()
        await pilot.press("N")
        assert view.current == total - 1
        assert "Wrapped to the last passage" in await shown_text(pilot, app)

    run_with_toasts(create_app(mini), body)


def test_home_in_the_source_restarts_the_passage_counter(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("enter")
        view = source(app)
        await pilot.press("n", "n")
        assert view.current >= 1
        await pilot.press("home")
        assert view.current_span is None
        assert view.border_subtitle == f"{len(view.spans)} passages"
        assert view.scroll_offset.y == 0
        await pilot.press("n")  # the first passage, not the one after the old one
        assert view.current == 0
        assert view.border_subtitle == f"passage 1 of {len(view.spans)}"
        assert "Wrapped" not in await shown_text(pilot, app)

    run_with_toasts(create_app(mini), body)


def bar_line(app: GenevaApp) -> str:
    """The key bar as drawn on the terminal's last line."""
    return screen_text(app).splitlines()[app.size.height - 1]


@pytest.mark.parametrize("width", [40, 60, 80, 160])
@pytest.mark.parametrize("pane", ["statements", "source", "timeline"])
def test_key_bar_keeps_enter_quit_and_help(index: Index, width: int, pane: str) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        if pane == "timeline" and not timeline(app).display:
            await pilot.press("T")  # narrow: the timeline is shown on demand
        screen.query_one(f"#{pane}").focus()
        await pilot.pause()
        enter = screen.active_bindings["enter"].binding
        line = bar_line(app)
        assert line.startswith(f" ⏎ {enter.description} "), line
        assert "q Quit" in line and "? Help" in line, line
        assert len(line.rstrip()) <= width
        # What the bar shows is clickable: its `? Help` opens the help.
        bar = screen.query_one(KeyBar)
        x = line.index("? Help")
        await pilot.click(bar, offset=(x + 1, 0))
        assert type(app.screen).__name__ == "HelpScreen"

    run(create_app(index.dataset), body, size=(width, 30))
