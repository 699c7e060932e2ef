"""`genevatui export --marked` (issue 11 §4): what the user marked in the
explorer, from the marks file of that dataset, with the filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import call
from linked_data import LINKED_YAML, make_linked

from genevatui.core.marks import MarkStore


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_linked(tmp_path, LINKED_YAML)


def exported_ids(out: str) -> list[str]:
    return sorted(json.loads(line)["id"] for line in out.splitlines())


def test_marked_exports_exactly_the_marked_quotes(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = MarkStore.for_dataset(data)
    store.set_marked("quote", "sherman-door", True)
    store.set_marked("quote", "ryabkov-result", True)
    store.set_note("quote", "state-department-nothing", "a note is not a mark")
    code, out, err = call(capsys, "export", "--data", str(data), "--marked", "--format", "jsonl")
    assert (code, err) == (0, "")
    assert exported_ids(out) == ["ryabkov-result", "sherman-door"]
    # With a filter: the marked among what it keeps.
    args = ("--marked", "--speaker", "sherman", "--format", "jsonl")
    code, out, _ = call(capsys, "export", "--data", str(data), *args)
    assert exported_ids(out) == ["sherman-door"]
    # Without --marked the marks change nothing.
    _, out, _ = call(capsys, "export", "--data", str(data), "--format", "jsonl")
    assert len(out.splitlines()) == 4


def test_no_marks_exports_nothing_and_orphans_are_named(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = call(capsys, "export", "--data", str(data), "--marked", "--format", "jsonl")
    assert (code, out, err) == (0, "", "")
    MarkStore.for_dataset(data).set_marked("quote", "no-longer-here", True)
    code, out, err = call(capsys, "export", "--data", str(data), "--marked", "--format", "jsonl")
    assert (code, out) == (0, "")
    assert "1 mark(s) or note(s) name records no longer in the dataset" in err


def test_marked_from_stdin_is_a_usage_error(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.read_bytes())))
    code, out, err = call(capsys, "export", "--data", "-", "--marked")
    assert code == 2 and out == ""
    assert err.strip() == "genevatui: --marked: marks are kept per dataset file; stdin has none"


def test_marked_carries_the_notes_and_the_marked_events(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = MarkStore.for_dataset(data)
    store.set_marked("quote", "sherman-door", True)
    store.set_note("quote", "sherman-door", "Ask *her* office")
    store.set_marked("event", "geneva-talks-2022-01-10", True)
    store.set_marked("assessment", "state-department-silence", True)
    store.set_note("quote", "ryabkov-result", "a note, not marked: not exported")
    base = ("export", "--data", str(data), "--marked")
    code, out, err = call(capsys, *base, "--format", "markdown")
    assert (code, err) == (0, "")
    assert "  - Your note: Ask \\*her\\* office\n" in out
    assert "- **Geneva talks**, 10 Jan 2022, Geneva: “Talks opened" in out
    assert "not exported" not in out
    code, out, err = call(capsys, *base, "--format", "csl-json")
    assert (code, err) == (0, "")
    items = {item["id"]: item["custom"]["genevatui"] for item in json.loads(out)}
    assert list(items) == ["sherman-door", "geneva-talks-2022-01-10", "state-department-silence"]
    assert items["sherman-door"]["user_note"] == "Ask *her* office"
    assert items["state-department-silence"]["party"] == "US State Department"
    code, out, err = call(capsys, *base, "--format", "json")
    doc = json.loads(out)
    assert [e["id"] for e in doc["events"]] == ["geneva-talks-2022-01-10"]
    assert doc["quotes"][0]["user_note"] == "Ask *her* office" and not doc["quotes"][0]["note"]
    for fmt in ("csv", "jsonl"):
        code, out, err = call(capsys, *base, "--format", fmt)
        assert code == 0 and "Ask *her* office" in out
        assert err == (
            f"genevatui: {fmt} holds quotes only: 1 event and 1 assessment left out "
            "(json, markdown and csl-json hold them)\n"
        )


def test_without_marked_no_note_is_read(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A plain export is the dataset's: the same whoever runs it.
    MarkStore.for_dataset(data).set_note("quote", "sherman-door", "mine")
    code, out, _ = call(capsys, "export", "--data", str(data), "--format", "jsonl")
    assert code == 0 and all(json.loads(line)["user_note"] is None for line in out.splitlines())
