"""Export writers: JSON, JSONL, CSV and a Markdown citation list.

The JSON shape is a stable interface for scripts (see the README); extra
keys may be added, existing ones never change meaning.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .dates import format_date
from .models import Dataset
from .query import Filter, Index, Result

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
)


def quote_record(index: Index, i: int) -> dict[str, Any]:
    """One quote as the export shape; `text` is the article's slice."""
    dataset = index.dataset
    quote = dataset.spec.quotes[i]
    anchor = dataset.quote_anchors[i]
    person = index.people[quote.speaker]
    venue = index.quote_venue(quote)
    event = index.events.get(quote.event or "")
    source = index.sources[quote.source]
    return {
        "id": quote.id,
        "speaker": person.name,
        "speaker_id": person.id,
        "delegation": person.delegation,
        "delegation_name": index.delegations[person.delegation].name,
        "event": quote.event,
        "event_title": event.title if event else None,
        "venue": venue,
        "venue_name": index.venues[venue].name if venue else None,
        "date": index.quote_date(quote),
        "source": quote.source,
        "source_title": source.title,
        "file": source.file,
        "start": anchor.start,
        "end": anchor.end,
        "text": dataset.texts[quote.source][anchor.start : anchor.end],
        "kind": quote.kind,
        "topics": list(quote.topics),
        "anchoring": anchor.status,
        "anchoring_score": anchor.score,
        "note": quote.note,
    }


def to_document(index: Index, result: Result) -> dict[str, Any]:
    """The whole JSON export for the quotes and events in `result`."""
    spec = index.dataset.spec
    events = [spec.events[i] for i in result.events]
    return {
        "sources": [
            {"id": s.id, "file": s.file, "title": s.title, "kind": s.kind} for s in spec.sources
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


def _csv(index: Index, result: Result) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for i in result.quotes:
        row = quote_record(index, i)
        row["topics"] = ";".join(row["topics"])
        writer.writerow(row)
    return out.getvalue()


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def md_escape(text: str) -> str:
    """Escape Markdown syntax so the text renders literally."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def _markdown(index: Index, result: Result) -> str:
    lines = ["# genevatui: quotes", ""]
    for i in result.quotes:
        r = quote_record(index, i)
        where = ", ".join(x for x in (format_date(r["date"]), r["venue_name"]) if x)
        lines.append(
            f"- **{md_escape(r['speaker'])}** ({md_escape(r['delegation_name'])})"
            + (f", {md_escape(where)}" if where else "")
            + f": “{md_escape(r['text'])}” ({r['kind']}) — "
            + f"*{md_escape(r['source_title'])}*, {md_escape(r['file'])}, "
            + f"chars {r['start']}–{r['end']}"
        )
    lines.append("")
    return "\n".join(lines)
