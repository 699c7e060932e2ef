"""Issue 9 on screen: the articles' assessments are listed apart from the
statements, follow the filters, and are described as the article's words
about a party; a quote's citation gives the title its own article gives and
says when it was said before or after its event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    assert_shows,
    main_screen,
    run,
    shown_assessments,
    shown_quotes,
    source,
    statements,
    widget_lines,
)
from textual.pilot import Pilot
from textual.widgets import Static

from genevatui import create_app
from genevatui.core.loader import load_dataset
from genevatui.core.query import Filter, Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets.statements import ASSESSMENTS_HEADER, ASSESSMENTS_NOTE

ASSESS = Path(__file__).resolve().parents[1] / "data" / "assess" / "events.yaml"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_dataset(ASSESS))


def info(app: GenevaApp) -> str:
    return str(main_screen(app).query_one("#source-info-text", Static).render())


def assessment(index: Index, ident: str) -> int:
    return [a.id for a in index.dataset.spec.assessments].index(ident)


def quote(index: Index, ident: str) -> int:
    return [q.id for q in index.dataset.spec.quotes].index(ident)


async def go_to_row(pilot: Pilot[Any], app: GenevaApp, key: int) -> None:
    pane = statements(app)
    pane.focus()
    for _ in range(len(pane.rows)):
        if pane.cursor_key == key:
            return
        await pilot.press("down")
    assert pane.cursor_key == key


def test_assessments_are_a_last_group_apart_from_the_speakers(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        rows = pane.rows
        labels = [r.label for r in rows if r.header]
        assert labels[-2:] == [f"{ASSESSMENTS_HEADER}  (2)", ASSESSMENTS_NOTE]
        # every assessment row comes after the group header, no quote after it
        first = next(n for n, r in enumerate(rows) if r.header and r.label == labels[-2])
        assert all(r.key >= pane.base for r in rows[first:] if not r.header)
        assert all(r.key < pane.base for r in rows[:first] if not r.header)
        # parties are not speakers: no speaker header names them
        assert not [label for label in labels if "US officials" in label]
        assert sorted(shown_assessments(app)) == [0, 1]
        assert sorted(shown_quotes(app)) == [0, 1, 2, 3]
        text = "\n".join(widget_lines(pane))
        assert "US officials — Washington is not ready to give" in text
        assert "Russian leadership — now is the ideal time" in text
        assert pane.border_subtitle == "4 + 2 assessments"

    run(create_app(index.dataset), body, size=(160, 50))


@pytest.mark.parametrize(
    "flt",
    [
        Filter(delegations=("russia",)),
        Filter(speakers=("US officials",)),
        Filter(speakers=("sherman",)),
        Filter(topics=("nato-expansion",)),
        Filter(text="guarantees"),
        Filter(date_from="2022-02-01"),
    ],
)
def test_assessments_follow_the_filters(index: Index, flt: Filter) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).filter = flt
        await pilot.pause()
        assert_shows(app, index, flt)
        header = f"{ASSESSMENTS_HEADER}  ("
        has_group = any(r.header and r.label.startswith(header) for r in statements(app).rows)
        assert has_group == bool(index.run(flt).assessments)

    run(create_app(index.dataset), body)


def test_a_selected_assessment_is_the_articles_words_not_a_statement(index: Index) -> None:
    i = assessment(index, "washington-not-ready")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        await go_to_row(pilot, app, pane.key_of("assessment", i))
        span = source(app).current_span
        assert span is not None and (span.kind, span.key) == ("assessment", i)
        anchor = index.dataset.assessment_anchors[i]
        assert (span.start, span.end) == (anchor.start, anchor.end)
        assert source(app).border_title is not None and "Article A" in str(source(app).border_title)
        said = " ".join(info(app).split())
        assert "Assessment" in said
        assert "the article's own words about the position of US officials" in said
        assert "not a statement by them" in said
        # enter jumps into the passage; back returns to the assessment row
        await pilot.press("enter")
        assert app.focused is source(app)
        await pilot.press("left_square_bracket")
        assert app.focused is pane
        assert pane.target_of(pane.cursor_key or 0) == ("assessment", i)

    run(create_app(index.dataset), body, size=(160, 50))


def test_choosing_an_assessment_passage_in_the_source_selects_its_row(index: Index) -> None:
    i = assessment(index, "washington-not-ready")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        # Start on Ryabkov's quote in Article A, step to the assessment's passage.
        await go_to_row(pilot, app, quote(index, "ryabkov-result"))
        view = source(app)
        view.focus()
        for _ in range(len(view.spans)):
            current = view.current_span
            if current is not None and current.kind == "assessment":
                break
            await pilot.press("n")
        current = view.current_span
        assert current is not None and (current.kind, current.key) == ("assessment", i)
        assert "Assessment" in info(app)  # n tells the citation block too
        await pilot.press("enter")
        assert app.focused is pane
        assert pane.cursor_key == pane.key_of("assessment", i)

    run(create_app(index.dataset), body, size=(160, 50))


def test_a_hidden_assessment_clears_the_filters_when_jumped_to(index: Index) -> None:
    i = assessment(index, "russian-leadership-ideal-time")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        screen.filter = Filter(delegations=("united-states",))
        await pilot.pause()
        assert i not in shown_assessments(app)
        screen.jump(("assessment", i))
        await pilot.pause()
        assert screen.filter == Filter()
        assert statements(app).cursor_key == statements(app).key_of("assessment", i)

    run(create_app(index.dataset), body)


@pytest.mark.parametrize(
    ("ident", "wanted", "unwanted"),
    [
        (
            "sherman-door-b",
            "Wendy Sherman, First Deputy Secretary of State (United States)",
            "said",
        ),
        ("sherman-door-a", "Wendy Sherman, US negotiator (curator's description)", ""),
        ("ryabkov-result", "Sergei Ryabkov, Deputy Foreign Minister (Russia)", "said "),
        ("ryabkov-no-concessions", "Sergei Ryabkov (Russia)", "10 Jan 2022"),
    ],
)
def test_citation_gives_the_articles_title_and_when_it_was_said(
    index: Index, ident: str, wanted: str, unwanted: str
) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await go_to_row(pilot, app, quote(index, ident))
        said = " ".join(info(app).split())
        assert wanted in said
        if unwanted:
            assert unwanted not in said
        when = {"sherman-door-a": "said after Geneva talks"}
        when["ryabkov-no-concessions"] = "said before Geneva talks"
        if ident in when:
            assert when[ident] in said
        else:
            assert "Geneva talks" in said and "said before" not in said

    run(create_app(index.dataset), body, size=(160, 50))


def test_narrow_terminal_shows_the_group_and_its_note(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        await go_to_row(pilot, app, pane.key_of("assessment", 1))
        text = "\n".join(widget_lines(pane))
        assert ASSESSMENTS_HEADER in text and ASSESSMENTS_NOTE.strip() in text

    run(create_app(index.dataset), body, size=(80, 24))


def test_the_source_marks_assessments_unlike_statements(index: Index) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await go_to_row(pilot, app, quote(index, "sherman-door-a"))  # Article A, not current
        view = source(app)
        styles: dict[str, set[bool]] = {"assessment": set(), "quote": set()}
        for y in range(view.size.height):
            for segment in view.render_line(y):
                style = segment.style
                if not segment.text.strip() or style is None or not style.underline:
                    continue  # only marked (underlined, not current) passages
                if segment.text.strip() in "Washington is not ready to give guarantees.":
                    styles["assessment"].add(bool(style.italic))
                elif segment.text.strip() in "“We need a result.”":
                    styles["quote"].add(bool(style.italic))
        assert styles == {"assessment": {True}, "quote": {False}}

    run(create_app(index.dataset), body, size=(160, 50))
