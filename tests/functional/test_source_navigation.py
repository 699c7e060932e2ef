"""Jumping to the source, stepping through passages, history, and --goto."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import (
    main_screen,
    run,
    shown_quotes,
    source,
    squash,
    statements,
    targets,
    timeline,
)
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.models import Dataset
from genevatui.core.query import Filter, Index, UnknownName
from genevatui.tui.app import GenevaApp


def assert_quote_current(app: GenevaApp, dataset: Dataset, i: int) -> None:
    """The source pane shows quote `i`'s article with its anchored passage current."""
    view = source(app)
    anchor = dataset.quote_anchors[i]
    span = view.current_span
    assert span is not None
    assert (span.kind, span.key) == ("quote", i)
    assert (span.start, span.end) == (anchor.start, anchor.end)
    assert view.text is dataset.texts[anchor.source] or view.text == dataset.texts[anchor.source]
    assert squash(view.text[span.start : span.end]) == squash(dataset.spec.quotes[i].text)
    titles = {s.id: s.title for s in dataset.spec.sources}
    assert view.border_title == titles[anchor.source]


async def up_to_the_quotes(pilot: Pilot[Any], app: GenevaApp) -> None:
    """From an assessment row (the list's last group), up to the last quote."""
    pane = statements(app)
    while (pane.cursor_key or 0) >= pane.base:
        await pilot.press("up")


async def choose_row(pilot: Pilot[Any], app: GenevaApp, downs: int) -> int:
    """From the statements pane: move `downs` items down, press enter; the quote index."""
    assert app.focused is statements(app)
    await pilot.press(*(["down"] * downs))
    key = statements(app).cursor_key
    assert key is not None and key >= 0
    await pilot.press("enter")
    return key


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_enter_on_statement_jumps_to_its_passage(index: Index, where: str) -> None:
    dataset = index.dataset

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        items = shown_quotes(app)
        moves = {"first": [], "middle": ["pagedown", "pagedown", "down"], "last": ["end"]}
        await pilot.press(*moves[where])
        await up_to_the_quotes(pilot, app)
        i = await choose_row(pilot, app, 0)
        assert i == {"first": items[0], "last": items[-1]}.get(where, i)
        assert where != "middle" or i not in (items[0], items[-1])
        assert app.focused is source(app)
        assert_quote_current(app, dataset, i)
        screen = main_screen(app)
        assert targets(screen) == (("quote", i),)
        assert screen.history.pos == 0
        # The passage is scrolled into view.
        view = source(app)
        first = view.line_of(view.current_span.start)  # type: ignore[union-attr]
        top = round(view.scroll_offset.y)
        assert top <= first < top + view.size.height

    run(create_app(dataset), body)


def test_every_quote_anchor_matches_its_text(index: Index) -> None:
    """Not Pilot: what the source pane will highlight for each quote is its words."""
    dataset = index.dataset
    for quote, anchor in zip(dataset.spec.quotes, dataset.quote_anchors, strict=True):
        shown = dataset.texts[anchor.source][anchor.start : anchor.end]
        assert squash(shown) == squash(quote.text), quote.id


def test_n_and_shift_n_step_through_passages_and_wrap(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("enter")
        view = source(app)
        spans = view.spans
        assert len(spans) >= 3
        starts = [s.start for s in spans]
        assert starts == sorted(starts)
        begin = view.current
        assert begin >= 0
        seen = []
        for _ in range(len(spans)):
            await pilot.press("n")
            seen.append(view.current)
        assert seen == [(begin + k) % len(spans) for k in range(1, len(spans) + 1)]
        assert view.current == begin  # wrapped all the way round
        # Back to the first passage, then N wraps to the last.
        for _ in range(begin):
            await pilot.press("N")
        assert view.current == 0
        await pilot.press("N")
        assert view.current == len(spans) - 1
        await pilot.press("n")
        assert view.current == 0
        assert view.border_subtitle == f"passage 1 of {len(spans)}"

    run(create_app(mini), body)


def test_n_works_from_the_statements_pane(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        before = view.current
        assert app.focused is statements(app)
        await pilot.press("n")
        assert view.current == (before + 1) % len(view.spans)

    run(create_app(mini), body)


def test_back_and_forward_through_jumps(index: Index) -> None:
    dataset = index.dataset

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        a = await choose_row(pilot, app, 0)
        await pilot.press("shift+tab")
        assert app.focused is statements(app)
        b = await choose_row(pilot, app, 3)
        assert a != b
        assert targets(screen) == (
            ("quote", a),
            ("quote", b),
        )
        assert_quote_current(app, dataset, b)
        await pilot.press("left_square_bracket")
        assert screen.history.pos == 0
        assert_quote_current(app, dataset, a)
        assert statements(app).cursor_key == a
        await pilot.press("right_square_bracket")
        assert screen.history.pos == 1
        assert_quote_current(app, dataset, b)
        assert statements(app).cursor_key == b
        # At the end of the history `]` does nothing.
        await pilot.press("right_square_bracket")
        assert screen.history.pos == 1
        assert_quote_current(app, dataset, b)

    run(create_app(dataset), body)


def test_new_jump_after_back_drops_the_forward_history(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        a = await choose_row(pilot, app, 0)
        await pilot.press("shift+tab")
        b = await choose_row(pilot, app, 2)
        await pilot.press("left_square_bracket")
        assert screen.history.pos == 0
        await pilot.press("shift+tab")
        c = await choose_row(pilot, app, 4)
        assert len({a, b, c}) == 3
        assert targets(screen) == (
            ("quote", a),
            ("quote", c),
        )
        assert screen.history.pos == 1
        await pilot.press("right_square_bracket")
        assert source(app).current_span.key == c  # type: ignore[union-attr]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.history.pos == 0
        assert source(app).current_span.key == a  # type: ignore[union-attr]

    run(create_app(index.dataset), body)


def test_back_after_a_filter_change_restores_the_filter_before_it(index: Index) -> None:
    # Issue 10: `[` used to clear the filters when the place was hidden by
    # them; a place now holds its filter, and `[`/`]` restore it.
    dataset = index.dataset
    spec = dataset.spec

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        a = await choose_row(pilot, app, 0)
        await pilot.press("shift+tab", "end")
        await up_to_the_quotes(pilot, app)
        b = await choose_row(pilot, app, 0)
        speaker_b = spec.quotes[b].speaker
        assert spec.quotes[a].speaker != speaker_b
        name_b = index.people[speaker_b].name
        screen.filter = Filter(speakers=(name_b,))
        await pilot.pause()
        assert a not in [r.key for r in statements(app).rows]
        await pilot.press("left_square_bracket")  # b, under the filter it had then
        assert screen.filter == Filter()
        assert statements(app).cursor_key == b
        await pilot.press("left_square_bracket")
        assert statements(app).cursor_key == a
        assert_quote_current(app, dataset, a)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.filter == Filter(speakers=(name_b,))  # the change, restored
        assert statements(app).cursor_key == b

    run(create_app(dataset), body)


def test_enter_on_passage_selects_its_statement(index: Index) -> None:
    dataset = index.dataset

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        first = await choose_row(pilot, app, 0)
        view = source(app)
        # Step to the next quote passage (event passages belong to the timeline).
        for _ in range(len(view.spans)):
            await pilot.press("n")
            span = view.current_span
            assert span is not None
            if span.kind == "quote" and span.key != first:
                break
        else:
            pytest.fail("no other quote passage in this article")
        await pilot.press("enter")
        assert app.focused is statements(app)
        assert statements(app).cursor_key == span.key
        assert view.current_span == span

    run(create_app(dataset), body)


def test_enter_on_passage_hidden_by_the_filter_widens(mini: Dataset) -> None:
    spec = mini.spec

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert {spec.quotes[k].speaker for k in shown_quotes(app)} == {"ryabkov"}
        await pilot.press("enter")
        view = source(app)
        for _ in range(len(view.spans)):
            await pilot.press("n")
            span = view.current_span
            if span and span.kind == "quote" and spec.quotes[span.key].speaker != "ryabkov":
                break
        else:
            pytest.fail("no other speaker's passage")
        await pilot.press("enter")
        assert screen.filter == Filter()
        assert statements(app).cursor_key == span.key
        assert app.focused is statements(app)

    run(create_app(mini, Filter(speakers=("ryabkov",))), body)


def test_enter_on_event_passage_selects_it_in_timeline(mini: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("enter")
        view = source(app)
        event_at = next(k for k, s in enumerate(view.spans) if s.kind == "event")
        while view.current != event_at:
            await pilot.press("n")
        await pilot.press("enter")
        assert app.focused is timeline(app)
        assert timeline(app).cursor_key == view.spans[event_at].key

    run(create_app(mini), body)


def test_goto_quote_starts_on_its_passage(index: Index) -> None:
    dataset = index.dataset
    i = len(dataset.spec.quotes) // 2
    quote_id = dataset.spec.quotes[i].id

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert_quote_current(app, dataset, i)
        assert statements(app).cursor_key == i
        assert targets(main_screen(app)) == (("quote", i),)

    run(create_app(dataset, goto=quote_id), body)


def test_goto_hidden_quote_clears_the_filter(index: Index) -> None:
    dataset = index.dataset
    hidden = next(i for i, q in enumerate(dataset.spec.quotes) if q.speaker != "ryabkov")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert_quote_current(app, dataset, hidden)
        assert main_screen(app).filter == Filter()
        assert statements(app).cursor_key == hidden

    run(create_app(dataset, Filter(speakers=("ryabkov",)), dataset.spec.quotes[hidden].id), body)


def test_goto_event_starts_on_its_first_passage(index: Index) -> None:
    dataset = index.dataset
    i = next(k for k, anchors in enumerate(dataset.event_anchors) if anchors)
    anchor = dataset.event_anchors[i][0]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert timeline(app).cursor_key == i
        assert targets(main_screen(app)) == (("event", i),)
        span = source(app).current_span
        assert span is not None
        assert (span.kind, span.key, span.start, span.end) == ("event", i, anchor.start, anchor.end)

    run(create_app(dataset, goto=dataset.spec.events[i].id), body)


def test_goto_unknown_id_raises(index: Index) -> None:
    with pytest.raises(UnknownName):
        create_app(index.dataset, goto="no-such-quote-or-event")
