"""Issue 10 §2: every filter visible (chips with names, never cut), date
range and filtering out in the app, the history restoring filters, zero
counts and the reason for an empty result."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pilot_helpers import (
    assert_shows,
    chips_text,
    main_screen,
    run,
    screen_text,
    shown_quotes,
    source,
    statements,
    timeline,
    type_text,
    widget_lines,
)
from textual.pilot import Pilot
from textual.widgets import Input, Static

from genevatui import create_app
from genevatui.core.chips import chips
from genevatui.core.query import Filter, Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.date_range import DateRangeScreen
from genevatui.tui.screens.picker import PickerScreen
from genevatui.tui.widgets.picker_list import PickerList

FOUR = Filter(
    speakers=("sherman",),
    topics=("missile-deployment",),
    delegations=("united states",),
    date_from="2021-12",
    date_to="2022-01",
)


@pytest.mark.parametrize("size", [(80, 24), (60, 24), (160, 50)])
def test_four_chips_are_whole_or_counted_as_more(index: Index, size: tuple[int, int]) -> None:
    wanted = [c.text for c in chips(index, FOUR)]
    assert len(wanted) == 4

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = squash_lines(screen_text(app))
        whole = [w for w in wanted if w in screen]
        more = re.search(r"\+(\d+) more", screen)
        hidden = int(more.group(1)) if more else 0
        assert len(whole) + hidden == 4, (whole, screen[:400])
        if size[0] >= 80:
            assert whole == wanted  # at 80 columns and up, all four whole
        # never a kind without its value (`topic:` at a line's end)
        assert not re.search(r"(speaker|topic|delegation|date):\s*$", screen, re.M)

    run(create_app(index.dataset, FOUR), body, size=size)


def squash_lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def test_the_date_range_dialog(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, DateRangeScreen)
        await type_text(pilot, "2022-13")
        await pilot.press("enter")  # an impossible month: said, and the dialog stays
        assert app.screen is dialog
        error = str(dialog.query_one("#date-range-error", Static).content)
        assert error.startswith("From: impossible date '2022-13'")
        await pilot.press("backspace", "backspace", "0", "1", "tab")
        await type_text(pilot, "2022-01-13")
        await pilot.press("enter")
        assert not isinstance(app.screen, DateRangeScreen)
        assert_shows(app, index, Filter(date_from="2022-01", date_to="2022-01-13"))
        assert "date: Jan 2022 – 13 Jan 2022" in chips_text(app)
        # from after to: refused too
        await pilot.press("r")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "2021")
        await pilot.press("enter")
        assert "is after To 2021" in str(app.screen.query_one("#date-range-error", Static).content)
        await pilot.press("escape")  # cancels: the range stays
        assert screen.filter == Filter(date_from="2022-01", date_to="2022-01-13")
        # both boxes cleared: no range
        await pilot.press("r")
        for box in app.screen.query(Input):
            box.value = ""
        await pilot.press("enter")
        assert screen.filter == Filter()
        assert "date:" not in chips_text(app)

    run(create_app(index.dataset), body)


def test_a_picker_filters_a_delegation_out(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        await pilot.press("d", "tab")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        options = picker.query_one(PickerList)
        await pilot.press("down")
        value = picker.options[options.cursor_key or 0].value
        await pilot.press("minus")
        assert options.excluded == {value}
        assert "[✗] not " in widget_lines(options)[1]
        await pilot.press("enter")
        flt = Filter().excluding("delegation", [value])
        result = assert_shows(app, index, flt)
        ids = index.resolve("delegation", value)
        assert result.quotes and all(index.q_delegation[i] not in ids for i in result.quotes)
        assert f"not delegation: {value}" in chips_text(app)
        # reopened: shown as hidden; space on it keeps it instead
        await pilot.press("d", "tab")
        options = app.screen.query_one(PickerList)
        assert options.excluded == {value}
        options.move_to_key(next(i for i, o in enumerate(app.screen.options) if o.value == value))
        await pilot.press("space", "enter")
        assert screen.filter == Filter(delegations=(value,))
        await pilot.press("x")
        assert screen.filter == Filter()

    run(create_app(index.dataset), body)


def test_back_and_forward_restore_the_filters(index: Index) -> None:
    """`s sherman ⏎` then `[` goes back to the unfiltered place, `]` brings
    the filter back; after a jump, `[` never clears what the place had."""
    sherman = Filter(speakers=("Wendy Sherman",))

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        first = statements(app).cursor_key
        await pilot.press("s")
        await type_text(pilot, "sherman")
        await pilot.press("enter")
        assert screen.filter == sherman
        await pilot.press("left_square_bracket")
        assert screen.filter == Filter()
        assert statements(app).cursor_key == first
        await pilot.press("right_square_bracket")
        assert_shows(app, index, sherman)
        # a jump under the filter, then a new filter: back restores each in turn
        await pilot.press("j", "enter")  # into the source: a jump
        jumped = screen.shown
        statements(app).focus()
        await pilot.press("t")
        await pilot.press("tab", "enter")  # the most-quoted topic
        topical = screen.filter
        assert topical.speakers == sherman.speakers and topical.topics
        await pilot.press("left_square_bracket")
        assert (screen.filter, screen.shown) == (sherman, jumped)
        await pilot.press("left_square_bracket")  # where the jump left from
        assert screen.filter == sherman and screen.shown != jumped
        await pilot.press("left_square_bracket")
        assert screen.filter == Filter()
        await pilot.press("left_square_bracket")  # nothing earlier: nothing changes
        assert screen.filter == Filter()
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert (screen.filter, screen.shown) == (sherman, jumped)
        await pilot.press("right_square_bracket")
        assert screen.filter == topical

    run(create_app(index.dataset), body)


def test_zero_counts_show_as_0(index: Index) -> None:
    result = index.run(Filter())
    counts = index.count_by("event", result.quotes)
    spec = index.dataset.spec
    silent = [e for e in result.events if not counts[spec.events[e].id]]
    assert silent, "the bundled data has an event without quotes"

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = timeline(app)
        pane.focus()
        pane.move_to_key(silent[0])
        await pilot.pause()
        line = widget_lines(pane)[pane.cursor - pane.scroll_offset.y]
        assert line.rstrip().endswith(" 0"), line

    run(create_app(index.dataset), body, size=(160, 50))


def test_an_empty_result_names_the_filter_that_emptied_it(index: Index) -> None:
    flt = Filter(speakers=("sherman",), date_from="1972", date_to="1972")
    why = index.why_empty(flt)
    assert "without date:" in why

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert shown_quotes(app) == []
        pane = "\n".join(widget_lines(statements(app)))
        assert " ".join(pane.split()).startswith(" ".join(why.split()))
        assert source(app).text == why
        await pilot.press("x")
        assert main_screen(app).filter == Filter()
        assert shown_quotes(app)

    run(create_app(index.dataset, flt), body, size=(80, 24))
