"""Export writers (issue 11 §4): one registry, chosen by name or extension;
every format carries kind, note, the title as the article gives it and the
paragraph locator; the Markdown brief and the chronology."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import MINI, REPO

from genevatui.core.bundled import bundled_dataset
from genevatui.core.cite_text import md_escape
from genevatui.core.export import export
from genevatui.core.filters import Filter
from genevatui.core.loader import load_dataset, load_index
from genevatui.core.query import Index
from genevatui.core.writers import FORMATS, QUOTE_FORMATS, WRITERS, write, writer_for

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"
MARKS = "\"'“”„‟«»‘’‚‛"


@pytest.fixture(scope="module")
def bundled() -> Index:
    return load_index(bundled_dataset())


@pytest.mark.parametrize(
    ("chosen", "name"),
    [
        ("json", "json"),
        ("out.json", "json"),
        ("OUT.JSON", "json"),
        ("marks.csl.json", "csl-json"),  # the longest ending wins
        ("brief.md", "markdown"),
        ("x.markdown", "markdown"),
        ("rows.csv", "csv"),
        ("lines.jsonl", "jsonl"),
        ("chronology", "chronology"),
    ],
)
def test_a_writer_by_name_or_extension(chosen: str, name: str) -> None:
    assert writer_for(chosen).name == name


def test_an_unknown_format_lists_the_choices() -> None:
    with pytest.raises(
        ValueError, match=r"unknown format 'x\.xml'; choose from json, .*\.csl\.json"
    ):
        writer_for("x.xml")
    with pytest.raises(ValueError, match="unknown grouping"):
        write(load_index(str(MINI)), load_index(str(MINI)).run(Filter()), "md", io.StringIO(),
              group_by="topic")  # type: ignore[arg-type]  # fmt: skip


def test_the_registry_is_the_list_of_formats() -> None:
    assert (
        FORMATS == tuple(WRITERS) == ("json", "jsonl", "csv", "markdown", "csl-json", "chronology")
    )
    assert set(QUOTE_FORMATS) == set(FORMATS) - {"chronology"}
    for writer in WRITERS.values():
        assert writer.description and writer.name == writer_for(writer.name).name


def records(fmt: str, dataset_path: str) -> list[dict[str, object]]:
    """Each quote's fields as format `fmt` writes them."""
    out = export(load_dataset(dataset_path), fmt)
    if fmt == "json":
        return json.loads(out)["quotes"]  # type: ignore[no-any-return]
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(out, newline="")))
    assert fmt == "csl-json"
    return [item["custom"]["genevatui"] for item in json.loads(out)]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "csl-json"])
def test_every_record_carries_kind_note_title_and_paragraph(fmt: str) -> None:
    door = next(r for r in records(fmt, str(ASSESS)) if r["text"] == "the door stays open")
    assert door["kind"] == "reported"
    assert {"note", "speaker_title", "paragraph"} <= set(door)
    assert str(door["paragraph"]) == "1"


def test_markdown_carries_kind_note_title_and_paragraph() -> None:
    out = export(load_dataset(ASSESS), "markdown")
    assert "(reported) — " in out and "(direct) — " in out
    assert "(US negotiator, curator's description; United States)" in out
    assert ", ¶ 1\n" in out
    assert "  - Curator's note: " in out


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_paragraph_is_where_the_words_are(bundled: Index, fmt: str) -> None:
    for row in records(fmt, str(bundled_dataset())):
        article = (REPO / str(row["file"])).read_text(encoding="utf-8")
        start, end, first = int(str(row["start"])), int(str(row["end"])), int(str(row["paragraph"]))
        lines = [line for line in article.split("\n") if line.strip()]
        assert article[start:end] == row["text"]
        assert article[start:end].split("\n")[0] in lines[first - 1], row["id"]


def test_reported_speech_is_in_quotation_marks_in_no_brief(bundled: Index) -> None:
    spec = bundled.dataset.spec
    reported = [i for i, q in enumerate(spec.quotes) if q.kind == "reported"]
    for group_by in ("event", "speaker"):
        out = export(bundled.dataset, "markdown", index=bundled, group_by=group_by)
        statements = out.split("\n## Assessments")[0]
        lines = [line for line in statements.splitlines() if line.startswith("- **")]
        assert len(lines) == len(spec.quotes)
        for i in reported:
            words = md_escape(bundled.quote_view(i).text)
            found = [x for x in lines if f": {words} (reported) — " in x]
            assert found, spec.quotes[i].id  # one, or two for a joint pledge
            for line in found:
                at = line.index(words)
                assert line[at - 1] not in MARKS and line[at + len(words)] not in MARKS


def test_the_brief_groups_by_event_in_date_order_or_by_speaker(bundled: Index) -> None:
    from genevatui.core.dates import sort_key

    by_event = export(bundled.dataset, "markdown", index=bundled)
    statements = by_event.split("\n## Assessments")[0]
    headings = [line[3:] for line in statements.splitlines() if line.startswith("## ")]
    assert headings[-1] == "Not tied to an event"  # last, after every dated event
    titles = {md_escape(e.title): e for e in bundled.dataset.spec.events}
    dated = [next(e for t, e in titles.items() if h.startswith(f"{t} (")) for h in headings[:-1]]
    assert [sort_key(e.date) for e in dated] == sorted(sort_key(e.date) for e in dated)
    by_speaker = export(load_dataset(ASSESS), "markdown", group_by="speaker")
    assert "## Wendy Sherman (United States)" in by_speaker.splitlines()
    assert "## Sergei Ryabkov (Russia)" in by_speaker.splitlines()
    assert by_speaker.startswith("# Statements, by speaker\n")


def test_the_chronology_lists_the_events_in_date_order_with_their_articles(
    bundled: Index,
) -> None:
    out = export(bundled.dataset, "chronology", index=bundled)
    assert out.startswith("# Chronology\n")
    heads = [line for line in out.splitlines() if line.startswith("## ")]
    events = bundled.dataset.spec.events
    assert len(heads) == len(events)
    order = [next(e for e in events if f": {md_escape(e.title)}" in h) for h in heads]
    from genevatui.core.dates import sort_key

    assert [sort_key(e.date) for e in order] == sorted(sort_key(e.date) for e in order)
    assert "- *Summary of the Geneva talks' outcome" in out and ", ¶ " in out


def test_the_briefs_disagreements_are_those_its_items_name() -> None:
    """The list at the end of a brief holds what its items' "Disputed: see
    <id>" lines name (and those about its events): before, any disagreement
    naming a listed speaker was listed, though it concerned none of the
    listed statements."""
    import re

    from genevatui.core import Filter, Index, load_dataset
    from genevatui.core.bundled import bundled_dataset
    from genevatui.core.export import export

    dataset = load_dataset(bundled_dataset())
    index = Index(dataset)
    for flt in (Filter(speakers=("ryabkov",)), Filter(text="concessions"), Filter()):
        brief = export(dataset, "markdown", flt, index)
        sees = re.findall(r"Disputed: see ([^\n]+)", brief)
        named = {i for line in sees for i in line.split(", ")}
        listed = set(re.findall(r"^- \*\*.*\*\* \(([a-z0-9-]+)\)$", brief, re.M))
        # Every "see" is listed; the list may add those about the events
        # the statements are grouped under (their headings), nothing else.
        assert named <= listed, (flt, named - listed)
        events = {dataset.spec.events[i].id for i in index.run(flt).events}
        about_events = {d.id for d in dataset.spec.disagreements if set(d.events) & events}
        assert listed - named <= about_events, (flt, listed - named - about_events)
    narrow = export(dataset, "markdown", Filter(text="unilateral concessions"), index)
    assert "ryabkov-first-meeting-remark" not in narrow
