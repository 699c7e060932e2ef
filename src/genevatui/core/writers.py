"""Export writers: one registry, one entry per format, each writing to a
text stream.

`WRITERS` maps a format's name to its `Writer` (name, file extensions, a
one-line description, the function). `writer_for(name_or_path)` picks one
by name or by a file's extension (`.md .csv .json .jsonl .csl.json`, as
VisiData's save does); `write(...)` runs it. The CLI's `export` and the
TUI's export key both come through here: adding a format is one entry below
and its test.

Every quote row carries `kind`, `note`, the speaker's title as the article
gives it and the paragraph locator (`paragraph`, `paragraph_end`); see
`records` for the JSON shape, `brief` for the Markdown, `csl` for CSL-JSON.

A writer counts each record it writes on `Options.ticks`, so a long export
can show its progress (and be stopped: the progress callback may raise).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal, TextIO

from .brief import GROUP_BY, GroupBy, write_brief, write_chronology
from .cite import Citer
from .csl import csl_item
from .paragraphs import ParagraphIndex
from .progress import Progress, Ticks
from .query import Index, Result
from .records import assessment_record, quote_record, to_document

CSV_FIELDS = (
    "id", "speaker", "speaker_id", "delegation", "event", "venue", "date", "kind",
    "topics", "source", "file", "start", "end", "text", "speaker_title",
    "speaker_title_verbatim", "said", "same_as",
    # added with issue 11 (columns are only ever appended)
    "note", "paragraph", "paragraph_end", "anchoring", "disagreements",
    "delegation_name", "event_title", "venue_name", "source_title",
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    """What a writer may be asked beyond the records: the brief's grouping,
    and where to count the records it writes."""

    group_by: GroupBy = "event"
    ticks: Ticks = field(default_factory=Ticks)


WriteFn = Callable[[Index, Result, TextIO, Options], None]


@dataclass(frozen=True)
class Writer:
    """One export format."""

    name: str
    extensions: tuple[str, ...]
    """File name endings that choose it (lower case, with the dot)."""
    description: str
    write: WriteFn
    lists: Literal["quotes", "events"] = "quotes"
    """What it writes a record per: quotes (and assessments), or events."""
    assessments: bool = True
    """Whether it writes the assessments too (a quote format)."""

    def counts(self, result: Result) -> dict[str, int]:
        """How many records of each kind it writes for `result`: quotes,
        assessments, events; only the kinds it writes."""
        if self.lists == "events":
            return {"events": len(result.events)}
        found = {"quotes": len(result.quotes)}
        if self.assessments:
            found["assessments"] = len(result.assessments)
        return found

    def summary(self, result: Result) -> str:
        """What it writes for `result`, in words: "63 quotes and 2 assessments"."""
        counts = self.counts(result)
        words = [_plural(n, kind) for kind, n in counts.items() if n or kind != "assessments"]
        return " and ".join(words)


def _plural(n: int, kind: str) -> str:
    return f"{n} {kind}" if n != 1 else f"{n} {kind[:-1]}"


def _json_value(value: Any, level: int) -> str:
    """`value` as `json.dump(..., indent=2)` writes it at nesting `level`
    (a JSON string never holds a raw newline: every one is indentation)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def _json_array(out: TextIO, items: Iterable[Any], level: int) -> None:
    """Write a JSON array an item at a time (each one counted as it is
    written, not when the whole is built), byte for byte as `json.dump(...,
    indent=2)` writes it at nesting `level`."""
    empty = True
    for item in items:
        out.write(("[\n" if empty else ",\n") + "  " * (level + 1) + _json_value(item, level + 1))
        empty = False
    out.write("[]" if empty else "\n" + "  " * level + "]")


def _json(index: Index, result: Result, out: TextIO, options: Options) -> None:
    # `to_document` gives everything but the records, and where each list
    # goes; the records are made and written one by one, to count them.
    document = to_document(index, Result([], result.events))
    paragraphs = ParagraphIndex(index.dataset.texts)
    ticks = options.ticks
    streamed: dict[str, Iterator[dict[str, Any]]] = {
        "quotes": (quote_record(index, i, paragraphs) for i in ticks.each(result.quotes)),
        "assessments": (
            assessment_record(index, i, paragraphs) for i in ticks.each(result.assessments)
        ),
    }
    for n, (key, value) in enumerate(document.items()):
        out.write(("{\n" if n == 0 else ",\n") + f"  {_json_value(key, 1)}: ")
        if key in streamed:
            _json_array(out, streamed[key], 1)
        else:
            out.write(_json_value(value, 1))
    out.write("\n}\n")


def _jsonl(index: Index, result: Result, out: TextIO, options: Options) -> None:
    paragraphs = ParagraphIndex(index.dataset.texts)
    for i in options.ticks.each(result.quotes):
        out.write(json.dumps(quote_record(index, i, paragraphs), ensure_ascii=False) + "\n")


_CSV_BOOL = {True: "true", False: "false", None: ""}


def _csv(index: Index, result: Result, out: TextIO, options: Options) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    paragraphs = ParagraphIndex(index.dataset.texts)
    for i in options.ticks.each(result.quotes):
        row = quote_record(index, i, paragraphs)
        for key in ("topics", "same_as", "disagreements"):
            row[key] = ";".join(row[key])
        row["speaker_title_verbatim"] = _CSV_BOOL[row["speaker_title_verbatim"]]
        writer.writerow(row)


def _markdown(index: Index, result: Result, out: TextIO, options: Options) -> None:
    write_brief(index, result, out, group_by=options.group_by, ticks=options.ticks)


def _chronology(index: Index, result: Result, out: TextIO, options: Options) -> None:
    write_chronology(index, result, out, ticks=options.ticks)


def _csl_json(index: Index, result: Result, out: TextIO, options: Options) -> None:
    citer = Citer(index)
    ticks = options.ticks
    items = chain(
        (csl_item(citer.quote(i)) for i in ticks.each(result.quotes)),
        (csl_item(citer.assessment(i)) for i in ticks.each(result.assessments)),
    )
    _json_array(out, items, 0)
    out.write("\n")


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("json", (".json",), "one document: sources, people, events, quotes, "
               "assessments, disagreements", _json),
        Writer("jsonl", (".jsonl",), "one quote per line", _jsonl, assessments=False),
        Writer("csv", (".csv",), "one quote per row", _csv, assessments=False),
        Writer("markdown", (".md", ".markdown"), "a brief to paste, grouped by event "
               "or speaker, with citations", _markdown),
        Writer("csl-json", (".csl.json",), "CSL-JSON items for Zotero or pandoc "
               "--citeproc", _csl_json),
        Writer("chronology", (), "the events in date order, with their articles "
               "(Markdown)", _chronology, "events"),
    )
}  # fmt: skip
FORMATS = tuple(WRITERS)
QUOTE_FORMATS = tuple(name for name, w in WRITERS.items() if w.lists == "quotes")


def writer_for(name_or_path: str) -> Writer:
    """The writer named `name_or_path`, else the one whose extension ends it
    (the longest: `x.csl.json` is CSL-JSON, not JSON). ValueError otherwise."""
    if name_or_path in WRITERS:
        return WRITERS[name_or_path]
    lower = name_or_path.lower()
    found = [(len(ext), w) for w in WRITERS.values() for ext in w.extensions if lower.endswith(ext)]
    if found:
        return max(found, key=lambda pair: pair[0])[1]
    extensions = " ".join(ext for w in WRITERS.values() for ext in w.extensions)
    raise ValueError(
        f"unknown format {name_or_path!r}; choose from {', '.join(WRITERS)} "
        f"(or a file name ending {extensions})"
    )


def write(
    index: Index,
    result: Result,
    fmt: str,
    out: TextIO,
    *,
    group_by: GroupBy = "event",
    progress: Progress | None = None,
) -> None:
    """Write `result` to `out` in format `fmt` (a name or a file name).

    `progress(done, total)` is called as each record is written; whatever it
    raises stops the writing and comes out of here."""
    if group_by not in GROUP_BY:
        raise ValueError(f"unknown grouping {group_by!r}; choose from {', '.join(GROUP_BY)}")
    writer = writer_for(fmt)
    ticks = Ticks(sum(writer.counts(result).values()), progress)
    writer.write(index, result, out, Options(group_by=group_by, ticks=ticks))
