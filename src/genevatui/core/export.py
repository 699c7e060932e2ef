"""Export writers: JSON, JSONL, CSV and a Markdown citation list.

The JSON shape is a stable interface for scripts (see the README); extra
keys may be added, existing ones never change meaning.

What is whose words: a quote is what a speaker said (direct: their words;
reported: the article's paraphrase of them). An assessment is the article's
own words ABOUT a party, never a statement by it: it is exported apart from
the quotes, attributed to its article, with "record": "assessment". JSONL and
CSV hold one row per quote and nothing else; assessments and disagreements
are in the JSON document and in the Markdown sections.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .dates import format_date
from .filters import Filter
from .models import Dataset
from .query import Index, Result
from .text import quoted

FORMATS = ("json", "jsonl", "csv", "markdown")
CSV_FIELDS = (
    "id",
    "speaker",
    "speaker_id",
    "delegation",
    "event",
    "venue",
    "date",
    "kind",
    "topics",
    "source",
    "file",
    "start",
    "end",
    "text",
    "speaker_title",
    "speaker_title_verbatim",
    "said",
    "same_as",
)


def quote_record(index: Index, i: int) -> dict[str, Any]:
    """One quote as the export shape; `text` is the article's slice.

    `speaker_title` is the title the quote's own article gives the speaker
    (`speaker_title_verbatim` false: the curator's description of them);
    `said` is "at", "before" or "after" its event; `same_as` lists quotes in
    other articles that report the same utterance.
    """
    v = index.quote_view(i)
    return {
        "id": v.id,
        "speaker": v.speaker,
        "speaker_id": v.speaker_id,
        "speaker_title": v.speaker_title,
        "speaker_title_verbatim": v.speaker_title_verbatim,
        "delegation": v.delegation,
        "delegation_name": v.delegation_name,
        "event": v.event,
        "event_title": v.event_title,
        "said": v.said,
        "venue": v.venue,
        "venue_name": v.venue_name,
        "date": v.date,
        "source": v.source,
        "source_title": v.source_title,
        "file": v.file,
        "start": v.start,
        "end": v.end,
        "text": v.text,
        "kind": v.kind,
        "topics": list(v.topics),
        "anchoring": v.anchoring,
        "anchoring_score": v.anchoring_score,
        "same_as": list(v.same_as),
        "note": v.note,
    }


def assessment_record(index: Index, i: int) -> dict[str, Any]:
    """One assessment: the article's words (`text`, its slice) about `party`."""
    dataset = index.dataset
    item = dataset.spec.assessments[i]
    anchor = dataset.assessment_anchors[i]
    party = index.people[item.party]
    source = index.sources[item.source]
    return {
        "record": "assessment",
        "id": item.id,
        "party": party.id,
        "party_name": party.name,
        "delegation": party.delegation,
        "source": item.source,
        "source_title": source.title,
        "file": source.file,
        "start": anchor.start,
        "end": anchor.end,
        "text": dataset.words(anchor),
        "event": item.event,
        "topics": list(item.topics),
        "date": index.assessment_date(i),
        "anchoring": anchor.status,
        "note": item.note,
    }


def disagreement_record(index: Index, i: int) -> dict[str, Any]:
    """One disagreement with each reading as an anchored slice of its article."""
    dataset = index.dataset
    item = dataset.spec.disagreements[i]
    readings = []
    for reading, anchor in zip(item.readings, dataset.reading_anchors[i], strict=True):
        source = index.sources[reading.source]
        readings.append(
            {
                "source": reading.source,
                "source_title": source.title,
                "file": source.file,
                "start": anchor.start,
                "end": anchor.end,
                "text": dataset.words(anchor),
                "anchoring": anchor.status,
                "note": reading.note,
            }
        )
    return {
        "id": item.id,
        "about": item.about,
        "note": item.note,
        "events": list(item.events),
        "people": list(item.people),
        "quotes": list(item.quotes),
        "readings": readings,
    }


def to_document(index: Index, result: Result) -> dict[str, Any]:
    """The whole JSON export for the quotes, events and assessments in
    `result`. Sources, people and disagreements are reference lists: whole,
    whatever the filter."""
    spec = index.dataset.spec
    events = [spec.events[i] for i in result.events]
    return {
        "sources": [
            {
                "id": s.id,
                "file": s.file,
                "title": s.title,
                "kind": s.kind,
                "outlet": s.outlet,
                "author": s.author,
                "published": s.published,
                "url": s.url,
                "language": s.language,
                "translation": s.translation,
            }
            for s in spec.sources
        ],
        "people": [
            {"id": p.id, "name": p.name, "delegation": p.delegation, "aliases": list(p.aliases)}
            for p in spec.people
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "title": e.title,
                "venue": e.venue,
                "delegations": list(e.delegations),
                "sources": sorted({p.source for p in e.passages}),
                "kind": e.kind,
                "summary": e.summary,
            }
            for e in events
        ],
        "quotes": [quote_record(index, i) for i in result.quotes],
        "assessments": [assessment_record(index, i) for i in result.assessments],
        "disagreements": [disagreement_record(index, i) for i in range(len(spec.disagreements))],
    }


def export(
    dataset: Dataset, fmt: str, flt: Filter | None = None, index: Index | None = None
) -> str:
    """Render the quotes (and events) passing `flt` in format `fmt`."""
    index = index or Index(dataset)
    result = index.run(flt or Filter())
    if fmt == "json":
        return json.dumps(to_document(index, result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps(quote_record(index, i), ensure_ascii=False) + "\n" for i in result.quotes
        )
    if fmt == "csv":
        return _csv(index, result)
    if fmt == "markdown":
        return _markdown(index, result)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


_CSV_BOOL = {True: "true", False: "false", None: ""}


def _csv(index: Index, result: Result) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for i in result.quotes:
        row = quote_record(index, i)
        row["topics"] = ";".join(row["topics"])
        row["same_as"] = ";".join(row["same_as"])
        row["speaker_title_verbatim"] = _CSV_BOOL[row["speaker_title_verbatim"]]
        writer.writerow(row)
    return out.getvalue()


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def md_escape(text: str) -> str:
    """Escape Markdown syntax so the text renders literally."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def _markdown(index: Index, result: Result) -> str:
    """Quotes, then the articles' assessments, then their disagreements.

    Only a direct quote's text goes in quotation marks: a reported one is the
    article's paraphrase, so it is written plain and marked "(reported)". An
    assessment is in quotation marks because it IS the article's wording,
    attributed to the article, not to the party it describes.
    """
    lines = ["# genevatui: quotes", ""]
    for i in result.quotes:
        r = quote_record(index, i)
        # "said after <event>": the date is then the event's ("on or after").
        when = index.quote_view(i).occasion if r["said"] != "at" else None
        where = ", ".join(x for x in (when, format_date(r["date"]), r["venue_name"]) if x)
        if r["kind"] == "direct":
            words = f"{md_escape(quoted(r['text']))} (direct)"
        else:
            words = f"{md_escape(r['text'])} (reported)"
        lines.append(
            f"- {_md_speaker(r)}"
            + (f", {md_escape(where)}" if where else "")
            + f": {words} — "
            + _md_cite(r)
        )
    if result.assessments:
        lines += ["", "## Assessments: the articles' own words about a party (not statements)", ""]
        for i in result.assessments:
            r = assessment_record(index, i)
            when = format_date(r["date"])
            lines.append(
                f"- *{md_escape(r['source_title'])}* on **{md_escape(r['party_name'])}**"
                + (f" ({md_escape(when)})" if when else "")
                + f": “{md_escape(r['text'])}” — {md_escape(r['file'])}, "
                + f"chars {r['start']}–{r['end']}"
            )
    concerned = concerned_disagreements(index, result)
    if concerned:
        lines += ["", "## Disagreements between articles", ""]
        for i in concerned:
            r = disagreement_record(index, i)
            lines.append(f"- **{md_escape(r['about'])}** ({md_escape(r['id'])})")
            for reading in r["readings"]:
                if reading["anchoring"] == "orphan":
                    lines.append(
                        f"  - *{md_escape(reading['source_title'])}*: (lost: the article changed)"
                    )
                    continue
                note = f" ({md_escape(reading['note'])})" if reading["note"] else ""
                lines.append(
                    f"  - *{md_escape(reading['source_title'])}*: “{md_escape(reading['text'])}”"
                    + f"{note} — {_md_cite(reading, title=False)}"
                )
    lines.append("")
    return "\n".join(lines)


def concerned_disagreements(index: Index, result: Result) -> list[int]:
    """The disagreements about what `result` holds: one of its quotes, events
    or speakers (or naming none of these, so it concerns everything)."""
    spec = index.dataset.spec
    quotes = {spec.quotes[i].id for i in result.quotes}
    events = {spec.events[i].id for i in result.events}
    people = {spec.quotes[i].speaker for i in result.quotes}
    return [
        i
        for i, d in enumerate(spec.disagreements)
        if not (d.quotes or d.events or d.people)
        or not quotes.isdisjoint(d.quotes)
        or not events.isdisjoint(d.events)
        or not people.isdisjoint(d.people)
    ]


def _md_speaker(r: dict[str, Any]) -> str:
    """`**Name** (Title; Delegation)`: the title as the quote's article gives it."""
    title = r["speaker_title"]
    if title and r["speaker_title_verbatim"] is False:
        title += ", curator's description"
    inside = "; ".join(x for x in (title, r["delegation_name"]) if x)
    return f"**{md_escape(r['speaker'])}** ({md_escape(inside)})"


def _md_cite(r: dict[str, Any], *, title: bool = True) -> str:
    head = f"*{md_escape(r['source_title'])}*, " if title else ""
    return head + f"{md_escape(r['file'])}, chars {r['start']}–{r['end']}"
