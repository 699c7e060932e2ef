"""Marks and notes in the app (issue 11 §2): m marks, a notes, ' lists,
M keeps only the marked; all of it kept in the user data folder for the
next run on the same dataset file, and never lost to a failed save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from marks_helpers import make_dataset, quote_id
from pilot_helpers import chips_text, main_screen, run, shown_quotes, statements, timeline
from textual.pilot import Pilot
from textual.widgets import OptionList

from genevatui import create_app
from genevatui.core.marklist import ORPHANS_HEADING
from genevatui.core.marks import MarkStore
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.marks_view import MarksScreen
from genevatui.tui.screens.note_editor import ASK, NoteEditor
from genevatui.tui.widgets.source_info import SourceInfo


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "userdata"))
    return tmp_path / "userdata"


def block(data_folder: Path) -> None:
    """A file where the data folder should be: every save fails."""
    data_folder.parent.mkdir(parents=True, exist_ok=True)
    data_folder.write_text("a file where the folder should be")


def cursor_quote(app: GenevaApp) -> str:
    pane = statements(app)
    key = pane.cursor_key
    assert key is not None
    return main_screen(app).index.dataset.spec.quotes[key].id


def row_lines(app: GenevaApp, key: int) -> list[str]:
    pane = statements(app)
    return [strip.text for strip in pane.render_item(key, 60)]


def marks_listed(app: GenevaApp) -> list[str]:
    assert isinstance(app.screen, MarksScreen)
    return [str(o.prompt) for o in app.screen.query_one(OptionList).options]


async def mark_three_note_one(pilot: Pilot[Any], app: GenevaApp) -> list[str]:
    marked = []
    for n in range(3):
        if n:
            await pilot.press("j", "j")  # every other quote
        await pilot.press("m")
        marked.append(cursor_quote(app))
    await pilot.press("a")  # a note on the third
    assert isinstance(app.screen, NoteEditor)
    await pilot.press(*"check the date")
    await pilot.press("ctrl+s")
    await pilot.pause()
    return marked


def test_mark_three_note_one_list_them_and_find_them_next_run(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")
    seen: dict[str, Any] = {}

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        marked = await mark_three_note_one(pilot, app)
        seen["marked"] = marked
        assert app.user.marks.marked_ids("quote") == frozenset(marked)
        assert app.user.marks.note("quote", marked[-1]) == "check the date"
        # The sign sits in the indent: the meta line's text starts where an
        # unmarked row's does.
        spec = main_screen(app).index.dataset.spec
        pos = {q.id: i for i, q in enumerate(spec.quotes)}
        first, last = row_lines(app, pos[marked[0]])[0], row_lines(app, pos[marked[-1]])[0]
        unmarked = row_lines(app, pos[quote_id(1)])[0]
        assert first[:4] == " ●  " and last[:4] == " ●✎ " and unmarked[:4] == "    "
        assert first[4:].startswith("10 Jan 2022") and unmarked[4:].startswith("10 Jan 2022")
        block = main_screen(app).query_one(SourceInfo).text.plain
        # Right after who said it: not the line a three-line block cuts off.
        assert block.split("\n")[1] == "✎ Your note: check the date", block
        await pilot.press("i")
        body_text = str(app.screen.query_one("#details-body").content)
        assert "\nYour note:  check the date\n" in body_text
        await pilot.press("escape", "apostrophe")
        listed = marks_listed(app)
        assert len(listed) == 3 and all(line.startswith("● 10 Jan 2022 · ") for line in listed)
        noted = [line for line in listed if "✎ check the date" in line]
        assert len(noted) == 1 and spec.quotes[pos[marked[-1]]].text in noted[0]

    run(create_app(path), body)
    # Another instance on the same file finds the marks and the note.
    store = MarkStore.for_dataset(path)
    assert store.marked_ids("quote") == frozenset(seen["marked"]) and not store.warnings

    async def again(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert app.user.marks.note("quote", seen["marked"][-1]) == "check the date"
        assert row_lines(app, statements(app).cursor_key or 0)[0][:4] == " ●  "

    run(create_app(path), again)


def test_marked_only_narrows_to_exactly_the_marked_and_follows_changes(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        marked = await mark_three_note_one(pilot, app)
        spec = main_screen(app).index.dataset.spec
        await pilot.press("M")
        assert main_screen(app).filter.marked
        assert "marked" in chips_text(app)
        assert sorted(spec.quotes[i].id for i in shown_quotes(app)) == sorted(marked)
        assert timeline(app).rows == []  # no event is marked: none is kept
        # Unmarked while "marked only" is on: the statements follow at once.
        await pilot.press("m")
        assert len(shown_quotes(app)) == 2
        await pilot.press("x")
        assert not main_screen(app).filter.marked and len(shown_quotes(app)) == len(spec.quotes)

    run(create_app(path), body)


def test_marked_only_from_the_palette(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("m", "ctrl+p")
        await pilot.press(*"marked only")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).filter.marked and len(shown_quotes(app)) == 1

    run(create_app(path), body)


def test_m_right_after_a_move_marks_the_row_under_the_cursor(tmp_path: Path) -> None:
    """`jm` typed in one burst: `m` runs before the screen has heard that
    the cursor moved (a message); it marks the new row, not the one left."""
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        pane = statements(app)
        pane.action_cursor_down()
        main_screen(app).action_mark()  # no pause between: as in a burst of keys
        assert app.user.marks.marked_ids("quote") == {cursor_quote(app)} != {quote_id(0)}

    run(create_app(path), body)


def test_an_event_is_marked_from_the_timeline(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("1", "m")  # the timeline, its first event
        assert app.user.marks.marked_ids("event") == {"talks"}
        pane = timeline(app)
        assert pane.row_text(0).plain.startswith("◆●")  # the round's sign, then the mark

    run(create_app(path), body)


def test_orphans_are_listed_under_their_own_heading(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")
    before = MarkStore.for_dataset(path)
    before.set_marked("quote", "removed-by-the-curator", True)
    before.set_note("event", "gone-event", "I was here")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("m", "apostrophe")
        listed = marks_listed(app)
        assert listed[1] == ORPHANS_HEADING
        assert listed[2] == "● quote removed-by-the-curator"
        assert listed[3].startswith("✎ event gone-event") and "I was here" in listed[3]
        await pilot.press("down", "enter")  # an orphan: nowhere to go, the view stays
        assert isinstance(app.screen, MarksScreen)

    run(create_app(path), body)
    after = MarkStore.for_dataset(path)
    assert after.is_marked("quote", "removed-by-the-curator")
    assert after.note("event", "gone-event") == "I was here"


def test_marks_view_goes_there_unmarks_and_edits(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("j", "j", "j", "m")
        chosen = cursor_quote(app)
        await pilot.press("home")
        target = main_screen(app).shown
        await pilot.press("apostrophe", "enter")
        assert not isinstance(app.screen, MarksScreen)
        assert cursor_quote(app) == chosen
        await pilot.press("left_square_bracket")  # back where the user was
        assert main_screen(app).shown == target
        await pilot.press("apostrophe", "a", *"later", "ctrl+s")
        assert app.user.marks.note("quote", chosen) == "later"
        await pilot.press("m")  # unmarked, still listed (m again undoes it)
        assert not app.user.marks.is_marked("quote", chosen)
        assert "✎ 10 Jan 2022" in marks_listed(app)[0]
        await pilot.press("escape")
        assert not isinstance(app.screen, MarksScreen)

    run(create_app(path), body)


def test_note_editor_asks_before_dropping_changes_and_empty_removes(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("a", *"draft", "escape")
        assert isinstance(app.screen, NoteEditor)  # asked first
        assert str(app.screen.query_one("#note-ask").content) == ASK
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteEditor)
        assert app.user.marks.note("quote", quote_id(0)) == ""
        await pilot.press("a", *"kept")
        await pilot.click("#note-save")
        assert app.user.marks.note("quote", quote_id(0)) == "kept"
        await pilot.press("a", "escape")  # nothing changed: closes at once
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("a", *["backspace"] * 4, "ctrl+s")
        assert app.user.marks.get("quote", quote_id(0)) is None  # empty: removed
        assert "Your note" not in main_screen(app).query_one(SourceInfo).text.plain

    run(create_app(path), body)


def test_a_failed_save_keeps_the_mark_and_the_next_change_saves_it(
    tmp_path: Path, data_folder: Path
) -> None:
    path = make_dataset(tmp_path / "ds")
    block(data_folder)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("m")
        assert app.user.marks.is_marked("quote", quote_id(0)) and app.user.marks.unsaved
        said = [n.message for n in app._notifications]
        assert any("cannot save" in m and "kept for now" in m for m in said), said
        assert row_lines(app, 0)[0][:4] == " ●  "
        data_folder.unlink()  # the folder can be made again
        await pilot.press("j", "m")
        seen.add(cursor_quote(app))
        assert not app.user.marks.unsaved

    seen = {quote_id(0)}
    run(create_app(path), body)
    assert MarkStore.for_dataset(path).marked_ids("quote") == seen and len(seen) == 2


def test_a_damaged_marks_file_is_said_once_at_start(tmp_path: Path) -> None:
    path = make_dataset(tmp_path / "ds")
    store_path = MarkStore.for_dataset(path).path
    assert store_path is not None
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store_path.write_text("{not json")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        said = [n.message for n in app._notifications]
        assert len([m for m in said if "broken" in m or "moved" in m]) == 1, said
        assert app.user.marks.warnings == []
        await pilot.press("m")
        assert not app.user.marks.unsaved

    run(create_app(path), body)
    assert list(store_path.parent.glob("*.broken-*"))


def test_marks_still_unsaved_at_quit_are_tried_once_more_and_said(
    tmp_path: Path, data_folder: Path
) -> None:
    path = make_dataset(tmp_path / "ds")
    block(data_folder)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("m")
        assert app.user.marks.unsaved
        app.exit()

    app = create_app(path)
    run(app, body)
    assert len(app.problems) == 1 and "not saved" in app.problems[0], app.problems
    assert app.user.marks.unsaved  # still in memory: nothing pretended


def test_marks_unsaved_at_quit_are_saved_when_the_folder_is_back(
    tmp_path: Path, data_folder: Path
) -> None:
    path = make_dataset(tmp_path / "ds")
    block(data_folder)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("m")
        data_folder.unlink()
        app.exit()

    app = create_app(path)
    run(app, body)
    assert app.problems == []
    assert MarkStore.for_dataset(path).marked_ids("quote") == {quote_id(0)}


def test_y_and_m_act_on_the_same_row_right_after_a_move(tmp_path: Path) -> None:
    """`jy` and `jm` in one burst: both act on the row under the cursor
    (RecordScreen.selected), so what is copied is what is marked."""
    path = make_dataset(tmp_path / "ds")

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = main_screen(app)
        statements(app).action_cursor_down()
        screen.action_copy_cited()  # no pause between: as in a burst of keys
        screen.action_mark()
        (marked,) = app.user.marks.marked_ids("quote")
        assert marked == cursor_quote(app) != quote_id(0)
        spec = screen.index.dataset.spec
        words = next(q.text for q in spec.quotes if q.id == marked)
        assert app.clipboard and words.split()[0] in app.clipboard

    run(create_app(path), body)
