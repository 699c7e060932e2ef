"""Exporting the marks (issue 11 §4, review): the user's own notes travel in
every format, apart from the curator's `note`; marked events are written
by every format that can hold them, and a format that cannot (csv, jsonl:
quotes only; CSL-JSON: an event no article reports) says what it left out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from cslschema import csl_errors
from helpers import edit
from linked_data import LINKED_YAML, make_linked

from genevatui.core.filters import Filter
from genevatui.core.loader import load_index
from genevatui.core.query import Index, Result
from genevatui.core.writers import CSV_FIELDS, QUOTE_FORMATS, WRITERS, write

# A second event that no article reports: nothing to cite, but it can be marked.
CALL = """  - id: later-call
    kind: call
    date: "2022-01-20"
    precision: day
    title: A later call
    summary: A call no article reports.
    note: Known from a readout only.
quotes:
"""
YAML = edit(LINKED_YAML, ("quotes:\n", CALL))
HOSTILE = "Check *this* [link](x) <b> #1 | `code`\nsecond line"
NOTES = {
    ("quote", "sherman-door"): HOSTILE,
    ("event", "geneva-talks-2022-01-10"): "Opening day: my event note",
    ("event", "later-call"): "Ask the embassy",
    ("assessment", "state-department-silence"): "My assessment note",
}
MARKED = {
    "quote": ["sherman-door", "ryabkov-result"],
    "event": ["geneva-talks-2022-01-10", "later-call"],
    "assessment": ["state-department-silence"],
}
QUOTE_MARKS = "\"'“”„‟«»‘’‚‛"


@pytest.fixture
def index(tmp_path: Path) -> Index:
    index = load_index(str(make_linked(tmp_path, YAML)))
    index.set_marked(MARKED)
    return index


def marks(index: Index) -> Result:
    return index.run(Filter(marked=True))


def written(index: Index, fmt: str, notes: Any = NOTES, *, cite: bool = True, **kw: Any) -> str:
    out = io.StringIO()
    write(index, marks(index), fmt, out, user_notes=notes, cite_events=cite, **kw)
    return out.getvalue()


def test_json_carries_notes_apart_from_the_curators(index: Index) -> None:
    doc = json.loads(written(index, "json"))
    quotes = {q["id"]: q for q in doc["quotes"]}
    assert quotes["sherman-door"]["user_note"] == HOSTILE  # data: kept as written
    assert quotes["ryabkov-result"]["user_note"] is None
    events = {e["id"]: e for e in doc["events"]}
    assert set(events) == {"geneva-talks-2022-01-10", "later-call"}
    assert events["later-call"]["user_note"] == "Ask the embassy"
    assert events["later-call"]["note"] == "Known from a readout only."  # the curator's
    (assessment,) = doc["assessments"]
    assert assessment["user_note"] == "My assessment note"
    for record in [*doc["quotes"], *doc["events"], *doc["assessments"]]:
        assert record["note"] is None or "my" not in record["note"].lower()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jsonl_and_csv_carry_the_note_and_say_what_they_leave_out(index: Index, fmt: str) -> None:
    text = written(index, fmt)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert CSV_FIELDS[-1] == "user_note" == next(csv.reader(io.StringIO(text)))[-1]
    else:
        rows = [json.loads(line) for line in text.splitlines()]
    notes = {row["id"]: row["user_note"] for row in rows}
    assert notes == {"sherman-door": HOSTILE, "ryabkov-result": "" if fmt == "csv" else None}
    assert all(HOSTILE not in (row["note"] or "") for row in rows)
    said = WRITERS[fmt].left_out_words(marks(index), cite_events=True, index=index)
    assert said == (
        f"{fmt} holds quotes only: 2 events and 1 assessment left out "
        "(json, markdown and csl-json hold them)"
    )
    # The view's events are context, not items: only its assessment is left out.
    view = index.run(Filter())
    assert (
        WRITERS[fmt]
        .left_out_words(view, index=index)
        .startswith(f"{fmt} holds quotes only: 1 assessment left out")
    )


def test_csl_json_cites_the_marked_event_and_carries_notes(index: Index) -> None:
    items = json.loads(written(index, "csl-json"))
    assert csl_errors(items) == []
    custom = {item["id"]: item["custom"]["genevatui"] for item in items}
    assert list(custom) == [
        "ryabkov-result", "sherman-door", "geneva-talks-2022-01-10", "state-department-silence",
    ]  # fmt: skip
    assert custom["sherman-door"]["user_note"] == HOSTILE
    assert custom["ryabkov-result"]["user_note"] is None
    event = custom["geneva-talks-2022-01-10"]
    assert (event["record"], event["user_note"]) == ("event", "Opening day: my event note")
    assessment = custom["state-department-silence"]
    assert (assessment["party"], assessment["speaker"]) == ("US State Department", None)
    assert custom["sherman-door"]["party"] is None
    for item in items:  # the CSL note (what a style prints) is never the user's
        assert "my " not in item["note"].lower() and HOSTILE not in item["note"]
    result = marks(index)
    assert WRITERS["csl-json"].left_out_words(result, cite_events=True, index=index) == (
        "csl-json cites articles: 1 event no article reports left out"
    )
    assert WRITERS["csl-json"].counts(result, cite_events=True, index=index) == {
        "quotes": 2, "events": 1, "assessments": 1,
    }  # fmt: skip


def test_the_brief_lists_notes_escaped_and_the_marked_events(index: Index) -> None:
    brief = written(index, "markdown")
    lines = brief.splitlines()
    escaped = r"Check \*this\* \[link\](x) \<b\> \#1 \| \`code\` second line"
    assert f"  - Your note: {escaped}" in lines
    # Under its item: the line before (or a caveat of it) is Sherman's.
    at = lines.index(f"  - Your note: {escaped}")
    item = next(line for line in reversed(lines[:at]) if line.startswith("- "))
    assert item.startswith("- **Wendy Sherman**")
    assert not any(ch in item.split(": ", 1)[1].split(" (reported)")[0] for ch in QUOTE_MARKS)
    # The event with statements: cited first under its heading, then its note.
    head = lines.index("## Geneva talks (10 Jan 2022, Geneva)")
    assert lines[head + 2].startswith("- **Geneva talks**, 10 Jan 2022, Geneva: “Talks opened")
    assert "(event) — *A test article*" in lines[head + 2]
    assert lines[head + 3 : head + 5] == [
        "  - Disputed: see talks-usefulness",
        "  - Your note: Opening day: my event note",
    ]
    # The event no statement is listed under, and no article reports: its own
    # heading, in date order, said so, with both notes.
    call = lines.index("## A later call (20 Jan 2022)")
    assert call > head
    assert lines[call + 2 : call + 5] == [
        "- **A later call (20 Jan 2022)** (event): no article's passage reports it",
        "  - Curator's note: Known from a readout only.",
        "  - Your note: Ask the embassy",
    ]
    assert "  - Your note: My assessment note" in lines
    assert "“Your note” is yours" in lines[2]


def test_the_brief_by_speaker_has_a_section_of_the_marked_events(index: Index) -> None:
    brief = written(index, "markdown", group_by="speaker")
    section = brief.split("## Events: the articles' own accounts\n\n")[1].split("\n## ")[0]
    assert section.splitlines()[0].startswith("- **Geneva talks**, 10 Jan 2022, Geneva: “")
    assert "- **A later call (20 Jan 2022)** (event)" in section


def test_without_notes_nothing_is_said_of_them(index: Index) -> None:
    assert "Your note" not in written(index, "markdown", None)
    assert "Your note" not in written(index, "markdown", {("quote", "elsewhere"): "x"})
    doc = json.loads(written(index, "json", None))
    assert all(q["user_note"] is None for q in doc["quotes"])


def test_the_view_carries_notes_but_cites_no_event(index: Index) -> None:
    # Exporting the view: its events are context (json's list), not items.
    out = io.StringIO()
    write(index, index.run(Filter()), "markdown", out, user_notes=NOTES)
    brief = out.getvalue()
    assert "  - Your note: Check \\*this\\*" in brief
    assert "(event)" not in brief and "A later call" not in brief
    out = io.StringIO()
    write(index, index.run(Filter()), "csl-json", out, user_notes=NOTES)
    assert all(i["custom"]["genevatui"]["record"] != "event" for i in json.loads(out.getvalue()))


@pytest.mark.parametrize("fmt", QUOTE_FORMATS)
def test_progress_counts_the_cited_events(index: Index, fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    result = marks(index)
    write(index, result, fmt, io.StringIO(), user_notes=NOTES, cite_events=True,
          progress=lambda d, t: calls.append((d, t)))  # fmt: skip
    total = sum(WRITERS[fmt].counts(result, cite_events=True, index=index).values())
    assert calls == [(n, total) for n in range(1, total + 1)]
    assert total == {"csv": 2, "jsonl": 2, "csl-json": 4}.get(fmt, 5)


def test_summary_names_the_events() -> None:
    result = Result([1, 2, 3], [4], [5])
    assert WRITERS["markdown"].summary(result, cite_events=True) == (
        "3 quotes, 1 event and 1 assessment"
    )
    assert WRITERS["markdown"].summary(result) == "3 quotes and 1 assessment"
    with pytest.raises(ValueError, match="needs the index"):
        WRITERS["csl-json"].counts(result, cite_events=True)
