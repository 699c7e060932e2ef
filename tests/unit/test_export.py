"""Export formats: the JSON shape, round trips to the articles, JSONL, CSV, Markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import BUNDLED, MINI, MINI_DIR, MINI_YAML, REPO, edit, make_dataset

from genevatui.core import Filter, load_dataset
from genevatui.core.export import export
from genevatui.core.loader import dataset_roots
from genevatui.core.writers import QUOTE_FORMATS

SOURCE_KEYS = {"id", "file", "title"}
PERSON_KEYS = {"id", "name", "delegation", "aliases"}
EVENT_KEYS = {"id", "date", "title", "venue", "delegations", "sources"}
QUOTE_KEYS = {
    "id", "speaker", "speaker_id", "delegation", "event", "venue", "date",
    "source", "file", "start", "end", "text", "kind", "topics",
}  # fmt: skip


def doc_of(path: Path, flt: Filter | None = None) -> dict[str, Any]:
    out = export(load_dataset(path), "json", flt)
    assert out.endswith("\n")
    return json.loads(out)  # type: ignore[no-any-return]


def test_json_shape(tmp_path: Path) -> None:
    doc = doc_of(MINI)
    assert set(doc) == {"sources", "people", "events", "quotes", "assessments", "disagreements"}
    for key, required in (
        ("sources", SOURCE_KEYS),
        ("people", PERSON_KEYS),
        ("events", EVENT_KEYS),
        ("quotes", QUOTE_KEYS),
    ):
        assert doc[key], key
        for record in doc[key]:
            assert required <= set(record), (key, required - set(record))
    for quote in doc["quotes"]:
        assert isinstance(quote["start"], int) and isinstance(quote["end"], int)
        assert isinstance(quote["topics"], list)
    assert [s["id"] for s in doc["sources"]] == ["article"]
    assert [p["id"] for p in doc["people"]] == ["ryabkov", "sherman", "us-state-department"]


def test_json_values_of_the_mini_dataset() -> None:
    doc = doc_of(MINI)
    assert {k: doc["sources"][0][k] for k in SOURCE_KEYS} == {
        "id": "article",
        "file": "seeds/article.txt",
        "title": "A test article",
    }
    assert {k: doc["people"][0][k] for k in PERSON_KEYS} == {
        "id": "ryabkov",
        "name": "Sergei Ryabkov",
        "delegation": "russia",
        "aliases": ["S. Ryabkov", "Ryabikov"],
    }
    assert {k: doc["events"][0][k] for k in EVENT_KEYS} == {
        "id": "geneva-talks-2022-01-10",
        "date": "2022-01-10",
        "title": "Geneva talks",
        "venue": "geneva",
        "delegations": ["russia", "united-states"],
        "sources": ["article"],
    }
    quotes = {q["id"]: {k: q[k] for k in QUOTE_KEYS} for q in doc["quotes"]}
    assert quotes["sherman-door"] == {
        "id": "sherman-door",
        "speaker": "Wendy Sherman",
        "speaker_id": "sherman",
        "delegation": "united-states",
        "event": "geneva-talks-2022-01-10",
        "venue": "geneva",  # from the event
        "date": "2022-01-10",  # from the event
        "source": "article",
        "file": "seeds/article.txt",
        "start": 147,
        "end": 166,
        "text": "the door stays open",
        "kind": "reported",
        "topics": ["nato-expansion"],
    }
    state = quotes["state-department-nothing"]
    assert (state["event"], state["venue"], state["date"]) == (None, None, "2022-01")
    assert quotes["ryabkov-result"]["text"] == "\u201cWe need a result.\nWe will achieve it."


def test_json_export_follows_the_filter() -> None:
    doc = doc_of(MINI, Filter(speakers=("US State Department",)))
    assert [q["id"] for q in doc["quotes"]] == ["state-department-nothing"]
    assert doc["events"] == []
    assert len(doc["sources"]) == 1 and len(doc["people"]) == 3  # reference lists stay whole


def round_trip(yaml_path: Path, root: Path) -> int:
    """Check `text == article[start:end]` for every exported quote; return how many."""
    assert root in dataset_roots(yaml_path)
    doc = doc_of(yaml_path)
    files = {s["id"]: s["file"] for s in doc["sources"]}
    for quote in doc["quotes"]:
        assert quote["file"] == files[quote["source"]]
        article = (root / quote["file"]).read_text(encoding="utf-8-sig")
        assert quote["text"] == article[quote["start"] : quote["end"]], quote["id"]
        assert quote["text"].strip(), quote["id"]
    return len(doc["quotes"])


def test_round_trip_mini() -> None:
    assert round_trip(MINI, MINI_DIR) == 3


def test_round_trip_bundled_dataset() -> None:
    # Fails (does not skip) while data/events.yaml is missing, invalid or without quotes.
    assert BUNDLED.is_file(), f"{BUNDLED} does not exist"
    assert round_trip(BUNDLED, REPO) > 0, "data/events.yaml has no quotes"


def test_event_passages_of_the_bundled_dataset_round_trip() -> None:
    dataset = load_dataset(BUNDLED)
    files = {s.id: s.file for s in dataset.spec.sources}
    assert dataset.spec.events, "data/events.yaml has no events"
    for event, anchors in zip(dataset.spec.events, dataset.event_anchors, strict=True):
        for passage, anchor in zip(event.passages, anchors, strict=True):
            article = (REPO / files[passage.source]).read_text(encoding="utf-8-sig")
            assert article[anchor.start : anchor.end].strip(), event.id


def test_jsonl_one_object_per_line() -> None:
    out = export(load_dataset(MINI), "jsonl")
    lines = out.splitlines()
    assert out.endswith("\n") and len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [q["id"] for q in doc_of(MINI)["quotes"]]
    for record in records:
        assert QUOTE_KEYS <= set(record)
    assert records[1]["text"] == "\u201cWe need a result.\nWe will achieve it."


def test_csv_parses_back_with_the_same_ids_and_texts() -> None:
    out = export(load_dataset(MINI), "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    quotes = doc_of(MINI)["quotes"]
    assert [r["id"] for r in rows] == [q["id"] for q in quotes]
    for row, quote in zip(rows, quotes, strict=True):
        assert row["text"] == quote["text"]  # including the embedded line break
        assert (int(row["start"]), int(row["end"])) == (quote["start"], quote["end"])
        assert row["topics"] == ";".join(quote["topics"])
        assert row["speaker"] == quote["speaker"]


def test_csv_with_a_filter_keeps_the_header() -> None:
    out = export(load_dataset(MINI), "csv", Filter(text="no such words"))
    assert list(csv.reader(io.StringIO(out))) == [
        list(csv.DictReader(io.StringIO(out)).fieldnames or [])
    ]
    assert out.startswith("id,speaker,speaker_id,")


def test_markdown_has_speakers_and_texts() -> None:
    out = export(load_dataset(MINI), "markdown")
    for name in ("Sergei Ryabkov", "Wendy Sherman", "US State Department"):
        assert f"**{name}**" in out
    assert "the door stays open" in out
    assert "said nothing new" in out
    assert "10 Jan 2022, Geneva" in out and "Jan 2022" in out
    assert "chars 147\u2013166" in out


def test_markdown_escapes_markdown_syntax(tmp_path: Path) -> None:
    article = "Sherman said: the door stays *open* [x] to all_of_them, #1 <b>.\n"
    text = edit(
        MINI_YAML,
        ("name: Wendy Sherman", "name: Wendy *Sherman*"),
        ("Talks opened in Geneva on January 10.", "Sherman said"),
        ("text: the door stays open\n    occurrence: 2",
         'text: "the door stays *open* [x] to all_of_them, #1 <b>."'),
        ('"\\u201cWe need a result. We will achieve it."', '"Sherman said:"'),
        ("text: said nothing new", "text: to all_of_them"),
    )  # fmt: skip
    out = export(load_dataset(make_dataset(tmp_path, text, article)), "markdown")
    assert r"the door stays \*open\* \[x\] to all\_of\_them, \#1 \<b\>." in out
    assert r"**Wendy \*Sherman\***" in out
    assert "*open*" not in out and "[x]" not in out


@pytest.mark.parametrize("fmt", QUOTE_FORMATS)  # chronology lists events (test_writers)
def test_every_format_exports_the_filtered_quotes(fmt: str) -> None:
    out = export(load_dataset(MINI), fmt, Filter(speakers=("sherman",)))
    assert "the door stays open" in out
    assert "said nothing new" not in out


def test_unknown_format_raises() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        export(load_dataset(MINI), "xml")
