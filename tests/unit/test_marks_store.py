"""Marks and notes (issue 11 §2): kept per dataset, merged across instances,
never lost to a kill, never dropped when their target goes, and a damaged
file moved aside rather than overwritten."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest
from helpers import call, edit, make_dataset, subprocess_env

from genevatui.core import userfiles
from genevatui.core.atomic import TEMP_PREFIX
from genevatui.core.loader import load_dataset
from genevatui.core.marks import MarkStore, listing
from genevatui.core.userfiles import dataset_file, dataset_key


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def store_at(tmp_path: Path, **kwargs: bool) -> MarkStore:
    return MarkStore(tmp_path / "data" / "x.marks.json", **kwargs)


def test_marks_and_notes_survive_a_restart(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    assert store.toggle("quote", "q1") is True
    store.set_marked("event", "e1", True)
    store.set_note("assessment", "a1", "  check the date  ")
    store.set_note("event", "e1", "the first round")
    again = store_at(tmp_path)
    assert again.is_marked("quote", "q1") and again.is_marked("event", "e1")
    assert not again.is_marked("assessment", "a1")
    assert again.note("assessment", "a1") == "check the date"
    assert again.note("event", "e1") == "the first round"
    assert again.marked_ids("quote") == {"q1"}
    keys = [m.key for m in again.marks()]
    assert keys == [("quote", "q1"), ("assessment", "a1"), ("event", "e1")]
    assert again.warnings == [] and not again.unsaved


def test_unmarking_keeps_the_note_and_an_empty_record_is_dropped(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.set_marked("quote", "q1", True)
    store.set_note("quote", "q1", "mine")
    assert store.toggle("quote", "q1") is False
    assert store_at(tmp_path).note("quote", "q1") == "mine"
    store.set_note("quote", "q1", "   ")
    assert store_at(tmp_path).marks() == ()


def test_only_quotes_assessments_and_events_can_be_marked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot mark a 'speaker'"):
        store_at(tmp_path).set_marked("speaker", "ryabkov", True)


def test_a_mark_whose_target_left_the_dataset_is_kept_and_listed_as_orphaned(
    tmp_path: Path,
) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    store = MarkStore.for_dataset(yaml_path)
    store.set_marked("quote", "sherman-door", True)
    store.set_note("quote", "ryabkov-result", "compare with TASS")
    # The curator renames a quote: the mark on the old id is an orphan.
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(edit(text, ("id: sherman-door", "id: sherman-door-2")), encoding="utf-8")
    dataset = load_dataset(yaml_path)
    again = MarkStore.for_dataset(yaml_path)  # same file, edited: same marks
    rows = {(r.mark.id, r.orphaned) for r in listing(again.marks(), dataset)}
    assert rows == {("sherman-door", True), ("ryabkov-result", False)}
    # Saving other changes never drops the orphan.
    again.set_marked("quote", "sherman-door-2", True)
    assert MarkStore.for_dataset(yaml_path).is_marked("quote", "sherman-door")


def test_the_dataset_key_is_its_resolved_path_not_its_content(tmp_path: Path) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    key = dataset_key(yaml_path)
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert dataset_key(yaml_path) == key
    link = tmp_path / "link.yaml"
    link.symlink_to(yaml_path)
    assert dataset_key(link) == key
    assert dataset_key(make_dataset(tmp_path / "other")) != key


def test_two_stores_on_one_file_merge_instead_of_overwriting(tmp_path: Path) -> None:
    first, second = store_at(tmp_path), store_at(tmp_path)
    first.set_marked("quote", "a", True)
    second.set_marked("quote", "b", True)  # second never read "a": it merges it in
    first.set_marked("quote", "c", True)
    assert {m.id for m in store_at(tmp_path).marks()} == {"a", "b", "c"}
    assert {m.id for m in second.marks()} == {"a", "b"}  # what it saw when it saved
    second.reload()
    assert {m.id for m in second.marks()} == {"a", "b", "c"}
    # An unmark by one is not undone by the other's next save.
    first.set_marked("quote", "b", False)
    second.set_note("quote", "a", "later")
    final = store_at(tmp_path)
    assert not final.is_marked("quote", "b") and final.note("quote", "a") == "later"


def test_a_failed_save_keeps_the_change_for_the_next_one(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.parent.mkdir(exist_ok=True)
    folder.write_text("not a folder")  # the data folder cannot be made
    store = MarkStore(folder / "x.marks.json")
    with pytest.raises(userfiles.UserFileError, match="x.marks.json"):
        store.set_marked("quote", "q1", True)
    assert store.unsaved and store.is_marked("quote", "q1")
    folder.unlink()
    store.save()
    assert not store.unsaved and MarkStore(folder / "x.marks.json").is_marked("quote", "q1")


HUGE = b"{" + b" " * 2048 + b"}"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": "genevatui-marks", "version": 1, "marks": [', "not valid JSON"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (b"[1, 2, 3]", "unexpected content"),
        (b'{"format": "genevatui-session", "version": 1}', "not a genevatui-marks file"),
        # Newer versions and unknown entries are kept, not moved (test_marks_tolerant.py).
        (b'{"format": "genevatui-marks", "version": 0, "marks": []}', "version 0"),
        (b'{"format": "genevatui-marks", "version": 1, "marks": {"q": 1}}', "unexpected content"),
        (HUGE, "file too large"),
    ],
)
def test_a_damaged_or_foreign_file_is_moved_aside_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, problem: str
) -> None:
    monkeypatch.setattr(userfiles, "MAX_BYTES", 1024)  # "huge" without writing 16 MiB
    path = tmp_path / "data" / "x.marks.json"
    path.parent.mkdir()
    path.write_bytes(content)
    store = MarkStore(path)
    assert store.marks() == ()
    [warning] = store.warnings
    assert warning.startswith(f"{path}: ") and problem in warning and "\n" not in warning
    [aside] = [p for p in path.parent.iterdir() if ".broken-" in p.name]
    assert aside.name.startswith("x.marks.json.broken-") and aside.name in warning
    assert aside.read_bytes() == content  # the copy is the file as it was
    store.set_marked("quote", "q1", True)
    assert MarkStore(path).is_marked("quote", "q1") and aside.read_bytes() == content


def test_a_file_damaged_while_running_is_moved_aside_and_nothing_is_lost(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.set_marked("quote", "q1", True)
    path = tmp_path / "data" / "x.marks.json"
    path.write_bytes(b"\x00" * 10)  # another program wrote over it
    store.set_marked("quote", "q2", True)
    assert len(store.warnings) == 1
    assert {m.id for m in MarkStore(path).marks()} == {"q1", "q2"}


def test_a_fifo_in_place_of_the_file_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    path.parent.mkdir()
    os.mkfifo(path)
    store = MarkStore(path)
    assert "not a regular file" in store.warnings[0]
    store.set_marked("quote", "q1", True)
    assert MarkStore(path).is_marked("quote", "q1")


# --- processes: kill -9 and two instances --------------------------------------

SAVE_LOOP = """
import sys
from pathlib import Path
from genevatui.core.marks import MarkStore
store = MarkStore(Path(sys.argv[1]))
print("ready", flush=True)
run, i = sys.argv[2], 0
while True:
    mark = f"{run}-{i}"
    store.set_marked("quote", mark, True)
    store.set_note("quote", mark, "note " * 20 + mark)
    print(mark, flush=True)  # only after the save returned
    i += 1
"""


def test_kill_9_at_random_moments_of_saving_never_loses_a_confirmed_mark(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "x.marks.json"
    rng = random.Random(11)
    confirmed: set[str] = set()
    awaited = 0  # confirmations waited for before the kills: known whatever the speed
    for run in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(path), f"r{run}"],
            stdout=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        assert child.stdout is not None
        try:
            assert child.stdout.readline() == "ready\n"
            # Let it confirm a random number of marks (0: killed in its first
            # save), then kill at a random moment of the saves that follow:
            # how many saves a run makes no longer depends on the machine.
            wait_for = rng.randrange(8)
            lines = [child.stdout.readline().rstrip("\n") for _ in range(wait_for)]
            assert all(lines), f"run {run}: the child stopped saving"
            awaited += wait_for
            time.sleep(rng.uniform(0, 0.01))
            os.kill(child.pid, signal.SIGKILL)
            lines += child.stdout.read().splitlines()
        finally:
            child.kill()
            child.wait(30)
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        confirmed.update(lines)
        store = MarkStore(path)
        assert store.warnings == [], store.warnings
        held = {m.id for m in store.marks() if m.marked and m.note.endswith(m.id)}
        assert confirmed <= held, f"run {run}: lost {sorted(confirmed - held)[:5]}"
    assert awaited > 50 and len(confirmed) >= awaited  # they did save, many times
    assert not [p for p in path.parent.iterdir() if ".broken-" in p.name]
    MarkStore(path).set_marked("quote", "last", True)  # a later writer sweeps the leftovers
    assert not [p for p in path.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]


ADD_MANY = """
import sys
import time
from pathlib import Path
from genevatui.core.marks import MarkStore
path, who, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
store = MarkStore(path)
while not go.exists():
    time.sleep(0.001)
for i in range(60):
    store.set_marked("quote", f"{who}-{i}", True)
    store.set_note("event", f"{who}-e", f"{who} at {i}")
"""


def test_two_processes_adding_marks_at_once_keep_all_of_them(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", ADD_MANY, str(path), who, str(go)], env=subprocess_env()
        )
        for who in ("one", "two")
    ]
    go.touch()
    for child in children:
        assert child.wait(120) == 0
    store = MarkStore(path)
    assert store.warnings == []
    quotes = store.marked_ids("quote")
    assert quotes == {f"{who}-{i}" for who in ("one", "two") for i in range(60)}
    assert store.note("event", "one-e") == "one at 59"
    assert store.note("event", "two-e") == "two at 59"


EDIT_NOTE = """
import sys
import time
from pathlib import Path
from genevatui.core.marks import MarkStore
path, text, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
store = MarkStore(path)  # every one reads the note before any of them writes
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
store.set_note("quote", "q1", text)
print("\\n".join(store.warnings), flush=True)
"""


def test_processes_editing_one_note_keep_every_text(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.marks.json"
    MarkStore(path).set_note("quote", "q1", "draft")
    texts = ["one's version", "two's version", ""]  # the third removes the note
    children = [
        subprocess.Popen(
            [sys.executable, "-c", EDIT_NOTE, str(path), text, str(tmp_path / f"go{n}")],
            stdout=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        for n, text in enumerate(texts)
    ]
    said = []
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for n, child in enumerate(children):  # one after the other, each from "draft"
        (tmp_path / f"go{n}").touch()
        said.append(child.communicate(timeout=120)[0].strip())
        assert child.returncode == 0
    first, between, second = MarkStore(path).note("quote", "q1").split("\n")
    assert (first, second) == ("one's version", "two's version")
    assert between.startswith("— also written in another window at ")
    assert said[0] == ""
    assert said[1] == "quote q1: another window changed this note meanwhile: both texts kept"
    assert said[2] == "quote q1: your note was not removed: another window changed it meanwhile"


# --- the command line -----------------------------------------------------------


def test_genevatui_marks_lists_marks_and_notes_with_orphans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    store = MarkStore.for_dataset(yaml_path)
    store.set_marked("quote", "sherman-door", True)
    store.set_note("quote", "gone-quote", "kept\n\x1b]0;evil\x07")
    code, out, err = call(capsys, "marks", "--data", str(yaml_path))
    assert code == 0, err
    assert out.splitlines() == [
        "quote gone-quote  orphaned (no such quote in the dataset now)  "
        "note: kept\\n\\x1b]0;evil\\x07",
        "quote sherman-door  marked",
    ]
    code, out, err = call(capsys, "marks", "--data", str(yaml_path), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["dataset"] == str(yaml_path)
    assert [(m["id"], m["marked"], m["orphaned"]) for m in doc["marks"]] == [
        ("gone-quote", False, True),
        ("sherman-door", True, False),
    ]
    assert "\x1b" not in out and doc["marks"][0]["note"] == "kept\n\x1b]0;evil\x07"


def test_genevatui_marks_says_when_there_are_none_and_warns_of_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    yaml_path = make_dataset(tmp_path / "ds")
    code, out, err = call(capsys, "marks", "--data", str(yaml_path))
    assert (code, out) == (0, "") and "no marks or notes for" in err
    path = dataset_file(yaml_path, ".marks.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{oops")
    code, out, err = call(capsys, "marks", "--data", str(yaml_path))
    assert code == 0 and "warning:" in err and "moved aside to x" not in err
    assert f"{path}: not valid JSON" in err


def test_genevatui_marks_refuses_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "marks", "--data", "-")
    assert code == 2 and "standard input" in err


def test_the_file_is_versioned_json(tmp_path: Path) -> None:
    store_at(tmp_path).set_marked("event", "e1", True)
    doc = msgspec.json.decode((tmp_path / "data" / "x.marks.json").read_bytes())
    assert doc["format"] == "genevatui-marks" and doc["version"] == 1
    assert doc["marks"][0]["kind"] == "event" and doc["marks"][0]["marked"] is True
