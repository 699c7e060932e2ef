"""The citation block (issue 10 §1): a fixed height, never silently cut, the
whole description on `i`; the disagreements about a record reachable from
it (`g`); and `<`/`>` through the articles reporting a record.

On tests/data/articles: three articles reporting one event, one statement
reported by all three (same_as), long notes, two disagreements.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace
from pilot_helpers import main_screen, run, screen_text, source, squash, statements, timeline
from textual import events
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.loader import load_dataset
from genevatui.core.models import Dataset
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.details import DetailsScreen
from genevatui.tui.screens.readings import ReadingsScreen
from genevatui.tui.widgets.source_info import SourceInfo

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles" / "events.yaml"
SIZES = [(80, 24), (160, 50)]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ARTICLES)


def info(app: GenevaApp) -> SourceInfo:
    return main_screen(app).query_one(SourceInfo)


def drawn(app: GenevaApp) -> str:
    """The block as drawn on the screen, cue included, lines joined."""
    block = info(app)
    text = screen_text(app).split("\n")
    region = block.region
    return squash(" ".join(row[region.x : region.right] for row in text[region.y : region.bottom]))


def quote(data: Dataset, ident: str) -> int:
    return [q.id for q in data.spec.quotes].index(ident)


def event(data: Dataset, ident: str) -> int:
    return [e.id for e in data.spec.events].index(ident)


async def select(pilot: Pilot[Any], app: GenevaApp, target: tuple[str, int]) -> None:
    """Put the cursor on `target` in its list, as the palette's "go to" does."""
    main_screen(app).select_target(target)  # type: ignore[arg-type]
    await pilot.pause()
    assert main_screen(app).shown == target


async def select_quote(pilot: Pilot[Any], app: GenevaApp, data: Dataset, ident: str) -> None:
    statements(app).focus()
    await select(pilot, app, ("quote", quote(data, ident)))


async def wheel_down(pilot: Pilot[Any], app: GenevaApp, block: SourceInfo) -> None:
    """One notch of the mouse wheel over the block (Pilot has no wheel)."""
    region = block.region
    x, y = region.x + region.width // 2, region.y + 1
    app.post_message(
        events.MouseScrollDown(None, x, y, 0, 0, 0, False, False, False, screen_x=x, screen_y=y)
    )
    await pilot.pause()


def test_a_long_note_is_cued_scrolled_and_shown_whole_at_80x24(data: Dataset) -> None:
    # Before: `max-height: 4`, no scrolling and no "…": the note was cut.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await select_quote(pilot, app, data, "ryabkov-result")
        block = info(app)
        await pilot.pause()
        assert block.overflows
        assert "QUOTE-NOTE-END" not in drawn(app)  # it does not fit...
        assert block.cue.startswith("↓ ") and block.cue.endswith("more lines · i: details")
        assert block.cue in drawn(app)  # ...and the block says so
        for _ in range(12):  # the wheel scrolls it to its end
            await wheel_down(pilot, app, block)
        assert "QUOTE-NOTE-END" in drawn(app)
        assert block.cue.startswith("↑ ")
        await pilot.press("i")
        assert isinstance(app.screen, DetailsScreen)
        note = data.spec.quotes[quote(data, "ryabkov-result")].note
        assert note is not None and squash(note) in squash(app.screen.body.plain)
        await pilot.press("end")
        await pilot.pause()
        assert "QUOTE-NOTE-END" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailsScreen)

    run(create_app(data), body, size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_the_block_keeps_its_height_whatever_is_selected(
    data: Dataset, size: tuple[int, int]
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        seen: set[tuple[int, int, int]] = set()
        fits = set()

        def measure() -> None:
            block, view = info(app), source(app)
            seen.add((block.outer_size.height, view.region.y, view.region.height))
            fits.add(block.overflows)

        if not timeline(app).display:  # at 80 columns: shown, so every record can be
            await pilot.press("T")  # selected with the same layout
        pane = statements(app)
        pane.focus()
        await pilot.press("home")
        for _ in data.spec.quotes:
            measure()
            await pilot.press("j")
        timeline(app).focus()
        await pilot.press("end")
        for _ in data.spec.events:
            await pilot.press("k")
            measure()
        assert len(seen) == 1, seen  # neither the block nor the source moved
        assert fits == {True, False}  # short and long texts were both shown
        assert seen.pop()[0] >= 4

    run(create_app(data), body, size=size)


def test_an_event_names_its_disagreement_and_g_jumps_to_a_reading(data: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        line = "⚑ 3 articles disagree: How long the talks lasted (g: readings)"
        geneva = ("event", event(data, "geneva-talks"))
        timeline(app).focus()
        await select(pilot, app, geneva)
        assert line in squash(info(app).text.plain)
        assert line in drawn(app)  # above the note, so on screen without scrolling
        await pilot.press("g")
        await pilot.press("down")  # from the first reading (Article A) to Article B's
        await pilot.press("enter")
        await pilot.pause()
        assert screen.shown == ("reading", 1)
        view = source(app)
        assert str(view.border_title) == "Article B"
        anchor = data.reading_anchors[0][1]
        span = view.current_span
        assert span is not None and (span.kind, span.start, span.end) == (
            "reading",
            anchor.start,
            anchor.end,
        )
        assert view.text[span.start : span.end] == "The talks lasted eight hours."
        assert "Reading 2 of 3 · article b" in info(app).text.plain
        await pilot.press("left_square_bracket")  # back where the jump came from
        await pilot.pause()
        assert screen.shown == geneva
        assert str(view.border_title) == "Article A"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.shown == ("reading", 1)

    run(create_app(data), body, size=(160, 50))


def test_a_statement_names_the_dispute_of_its_partners_at_80x24(data: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        line = "⚑ 2 articles disagree: When Sherman said the door stays open (g: readings)"
        await select_quote(pilot, app, data, "sherman-door-c")  # named via same_as
        assert line in squash(info(app).text.plain)
        await select_quote(pilot, app, data, "ryabkov-difficult")
        assert "disagree" not in info(app).text.plain
        await pilot.press("g")  # nothing to read: says so, opens nothing
        await pilot.pause()
        assert app.screen is main_screen(app)

    run(create_app(data), body, size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_angle_brackets_step_through_the_articles_of_a_statement(
    data: Dataset, size: tuple[int, int]
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen, view = main_screen(app), source(app)
        await select_quote(pilot, app, data, "sherman-door-a")
        assert str(view.border_subtitle).startswith("article 1 of 3 (< >) · passage")
        seen = []
        for _ in range(3):
            await pilot.press("greater_than_sign")
            await pilot.pause()
            seen.append((screen.shown, str(view.border_title), str(view.border_subtitle)[:14]))
        ids = [("quote", quote(data, f"sherman-door-{x}")) for x in "bca"]
        assert seen == [
            (ids[0], "Article B", "article 2 of 3"),
            (ids[1], "Article C", "article 3 of 3"),
            (ids[2], "Article A", "article 1 of 3"),  # wrapped, and said so
        ]
        assert any("Wrapped to the first article" in str(n.message) for n in app._notifications)
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert screen.shown == ids[1] and str(view.border_subtitle).startswith("article 3 of 3")
        # The passage shown is that quote's, in its own article.
        span = view.current_span
        assert span is not None and (span.kind, span.key) == ids[1]
        # A statement only one article reports: no count, and `>` only rings.
        await select_quote(pilot, app, data, "ryabkov-difficult")
        assert "article" not in str(view.border_subtitle)
        await pilot.press("greater_than_sign")
        assert screen.shown == ("quote", quote(data, "ryabkov-difficult"))

    run(create_app(data), body, size=size)


def test_angle_brackets_step_through_the_articles_of_an_event(data: Dataset) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        timeline(app).focus()
        await select(pilot, app, ("event", event(data, "geneva-talks")))
        titles = [str(view.border_title)]
        for _ in range(3):
            await pilot.press("greater_than_sign")
            await pilot.pause()
            titles.append(f"{view.border_title} {str(view.border_subtitle)[:14]}")
            span = view.current_span
            assert span is not None and span.kind == "event"
        assert titles == [
            "Article A",
            "Article B article 2 of 3",
            "Article C article 3 of 3",
            "Article A article 1 of 3",
        ]
        # `n` moves on to the next passage of the same article: the count
        # follows the record whose passage it is.
        await pilot.press("greater_than_sign")  # Article B
        view.focus()
        await pilot.press("n")  # Sherman, reported by the three articles
        await pilot.pause()
        assert main_screen(app).shown == ("quote", quote(data, "sherman-door-b"))
        assert str(view.border_subtitle) == "article 2 of 3 (< >) · passage 2 of 3"
        await pilot.press("n")  # Ryabkov, in Article B only
        await pilot.pause()
        assert main_screen(app).shown == ("quote", quote(data, "ryabkov-difficult"))
        assert str(view.border_subtitle) == "passage 3 of 3"

    run(create_app(data), body, size=(160, 50))


def test_details_and_readings_show_dataset_text_as_text(data: Dataset) -> None:
    # Markup in a note, an `about` or a reading's note is shown as written:
    # never parsed (a MarkupError would end the app, [@click] would act).
    trap = "[bold]x [/] [@click=app.quit]click[/]"
    spec = data.spec
    length = replace(spec.disagreements[0], about=f"About {trap}", note=f"Note {trap}")
    quotes = list(spec.quotes)
    first = quote(data, "sherman-door-a")
    quotes[first] = replace(quotes[first], note=f"Quote note {trap}")
    hostile = replace(
        data,
        spec=replace(spec, quotes=tuple(quotes), disagreements=(length, *spec.disagreements[1:])),
    )

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await select_quote(pilot, app, hostile, "sherman-door-a")
        await pilot.press("i")
        assert isinstance(app.screen, DetailsScreen)
        assert f"Quote note {trap}" in squash(screen_text(app))
        await pilot.press("escape")
        await select(pilot, app, ("event", event(hostile, "geneva-talks")))
        assert f"About {trap}" in squash(info(app).text.plain)
        await pilot.press("g")
        assert isinstance(app.screen, ReadingsScreen)
        whole = squash(screen_text(app))
        assert f"About {trap} — Note {trap}" in whole
        assert "“The talks lasted eight hours.” — An hour longer than in Article A." in whole
        assert app.is_running

    run(create_app(hostile), body, size=(160, 50))


def test_at_80x24_the_disagreement_line_is_drawn_and_a_reading_is_read_alone(
    index: Index,
) -> None:
    """The bundled Geneva talks: its two-line summary comes after the "⚑"
    lines, so they are in the four lines drawn at 80×24; enter on a reading
    shows its article alone, as enter on a statement does at that size."""
    spec = index.dataset.spec
    geneva = next(i for i, e in enumerate(spec.events) if e.id == "geneva-talks-2022-01-10")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        assert screen.shown == ("event", geneva)
        assert "⚑" in info(app).text.plain and "⚑" in drawn(app)
        await pilot.press("g")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.shown is not None and screen.shown[0] == "reading"
        assert app.focused is source(app)
        assert not statements(app).region.area and not timeline(app).region.area

    run(create_app(index.dataset, goto=spec.events[geneva].id), body, size=(80, 24))


def test_details_give_the_words_direct_in_quotation_marks_reported_never(
    index: Index,
) -> None:
    """`i` shows the statement itself: a direct quote in quotation marks, a
    reported one as the article's paraphrase, with no quotation marks."""
    from genevatui.core.text import quoted
    from genevatui.tui.details import details

    spec = index.dataset.spec
    for kind in ("direct", "reported"):
        key = next(i for i, q in enumerate(spec.quotes) if q.kind == kind)
        words = index.quote_view(key).text
        body = details(index, ("quote", key), []).plain
        if kind == "direct":
            assert f"Words: {quoted(words)}" in body
        else:
            assert f"Reported: {words} (the article's paraphrase)" in body
            assert f"“{words}" not in body and f'"{words}' not in body
