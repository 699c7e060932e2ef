"""`Filter.in_notes`: the text search also looks in the curator's notes of
quotes, events and assessments; without it, notes are never searched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import MINI_YAML, REPO, call, edit, make_dataset

from genevatui.cli import build_parser, filter_from_args
from genevatui.core import Filter, Index, load_dataset

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"


@pytest.fixture
def noted(tmp_path: Path) -> Index:
    """The mini dataset with a note on one quote and one on the event."""
    text = edit(
        MINI_YAML,
        ("    occurrence: 2\n", "    occurrence: 2\n    note: The quokka reading of it.\n"),
        ("    summary: The first round.\n", "    summary: The first round.\n    note: okapi\n"),
    )
    return Index(load_dataset(make_dataset(tmp_path, text)))


def found(index: Index, flt: Filter) -> tuple[list[str], list[str], list[str]]:
    spec = index.dataset.spec
    result = index.run(flt)
    return (
        [spec.quotes[i].id for i in result.quotes],
        [spec.events[i].id for i in result.events],
        [spec.assessments[i].id for i in result.assessments],
    )


def test_a_quote_note_is_searched_only_on_request(noted: Index) -> None:
    assert found(noted, Filter(text="quokka")) == ([], [], [])
    # The quote's event follows its quote, as for every other criterion.
    assert found(noted, Filter(text="quokka", in_notes=True)) == (
        ["sherman-door"],
        ["geneva-talks-2022-01-10"],
        [],
    )


def test_an_event_note_is_searched_only_on_request(noted: Index) -> None:
    assert found(noted, Filter(text="okapi")) == ([], [], [])
    assert found(noted, Filter(text="okapi", in_notes=True)) == (
        [],
        ["geneva-talks-2022-01-10"],
        [],
    )


def test_words_and_notes_combine(noted: Index) -> None:
    # One word in the text, the other in the note: both must occur somewhere.
    assert found(noted, Filter(text="door quokka", in_notes=True))[0] == ["sherman-door"]
    assert found(noted, Filter(text="door quokka"))[0] == []
    # The notes add to the words: what the text finds, it still finds.
    assert found(noted, Filter(text="door", in_notes=True))[0] == ["sherman-door"]


def test_an_assessment_note_is_searched_only_on_request() -> None:
    index = Index(load_dataset(ASSESS))
    assert found(index, Filter(text="official statements"))[2] == []
    assert found(index, Filter(text="official statements", in_notes=True))[2] == [
        "washington-not-ready"
    ]


def test_the_memo_keeps_the_two_modes_apart(noted: Index) -> None:
    # A result for the words alone is never reused for words and notes.
    assert found(noted, Filter(text="quo"))[0] == []
    assert found(noted, Filter(text="quokka", in_notes=True))[0] == ["sherman-door"]
    assert found(noted, Filter(text="quokk"))[0] == []


def test_cli_search_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(MINI_YAML, ("    occurrence: 2\n", "    occurrence: 2\n    note: quokka\n"))
    data = str(make_dataset(tmp_path, text))

    def ids(*argv: str) -> list[str]:
        code, out, err = call(capsys, *argv)
        assert (code, err) == (0, "")
        return [json.loads(line)["id"] for line in out.splitlines()]

    export = ("export", "--data", data, "--format", "jsonl", "--search", "quokka")
    assert ids(*export) == []
    assert ids(*export, "--search-notes") == ["sherman-door"]
    # Given before the command, as every filter flag may be.
    assert ids("--search-notes", *export) == ["sherman-door"]
    # The explorer gets it in its Filter.
    args = build_parser().parse_args(["--search-notes", "--search", "quokka"])
    assert filter_from_args(args) == Filter(text="quokka", in_notes=True)
    assert not filter_from_args(build_parser().parse_args([])).in_notes
