"""Two instances on one marks file (issue 11 §2): a note is the user's
writing and is never silently lost to another instance's save; a file
written by a newer genevatui, or holding entries this one cannot read, is
kept as it is rather than moved aside or overwritten."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from genevatui.core.atomic import TEMP_PREFIX
from genevatui.core.marks import MarkStore
from genevatui.core.userfiles import UserFileError

MARKER = "— also written in another window at "


def store_at(tmp_path: Path, *, autosave: bool = True) -> MarkStore:
    return MarkStore(tmp_path / "data" / "x.marks.json", autosave=autosave)


def merged(note: str) -> tuple[str, str]:
    """The other's text and this one's, of a note kept from two instances."""
    theirs, between, mine = note.split("\n")
    assert between.startswith(MARKER) and between.endswith(" UTC —"), between
    return theirs, mine


def test_two_stores_writing_one_note_keep_both_texts_and_say_so(tmp_path: Path) -> None:
    first, second = store_at(tmp_path), store_at(tmp_path)
    first.set_note("quote", "q1", "first's reading")
    second.set_note("quote", "q1", "second's reading")  # it never saw first's
    assert merged(store_at(tmp_path).note("quote", "q1")) == ("first's reading", "second's reading")
    assert merged(second.note("quote", "q1")) == ("first's reading", "second's reading")
    assert first.warnings == []
    assert second.warnings == [
        "quote q1: another window changed this note meanwhile: both texts kept"
    ]
    # Once seen, the merged note is an ordinary note: replacing it is the user's choice.
    second.warnings.clear()
    first.reload()
    first.set_note("quote", "q1", "settled")
    assert store_at(tmp_path).note("quote", "q1") == "settled" and first.warnings == []


def test_an_edit_from_an_older_text_keeps_the_newer_one(tmp_path: Path) -> None:
    first = store_at(tmp_path)
    first.set_note("event", "e1", "v1")
    second = store_at(tmp_path)  # starts from "v1"
    first.set_note("event", "e1", "v2")
    second.set_note("event", "e1", "v1, and more")
    assert merged(store_at(tmp_path).note("event", "e1")) == ("v2", "v1, and more")


def test_no_merge_when_the_note_is_unchanged_or_the_same(tmp_path: Path) -> None:
    first = store_at(tmp_path)
    first.set_note("quote", "q1", "original")
    second = store_at(tmp_path)
    first.set_note("quote", "q1", "changed")
    second.set_note("quote", "q1", "original")  # saved unedited: the other's change stands
    assert store_at(tmp_path).note("quote", "q1") == "changed"
    third = store_at(tmp_path)
    first.set_note("quote", "q1", "same words")
    third.set_note("quote", "q1", "same words")
    assert store_at(tmp_path).note("quote", "q1") == "same words"
    assert second.warnings == [] and third.warnings == []


def test_removing_a_note_another_store_changed_meanwhile_removes_nothing(tmp_path: Path) -> None:
    first = store_at(tmp_path)
    first.set_note("quote", "q1", "original")
    second = store_at(tmp_path)
    first.set_note("quote", "q1", "their new text")
    second.set_note("quote", "q1", "")
    assert store_at(tmp_path).note("quote", "q1") == "their new text"
    assert second.note("quote", "q1") == "their new text"  # and it shows it
    assert second.warnings == [
        "quote q1: your note was not removed: another window changed it meanwhile"
    ]
    # A note removed by the other while this one edits: this one's text is kept.
    first.set_note("quote", "q1", "")
    second.set_note("quote", "q1", "mine again")
    assert store_at(tmp_path).note("quote", "q1") == "mine again"


def test_a_mark_set_in_both_is_the_later_save(tmp_path: Path) -> None:
    first, second = store_at(tmp_path), store_at(tmp_path)
    first.set_marked("quote", "q1", True)
    second.set_marked("quote", "q1", False)  # a yes/no: nothing to keep of both
    assert not store_at(tmp_path).is_marked("quote", "q1")
    assert second.warnings == []


def test_unsaved_edits_merge_once_whatever_saves_or_reloads_between(tmp_path: Path) -> None:
    first = store_at(tmp_path)
    second = store_at(tmp_path, autosave=False)
    second.set_note("quote", "q1", "draft")
    second.set_note("quote", "q1", "final")  # replaces its own draft, not a conflict
    first.set_note("quote", "q1", "other")
    second.reload()  # shows the merge before saving it...
    assert merged(second.note("quote", "q1")) == ("other", "final")
    second.save()  # ...and saves it once, with one warning
    assert merged(store_at(tmp_path).note("quote", "q1")) == ("other", "final")
    assert len(second.warnings) == 1 and not second.unsaved


UNKNOWN = {"kind": "speaker", "id": "ryabkov", "marked": True, "colour": {"r": 1}}
WITH_EXTRA = {"kind": "quote", "id": "q2", "marked": True, "note": "", "colour": "blue"}


def write_file(path: Path, version: int, *entries: object) -> bytes:
    doc = {"format": "genevatui-marks", "version": version, "future": [1], "marks": entries}
    data = msgspec.json.encode(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def test_entries_it_cannot_read_are_kept_through_saves(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    known = {"kind": "quote", "id": "q1", "marked": True}
    write_file(path, 1, known, UNKNOWN, WITH_EXTRA, {"kind": "event"})
    store = MarkStore(path)
    assert [m.id for m in store.marks()] == ["q1", "q2"]
    assert store.warnings == [
        f"{path}: 2 entries this genevatui cannot read (from a newer version?) "
        "kept in the file as they are"
    ]
    store.set_marked("quote", "q3", True)
    store.set_note("quote", "q2", "a note")
    assert len(store.warnings) == 1  # said once, not at every save
    entries = msgspec.json.decode(path.read_bytes())["marks"]
    assert UNKNOWN in entries and {"kind": "event"} in entries
    [q2] = [e for e in entries if e.get("id") == "q2"]
    assert q2["colour"] == "blue" and q2["note"] == "a note"  # its unknown field kept
    assert not [p for p in path.parent.iterdir() if ".broken-" in p.name]
    assert {m.id for m in MarkStore(path).marks()} == {"q1", "q2", "q3"}


def test_a_newer_file_is_read_only_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    data = write_file(path, 2, {"kind": "quote", "id": "q1", "marked": True}, UNKNOWN)
    store = MarkStore(path)
    assert store.read_only and store.is_marked("quote", "q1")  # shown as far as it can be
    [warning] = store.warnings
    assert warning.startswith(f"{path}: written by a newer genevatui") and "not saved" in warning
    with pytest.raises(UserFileError, match=r"was written by a newer genevatui.*; not saved$"):
        store.set_marked("quote", "q2", True)
    with pytest.raises(UserFileError, match="newer genevatui"):
        store.set_note("quote", "q1", "in memory")
    with pytest.raises(UserFileError, match="newer genevatui"):
        store.save()
    # The app keeps working in memory; the file is as the newer program left it.
    assert store.is_marked("quote", "q2") and store.note("quote", "q1") == "in memory"
    assert store.unsaved and len(store.warnings) == 1
    assert path.read_bytes() == data
    leftovers = [p.name for p in path.parent.iterdir() if p.name != "x.marks.json"]
    assert not [n for n in leftovers if ".broken-" in n or n.startswith(TEMP_PREFIX)]


def test_a_newer_file_it_cannot_read_at_all_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    path.parent.mkdir(parents=True)
    data = b'{"format": "genevatui-marks", "version": 9, "marks": {"by-id": {}}}'
    path.write_bytes(data)
    store = MarkStore(path)
    assert store.read_only and store.marks() == ()
    with pytest.raises(UserFileError, match="newer genevatui"):
        store.set_marked("quote", "q1", True)
    assert path.read_bytes() == data and sorted(p.name for p in path.parent.iterdir()) == [
        "x.marks.json",
        "x.marks.json.lock",
    ]
