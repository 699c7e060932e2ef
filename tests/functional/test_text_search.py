"""Text search in the panes: the matched words marked in the statements and
in the source (cached rows drawn again for a new search, passages' offsets
untouched), the notes toggle, and the palette finding a quote by any of its
words or by its id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import (
    counts_text,
    expected_counts,
    filter_bar,
    main_screen,
    run,
    source,
    statements,
    type_text,
)
from textual.command import CommandList
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from genevatui import create_app
from genevatui.core.loader import load_dataset
from genevatui.core.query import Filter, Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets.filter_bar import SearchInput

BLINKEN = "blinken-nothing-about-ukraine-without-ukraine"


def strips(widget: Widget) -> list[Strip]:
    return [widget.render_line(y) for y in range(widget.size.height)]


def marked(widget: Widget) -> list[str]:
    """The runs of text drawn as matches (reverse video), top to bottom."""
    return [
        text
        for strip in strips(widget)
        for text, style, _ in strip
        if style is not None and style.reverse and text.strip()
    ]


async def search(pilot: Pilot[Any], text: str) -> None:
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def test_the_matched_words_are_marked_in_the_statements_and_the_source(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert not marked(statements(app)) and not marked(source(app))
        await search(pilot, "nothing about Ukraine")
        spec = index.dataset.spec
        assert [spec.quotes[i].id for i in index.run(main_screen(app).filter).quotes] == [BLINKEN]
        assert marked(statements(app)) == ["nothing", "about", "Ukraine", "Ukraine"]
        in_source = marked(source(app))
        assert {"nothing", "about", "Ukraine"} <= set(in_source), in_source
        # A new search draws the (cached) row again, with the new words marked.
        await search(pilot, " without")
        assert main_screen(app).filter.text == "nothing about Ukraine without"
        assert "without" in marked(statements(app))
        await pilot.press("x")
        await pilot.pause()
        assert not marked(statements(app)) and not marked(source(app))

    run(create_app(index.dataset), body, size=(160, 50))


def test_marks_leave_the_passage_exactly_where_it_was(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await search(pilot, "nothing about Ukraine")
        view = source(app)
        span = view.current_span
        assert span is not None and (span.kind, span.key) == ("quote", _quote(index, BLINKEN))
        selected = view.get_component_rich_style("source-view--selected").bgcolor
        top = round(view.scroll_offset.y)
        seen: set[int] = set()
        in_passage: set[int] = set()
        for y, strip in enumerate(strips(view)):
            if top + y >= len(view._lines):
                break
            at = view._lines[top + y][0]
            for text, style, _ in strip:
                if at < view._lines[top + y][1]:
                    seen.update(range(at, at + len(text)))
                    if style is not None and style.bgcolor == selected:
                        in_passage.update(range(at, at + len(text)))
                at += len(text)
        # Marked or not, every character of the passage on screen, and no other,
        # has the selected passage's colours (reverse video swaps, not replaces).
        assert in_passage == set(range(span.start, span.end)) & seen
        assert {"nothing", "Ukraine"} <= set(marked(view))

    run(create_app(index.dataset), body, size=(160, 50))


def _quote(index: Index, ident: str) -> int:
    return next(i for i, q in enumerate(index.dataset.spec.quotes) if q.id == ident)


def test_ctrl_n_searches_the_notes_too(tmp_path: Path) -> None:
    yaml = (Path(__file__).parents[1] / "data" / "mini" / "events.yaml").read_text("utf-8")
    yaml = yaml.replace("    occurrence: 2\n", "    occurrence: 2\n    note: The quokka reading.\n")
    (tmp_path / "seeds").mkdir()
    seeds = Path(__file__).parents[1] / "data" / "mini" / "seeds" / "article.txt"
    (tmp_path / "seeds" / "article.txt").write_bytes(seeds.read_bytes())
    (tmp_path / "events.yaml").write_text(yaml, "utf-8")
    index = Index(load_dataset(tmp_path / "events.yaml"))

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        box = filter_bar(app).query_one(SearchInput)
        await pilot.press("slash")
        await type_text(pilot, "quokka")
        await pilot.pause()
        words_only = Filter(text="quokka")
        assert counts_text(app) == expected_counts(index, words_only)
        assert "notes" not in chip_line(app) and "ctrl+n" in str(box.placeholder)
        await pilot.press("ctrl+n")  # in the box
        await pilot.pause()
        with_notes = Filter(text="quokka", in_notes=True)
        assert main_screen(app).filter == with_notes
        assert counts_text(app) == expected_counts(index, with_notes)
        assert counts_text(app) != expected_counts(index, words_only)
        assert "text (+notes): quokka" in chip_line(app)
        assert str(box.placeholder) == "filter text and notes…"
        await pilot.press("enter", "ctrl+n")  # and on the main screen
        await pilot.pause()
        assert main_screen(app).filter == words_only
        assert counts_text(app) == expected_counts(index, words_only)

    run(create_app(index.dataset), body)


def chip_line(app: GenevaApp) -> str:
    return str(filter_bar(app).query_one("#chips", Static).content)


async def palette_hits(pilot: Pilot[Any], app: GenevaApp, typed: str, wanted: str) -> list[str]:
    """Open the palette, type `typed`; the hits' first lines once one has `wanted`."""
    await pilot.press("ctrl+p")
    await type_text(pilot, typed)
    hits = app.screen.query_one(CommandList)
    prompts: list[str] = []
    for _ in range(200):
        await pilot.pause(0.02)
        prompts = [
            str(hits.get_option_at_index(k).prompt).split("\n")[0] for k in range(hits.option_count)
        ]
        if any(wanted in p for p in prompts):
            break
    return prompts


def test_the_palette_finds_a_quote_by_words_far_into_it(index: Index) -> None:
    spec = index.dataset.spec
    wanted = [
        i
        for i, q in enumerate(spec.quotes)
        if q.speaker == "sherman" and "nuclear" in q.text.casefold()
    ]
    assert wanted and all(
        "nuclear" not in " ".join(spec.quotes[i].text.split())[:70].casefold() for i in wanted
    ), "the test needs a quote whose match is past what the palette used to search"

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        prompts = await palette_hits(pilot, app, "sherman nuclear", "Go to quote: Wendy Sherman")
        found = [k for k, p in enumerate(prompts) if p.startswith("Go to quote: Wendy Sherman")]
        assert found, prompts
        assert "nuclear" in prompts[found[0]].casefold()  # shown from just before the match
        app.screen.query_one(CommandList).highlighted = found[0]
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).shown in [("quote", i) for i in wanted]

    run(create_app(index.dataset), body, size=(160, 50))


def test_the_palette_finds_a_quote_by_its_id(index: Index) -> None:
    ident = index.dataset.spec.quotes[-1].id  # any id shown under an entry

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        prompts = await palette_hits(pilot, app, ident, "Go to quote")
        assert prompts and prompts[0].startswith("Go to quote"), prompts  # the id: first
        hits = app.screen.query_one(CommandList)
        hits.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).shown == ("quote", len(index.dataset.spec.quotes) - 1)

    run(create_app(index.dataset), body, size=(160, 50))


def test_a_row_shows_its_text_from_just_before_a_match_past_its_two_lines(index: Index) -> None:
    quote = index.dataset.spec.quotes[_quote(index, "sherman-nuclear-war-cannot-be-won")]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        room = 2 * (pane.scrollable_content_region.width - 4)
        assert quote.text.index("nuclear") > room, "the match must be past the two lines"
        await search(pilot, "sherman nuclear")
        lines = [s.text.strip() for s in strips(pane)]
        row = next(n for n, line in enumerate(lines) if line.startswith("…"))
        assert "nuclear" in lines[row] + lines[row + 1]
        assert "nuclear" in marked(pane)

    run(create_app(index.dataset), body)
