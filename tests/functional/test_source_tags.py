"""Which article a statement comes from, on its row; and `A` to open an article."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import (
    assert_shows,
    chips_text,
    main_screen,
    run,
    statements,
    type_text,
)
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.query import Index
from genevatui.core.views import source_tag
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.help import help_table
from genevatui.tui.screens.picker import PickerScreen


def _tag_of(index: Index, pane_base: int, key: int) -> str:
    if key >= pane_base:
        item = index.dataset.spec.assessments[key - pane_base]
        return source_tag(index.sources[item.source])
    return index.quote_view(key).source_tag


def _drawn_meta_lines(app: GenevaApp, index: Index) -> list[tuple[int, str, str]]:
    """(row key, drawn meta line, expected tag) for every item whose first
    line is on screen."""
    pane = statements(app)
    _, scroll_y = pane.scroll_offset
    found = []
    for y in range(pane.size.height):
        line = scroll_y + y
        if line >= pane.line_count:
            break
        row = pane.row_at_line(line)
        key = pane.keys[row]
        if key >= 0 and pane.line_of_row(row) == line:
            drawn = pane.render_line(y).text
            found.append((key, drawn, _tag_of(index, pane.base, key)))
    return found


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_each_row_names_its_article(index: Index, size: tuple[int, int]) -> None:
    # Before: a row gave date, venue and kind; the article was only in the
    # (cut) source pane title of the selected quote.
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        seen = _drawn_meta_lines(app, index)
        pane.focus()
        await pilot.press("end")  # the assessments come last
        await pilot.pause()
        seen += _drawn_meta_lines(app, index)
        kinds = {key >= pane.base for key, _, _ in seen}
        assert kinds == {False, True}, "both a quote and an assessment row drawn"
        for key, drawn, tag in seen:
            # Whole, between separators, right after the date (never cut).
            bits = drawn.strip().split(" · ")
            assert tag in bits[:3], (key, drawn)

    run(create_app(index.dataset), body, size=size)


def test_A_picks_an_article(index: Index) -> None:
    tagged = [s for s in index.dataset.spec.sources if source_tag(s) == "004"]
    assert len(tagged) == 1
    article = tagged[0]

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("A")
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.kind == "source"
        await type_text(pilot, "004")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).filter == Filter(sources=(article.id,))
        assert "source: 004" in chips_text(app)  # the number, as in the rows
        result = assert_shows(app, index, Filter(sources=(article.id,)))
        assert result.quotes
        assert {index.quote_view(i).source_tag for i in result.quotes} == {"004"}

    run(create_app(index.dataset), body)


def test_help_lists_the_article_key() -> None:
    rows = [[cell.plain for cell in column._cells] for column in help_table().columns]
    keys, descriptions = rows[1], rows[2]
    at = keys.index("A")
    assert "article" in descriptions[at].lower()
