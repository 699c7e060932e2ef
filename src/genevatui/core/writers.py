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
Given the user's notes (`Options.user_notes`), every format carries them
apart from the curator's `note`: `user_note` in json, jsonl and csv,
`custom.genevatui.user_note` in CSL-JSON, "Your note:" in the brief.

What a writer writes: the quotes, the assessments, and the events when they
are cited (`Options.cite_events`: the user marked them) rather than kept as
context (json's `events` list). `Writer.left_out` says what a format cannot
hold (csv and jsonl hold quotes only; CSL-JSON cites articles, so an event
no article reports is left out), for the CLI and the dialog to say so.

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
from .records import UserNotes, assessment_record, quote_record, to_document, user_note

CSV_FIELDS = (
    "id", "speaker", "speaker_id", "delegation", "event", "venue", "date", "kind",
    "topics", "source", "file", "start", "end", "text", "speaker_title",
    "speaker_title_verbatim", "said", "same_as",
    # added with issue 11 (columns are only ever appended)
    "note", "paragraph", "paragraph_end", "anchoring", "disagreements",
    "delegation_name", "event_title", "venue_name", "source_title",
    "user_note",
)  # fmt: skip

Kind = Literal["quotes", "events", "assessments"]
KINDS: tuple[Kind, ...] = ("quotes", "events", "assessments")


@dataclass(frozen=True)
class Options:
    """What a writer may be asked beyond the records: the brief's grouping,
    where to count the records it writes, the user's notes, and whether the
    result's events are items to write (the user marked them)."""

    group_by: GroupBy = "event"
    ticks: Ticks = field(default_factory=Ticks)
    user_notes: UserNotes | None = None
    cite_events: bool = False

    def user_note(self, kind: str, id_: str) -> str | None:
        """The user's note on this record, or None."""
        return user_note(self.user_notes, kind, id_)


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
    holds: tuple[Kind, ...] = KINDS
    """What a quote format writes items of (events only when cited)."""
    why: str = ""
    """Why it holds no more, for the message saying what it left out."""
    cites: bool = False
    """It cites articles: an event no article reports cannot be an item."""

    def _selected(self, result: Result, cite_events: bool) -> dict[Kind, int]:
        if self.lists == "events":
            return {"events": len(result.events)}
        events = len(result.events) if cite_events else 0
        return {"quotes": len(result.quotes), "events": events,
                "assessments": len(result.assessments)}  # fmt: skip

    def _uncited(self, result: Result, cite_events: bool, index: Index | None) -> int:
        if not (self.cites and cite_events and result.events):
            return 0
        if index is None:  # never guessed: the count would be wrong
            raise ValueError("counting cited events needs the index")
        return len(uncitable(index, result.events))

    def left_out(
        self, result: Result, *, cite_events: bool = False, index: Index | None = None
    ) -> dict[Kind, int]:
        """What of `result` it cannot write, by kind (none: {}). `index`
        finds the events no article reports, which a format citing articles
        cannot hold (needed then)."""
        found = self._selected(result, cite_events)
        out = {kind: n for kind, n in found.items() if n and kind not in self.holds}
        if missing := self._uncited(result, cite_events, index):
            out["events"] = missing
        return out

    def counts(
        self, result: Result, *, cite_events: bool = False, index: Index | None = None
    ) -> dict[Kind, int]:
        """How many records of each kind it writes for `result`: quotes,
        events (when cited), assessments; only the kinds it writes."""
        found = self._selected(result, cite_events)
        out = self.left_out(result, cite_events=cite_events, index=index)
        return {k: n - out.get(k, 0) for k, n in found.items() if k in self.holds}

    def summary(
        self, result: Result, *, cite_events: bool = False, index: Index | None = None
    ) -> str:
        """What it writes for `result`, in words: "63 quotes and 2 assessments"."""
        keep: tuple[Kind, ...] = ("events",) if self.lists == "events" else ("quotes",)
        return in_words(self.counts(result, cite_events=cite_events, index=index), keep)

    def left_out_words(
        self, result: Result, *, cite_events: bool = False, index: Index | None = None
    ) -> str:
        """What it leaves out of `result`, in a sentence ("" for nothing):
        "csv holds quotes only: 1 event and 1 assessment left out"."""
        out = self.left_out(result, cite_events=cite_events, index=index)
        if not out:
            return ""
        if self.cites and "events" in self.holds:  # only the events no article reports
            return (
                f"{self.name} cites articles: {_plural(out['events'], 'events')} "
                "no article reports left out"
            )
        others = [w.name for w in WRITERS.values() if w.lists == "quotes" and set(out) <= set(
            w.holds)]  # fmt: skip
        hold = f" ({_and(others)} hold them)" if others else ""
        return f"{self.name} {self.why}: {in_words(out, keep=())} left out{hold}"


def uncitable(index: Index, events: list[int]) -> list[int]:
    """Of `events`, those no article reports (no passage to cite)."""
    anchors = index.dataset.event_anchors
    return [i for i in events if not anchors[i]]


def in_words(counts: dict[Kind, int], keep: tuple[Kind, ...] = ("quotes",)) -> str:
    """`{"quotes": 3, "events": 1, "assessments": 0}` -> "3 quotes and 1 event"
    (a kind with none is left out, unless in `keep`)."""
    return _and([_plural(n, kind) for kind, n in counts.items() if n or kind in keep])


def _and(words: list[str]) -> str:
    if not words:
        return "nothing"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


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
    notes = options.user_notes
    document = to_document(index, Result([], result.events), notes)
    paragraphs = ParagraphIndex(index.dataset.texts)
    ticks = options.ticks
    streamed: dict[str, Iterator[dict[str, Any]]] = {
        "quotes": (quote_record(index, i, paragraphs, notes) for i in ticks.each(result.quotes)),
        "assessments": (
            assessment_record(index, i, paragraphs, notes) for i in ticks.each(result.assessments)
        ),
    }
    if options.cite_events:  # the user's marked events: records, counted
        streamed["events"] = ticks.each(document["events"])
    for n, (key, value) in enumerate(document.items()):
        out.write(("{\n" if n == 0 else ",\n") + f"  {_json_value(key, 1)}: ")
        if key in streamed:
            _json_array(out, streamed[key], 1)
        else:
            out.write(_json_value(value, 1))
    out.write("\n}\n")


def _jsonl(index: Index, result: Result, out: TextIO, options: Options) -> None:
    paragraphs = ParagraphIndex(index.dataset.texts)
    notes = options.user_notes
    for i in options.ticks.each(result.quotes):
        record = quote_record(index, i, paragraphs, notes)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


_CSV_BOOL = {True: "true", False: "false", None: ""}


def _csv(index: Index, result: Result, out: TextIO, options: Options) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    paragraphs = ParagraphIndex(index.dataset.texts)
    for i in options.ticks.each(result.quotes):
        row = quote_record(index, i, paragraphs, options.user_notes)
        for key in ("topics", "same_as", "disagreements"):
            row[key] = ";".join(row[key])
        row["speaker_title_verbatim"] = _CSV_BOOL[row["speaker_title_verbatim"]]
        writer.writerow(row)


def _markdown(index: Index, result: Result, out: TextIO, options: Options) -> None:
    write_brief(
        index, result, out, group_by=options.group_by, ticks=options.ticks,
        notes=options.user_notes, cite_events=options.cite_events,
    )  # fmt: skip


def _chronology(index: Index, result: Result, out: TextIO, options: Options) -> None:
    write_chronology(index, result, out, ticks=options.ticks, notes=options.user_notes)


def _csl_json(index: Index, result: Result, out: TextIO, options: Options) -> None:
    citer = Citer(index)
    ticks = options.ticks
    note = options.user_note
    events = result.events if options.cite_events else []
    citable = [i for i in events if index.dataset.event_anchors[i]]  # see `uncitable`
    items = chain(
        (csl_item(c, note("quote", c.id)) for c in map(citer.quote, ticks.each(result.quotes))),
        (csl_item(c, note("event", c.id)) for c in map(citer.event, ticks.each(citable))),
        (
            csl_item(c, note("assessment", c.id))
            for c in map(citer.assessment, ticks.each(result.assessments))
        ),
    )
    _json_array(out, items, 0)
    out.write("\n")


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("json", (".json",), "one document: sources, people, events, quotes, "
               "assessments, disagreements", _json),
        Writer("jsonl", (".jsonl",), "one quote per line", _jsonl, holds=("quotes",),
               why="holds quotes only"),
        Writer("csv", (".csv",), "one quote per row", _csv, holds=("quotes",),
               why="holds quotes only"),
        Writer("markdown", (".md", ".markdown"), "a brief to paste, grouped by event "
               "or speaker, with citations", _markdown),
        Writer("csl-json", (".csl.json",), "CSL-JSON items for Zotero or pandoc "
               "--citeproc", _csl_json, cites=True),
        Writer("chronology", (), "the events in date order, with their articles "
               "(Markdown)", _chronology, "events", holds=("events",)),
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
    user_notes: UserNotes | None = None,
    cite_events: bool = False,
) -> None:
    """Write `result` to `out` in format `fmt` (a name or a file name).

    `user_notes`: the user's notes by (kind, id), carried as theirs.
    `cite_events`: the result's events are items to write (the user marked
    them), not only context. `progress(done, total)` is called as each
    record is written; whatever it raises stops the writing and comes out
    of here."""
    if group_by not in GROUP_BY:
        raise ValueError(f"unknown grouping {group_by!r}; choose from {', '.join(GROUP_BY)}")
    writer = writer_for(fmt)
    total = sum(writer.counts(result, cite_events=cite_events, index=index).values())
    options = Options(group_by, Ticks(total, progress), user_notes, cite_events)
    writer.write(index, result, out, options)
