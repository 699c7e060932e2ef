"""The marks view's rows (issue 11 §2), without Textual: date order, who
and the first words, the user's note, and orphans kept, last, apart."""

from __future__ import annotations

from pathlib import Path

from helpers import make_dataset

from genevatui.core.loader import load_dataset
from genevatui.core.marklist import (
    MARKED_GLYPH,
    NOTE_GLYPH,
    first_words,
    glyph,
    glyphs,
    mark_rows,
    marked_count,
    note_line,
    row_text,
)
from genevatui.core.marks import Mark
from genevatui.core.query import Index


def mini_index(tmp_path: Path) -> Index:
    return Index(load_dataset(make_dataset(tmp_path)))


def test_rows_in_date_order_then_orphans_apart(tmp_path: Path) -> None:
    index = mini_index(tmp_path)
    marks = [
        Mark(kind="quote", id="zz-gone", marked=True),
        Mark(kind="quote", id="sherman-door", marked=True, note="check\nthe date"),
        Mark(kind="event", id="geneva-talks-2022-01-10", note="first round"),
        Mark(kind="quote", id="state-department-nothing", marked=True),
        Mark(kind="event", id="a-gone-event", note="was here"),
    ]
    rows = mark_rows(marks, index)
    assert [r.mark.id for r in rows] == [
        "state-department-nothing",  # Jan 2022 (a month: before its days)
        "sherman-door",  # 10 Jan 2022, a quote before the event of that day
        "geneva-talks-2022-01-10",
        "zz-gone",  # orphans last, by kind then id: kept, never dropped
        "a-gone-event",
    ]
    assert [r.orphaned for r in rows] == [False, False, False, True, True]
    sherman = rows[1]
    assert sherman.target == ("quote", 1)
    assert row_text(sherman) == "● 10 Jan 2022 · Wendy Sherman (reported): the door stays open"
    assert row_text(rows[2]) == "✎ 10 Jan 2022 · Event: Geneva talks: The first round."
    assert row_text(rows[3]) == "● quote zz-gone"
    assert note_line(sherman.mark.note) == "check …"


def test_an_orphan_keeps_its_note_and_an_empty_mark_still_lists(tmp_path: Path) -> None:
    index = mini_index(tmp_path)
    rows = mark_rows([Mark(kind="assessment", id="gone", note="mine")], index)
    assert rows[0].orphaned and rows[0].mark.note == "mine"
    # The marks view lists a target unmarked since it opened (m again undoes it).
    rows = mark_rows([Mark(kind="quote", id="ryabkov-result")], index)
    assert rows[0].target == ("quote", 0) and glyph(rows[0].mark) == " "


def test_signs() -> None:
    assert glyph(None) == " " and glyphs(None) == "  "
    assert glyph(Mark(kind="quote", id="x", marked=True, note="n")) == MARKED_GLYPH
    assert glyph(Mark(kind="quote", id="x", note="n")) == NOTE_GLYPH
    assert glyphs(Mark(kind="quote", id="x", marked=True, note="n")) == "●✎"
    assert glyphs(Mark(kind="quote", id="x", note="n")) == " ✎"
    assert glyphs(Mark(kind="quote", id="x", marked=True)) == "● "
    marks = [Mark(kind="quote", id="a", marked=True), Mark(kind="quote", id="b", note="n")]
    assert marked_count(marks) == 1


def test_words_and_notes_are_one_safe_line() -> None:
    assert first_words("one two\nthree", 2) == "one two …"
    assert first_words("one  two", 5) == "one two"
    assert note_line("\x1b[31mred\u202e") == "\\x1b[31mred\\u202e"
    assert note_line("x" * 150, limit=10) == "x" * 10 + " …"
    assert note_line("   ") == ""
