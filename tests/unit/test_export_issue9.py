"""Exports of issue 9: titles per article, `said`, `same_as`, assessments kept
apart from the quotes (the article's words, attributed to the article), the
disagreements, the sources' bibliographic fields, and Markdown that puts only
direct speech in quotation marks."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from helpers import MINI, REPO

from genevatui.core import Filter, load_dataset
from genevatui.core.bundled import bundled_dataset
from genevatui.core.export import export
from genevatui.core.text import unwrapped

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"
ASSESS_DIR = ASSESS.parent


def doc(flt: Filter | None = None) -> dict[str, Any]:
    return json.loads(export(load_dataset(ASSESS), "json", flt))  # type: ignore[no-any-return]


def test_quote_records_carry_title_said_and_same_as() -> None:
    quotes = {q["id"]: q for q in doc()["quotes"]}
    b, a = quotes["sherman-door-b"], quotes["sherman-door-a"]
    assert (b["speaker_title"], b["speaker_title_verbatim"]) == (
        "First Deputy Secretary of State",
        True,
    )
    assert (a["speaker_title"], a["speaker_title_verbatim"]) == ("US negotiator", False)
    before = quotes["ryabkov-no-concessions"]
    assert (before["speaker_title"], before["speaker_title_verbatim"]) == (None, None)
    assert (a["said"], b["said"], before["said"]) == ("after", "at", "before")
    assert before["date"] is None and before["venue"] is None  # not the event's
    assert (a["same_as"], b["same_as"], before["same_as"]) == (
        ["sherman-door-b"],
        ["sherman-door-a"],
        [],
    )


def test_assessments_are_their_own_records_never_quotes() -> None:
    document = doc()
    parties = {"us-officials", "russian-leadership"}
    assert not parties & {q["speaker_id"] for q in document["quotes"]}
    assert {q["id"] for q in document["quotes"]}.isdisjoint(
        a["id"] for a in document["assessments"]
    )
    records = {a["id"]: a for a in document["assessments"]}
    assert list(records) == ["russian-leadership-ideal-time", "washington-not-ready"]
    record = records["washington-not-ready"]
    assert record == {
        "record": "assessment",
        "id": "washington-not-ready",
        "party": "us-officials",
        "party_name": "US officials",
        "delegation": "united-states",
        "source": "a",
        "source_title": "Article A",
        "file": "seeds/a.txt",
        "start": record["start"],
        "end": record["end"],
        "text": "Washington is not ready to give guarantees.",
        "event": "geneva-talks",
        "topics": ["security-guarantees"],
        "date": "2022-01-10",  # its event's
        "anchoring": "exact",
        "note": 'The author\'s reading: "judging by the official statements".',
        # issue 11: every record carries its kind and paragraph locator
        "kind": "assessment",
        "paragraph": record["paragraph"],
        "paragraph_end": record["paragraph_end"],
        "user_note": None,  # the user's own note: none passed here
    }
    article = (ASSESS_DIR / record["file"]).read_text(encoding="utf-8")
    for item in document["assessments"]:
        text = (ASSESS_DIR / item["file"]).read_text(encoding="utf-8")
        assert text[item["start"] : item["end"]] == item["text"]
    assert article[record["start"] : record["end"]] == record["text"]


def test_assessments_follow_the_filter_and_disagreements_stay_whole() -> None:
    document = doc(Filter(delegations=("russia",)))
    assert [a["id"] for a in document["assessments"]] == ["russian-leadership-ideal-time"]
    assert [d["id"] for d in document["disagreements"]] == ["talks-length"]
    assert doc(Filter(speakers=("sherman",)))["assessments"] == []


def test_disagreements_with_anchored_readings() -> None:
    (record,) = doc()["disagreements"]
    assert {k: record[k] for k in ("id", "about", "note", "events", "people", "quotes")} == {
        "id": "talks-length",
        "about": "How long the talks lasted",
        "note": None,
        "events": ["geneva-talks"],
        "people": [],
        "quotes": [],
    }
    assert [(r["source"], r["source_title"], r["text"], r["note"]) for r in record["readings"]] == [
        ("a", "Article A", "The talks lasted seven hours.", None),
        ("b", "Article B", "The talks lasted eight hours.", "An hour longer than in Article A."),
    ]
    for reading in record["readings"]:
        article = (ASSESS_DIR / reading["file"]).read_text(encoding="utf-8")
        assert article[reading["start"] : reading["end"]] == reading["text"]


def test_sources_carry_their_bibliographic_fields() -> None:
    a, b = doc()["sources"]
    assert {k: a[k] for k in ("outlet", "author", "published", "url", "language")} == {
        "outlet": "The Test Gazette",
        "author": None,  # unknown stays unknown
        "published": None,
        "url": None,
        "language": "en",
    }
    assert (a["translation"], b["translation"]) == (True, None)


def test_jsonl_and_csv_stay_one_row_per_quote() -> None:
    dataset = load_dataset(ASSESS)
    lines = export(dataset, "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [q["id"] for q in doc()["quotes"]]
    assert all("record" not in json.loads(line) for line in lines)
    rows = list(csv.DictReader(io.StringIO(export(dataset, "csv"), newline="")))
    assert len(rows) == len(dataset.spec.quotes)
    row = next(r for r in rows if r["id"] == "sherman-door-a")
    assert (row["speaker_title"], row["said"], row["same_as"]) == (
        "US negotiator",
        "after",
        "sherman-door-b",
    )


def test_markdown_quotation_marks_only_for_direct_speech() -> None:
    out = export(load_dataset(ASSESS), "markdown")
    lines = out.splitlines()
    ryabkov = next(line for line in lines if "We need a result" in line)
    # the article's own marks give way to one pair, not “““…”””
    assert "“We need a result.” (direct)" in ryabkov and "““" not in ryabkov
    assert "**Sergei Ryabkov** (Deputy Foreign Minister; Russia)" in ryabkov
    door = [line for line in lines if "the door stays open" in line]
    assert len(door) == 2
    for line in door:
        assert ": the door stays open (reported) — " in line
        assert "“the door stays open" not in line
    assert "**Wendy Sherman** (First Deputy Secretary of State; United States)" in out
    assert "**Wendy Sherman** (US negotiator, curator's description; United States)" in out


def test_markdown_keeps_a_quotation_mark_that_belongs_to_the_words() -> None:
    out = export(load_dataset(bundled_dataset()), "markdown", Filter(text="nothing for Europe"))
    assert 'principle of "nothing for Europe without Europe"” (direct)' in out


def test_markdown_lists_only_the_disagreements_about_what_it_holds() -> None:
    dataset = load_dataset(bundled_dataset())
    out = export(dataset, "markdown", Filter(speakers=("sherman",)))
    assert "(sherman-title)" in out and "(smoke-over-or-on-the-water)" not in out
    everything = export(dataset, "markdown")
    assert all(f"({d.id})" in everything for d in dataset.spec.disagreements)


def test_markdown_sections_for_assessments_and_disagreements() -> None:
    out = export(load_dataset(ASSESS), "markdown")
    quotes, rest = out.split(
        "## Assessments: the articles' own words about a party (not statements)"
    )
    assessments, disagreements = rest.split("## Disagreements between articles")
    assert "Washington is not ready" not in quotes and "US officials" not in quotes
    assert (
        "- *Article A* on **US officials** (10 Jan 2022): "
        "“Washington is not ready to give guarantees.” — seeds/a.txt, chars "
    ) in assessments
    assert "*Article B* on **Russian leadership** (Jan 2022): “now is the ideal time" in assessments
    assert "- **How long the talks lasted** (talks-length)" in disagreements
    assert "  - *Article A*: “The talks lasted seven hours.” — seeds/a.txt, chars " in disagreements
    assert "(An hour longer than in Article A.)" in disagreements


def test_markdown_without_assessments_or_disagreements_has_no_empty_sections() -> None:
    out = export(load_dataset(MINI), "markdown")
    # issue 11: the brief is grouped (## per event); no empty sections still
    assert "## Assessments" not in out and "## Disagreements" not in out
    assert ": the door stays open (reported) — " in out


def test_csv_says_when_a_title_is_the_curators_description() -> None:
    rows = list(csv.DictReader(io.StringIO(export(load_dataset(bundled_dataset()), "csv"))))
    ryabkov_004 = [
        r for r in rows if r["speaker_id"] == "ryabkov" and r["source"] == "summary-geneva-outcome"
    ]
    assert ryabkov_004
    assert {(r["speaker_title"], r["speaker_title_verbatim"]) for r in ryabkov_004} == {
        ("head of the Russian delegation", "false")
    }
    assert {r["speaker_title_verbatim"] for r in rows} <= {"true", "false", ""}


def test_markdown_says_a_quote_was_said_after_its_event() -> None:
    out = export(load_dataset(bundled_dataset()), "markdown", Filter(text="business"))
    # issue 11: the curator's note, a caveat sub-item, may quote the words too
    [line] = [x for x in out.splitlines() if "the day before business" in x and x[:2] == "- "]
    assert "said after Working dinner of the US and Russian delegations in Geneva, 9 Jan" in line


def test_markdown_keeps_marks_of_two_quotations_in_one_text() -> None:
    assert unwrapped('"A" and "B"') == '"A" and "B"'
    assert unwrapped("“We need a result.”") == "We need a result."
