"""The Markdown writers: a brief a journalist can paste, and a chronology.

The brief lists the statements grouped by event (in date order; those tied
to no event last) or by speaker, each as one citation line (`cite_text.md_line`:
who with the title as the article gives it, when and where, the words, the
article and its locator), each caveat as a sub-item; then the articles'
assessments (their own words about a party, never statements) and the
disagreements between articles concerning what it holds.

Only a direct quote's words go in quotation marks; reported speech is the
article's paraphrase, written plain and marked "(reported)".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TextIO

from .cite import Citation, Citer
from .cite_text import md_escape, md_line
from .dates import format_date, sort_key
from .paragraphs import pilcrow
from .progress import Ticks
from .query import Index, Result
from .records import concerned_disagreements, disagreement_record

GroupBy = Literal["event", "speaker"]
GROUP_BY: tuple[GroupBy, ...] = ("event", "speaker")

_PREAMBLE = (
    "Direct quotes are the speaker's words, in quotation marks; reported speech is "
    "the article's paraphrase, marked (reported) and never in quotation marks. "
    "¶ counts the article's non-blank lines; chars are offsets in its text file."
)


def write_brief(
    index: Index,
    result: Result,
    out: TextIO,
    *,
    group_by: GroupBy = "event",
    ticks: Ticks | None = None,
) -> None:
    """Write the Markdown brief of `result` to `out` (counting each statement
    and assessment on `ticks`)."""
    ticks = ticks or Ticks()
    citer = Citer(index)
    out.write(f"# Statements, by {group_by}\n\n{_PREAMBLE}\n")
    key: Callable[[int], tuple[str, str]] = (
        (lambda i: _event_group(index, i))
        if group_by == "event"
        else (lambda i: _speaker(index, i))
    )
    groups: dict[tuple[str, str], list[int]] = {}
    for i in result.quotes:
        groups.setdefault(key(i), []).append(i)
    order = list(groups)
    if group_by == "event":  # events by date; quotes tied to none last
        order.sort(key=lambda k: (k[0] == "", _event_sort(index, k[0])))
    for group in order:
        out.write(f"\n## {md_escape(group[1])}\n\n")
        for i in ticks.each(groups[group]):
            _item(citer.quote(i), out, occasion=group_by != "event")
    if result.assessments:
        out.write("\n## Assessments: the articles' own words about a party (not statements)\n\n")
        for i in ticks.each(result.assessments):
            _item(citer.assessment(i), out)
    _disagreements(index, result, citer, out)


def _item(c: Citation, out: TextIO, *, occasion: bool = True) -> None:
    out.write(f"- {md_line(c, occasion=occasion)}\n")
    for line in c.caveats_but(disputes=False):  # listed once, below
        out.write(f"  - {md_escape(line)}\n")


def _event_group(index: Index, i: int) -> tuple[str, str]:
    event = index.events.get(index.dataset.spec.quotes[i].event or "")
    if event is None:
        return "", "Not tied to an event"
    venue = index.venues.get(event.venue or "")
    where = ", ".join(x for x in (format_date(event.date), venue.name if venue else None) if x)
    return event.id, f"{event.title} ({where})" if where else event.title


def _event_sort(index: Index, event_id: str) -> tuple[int, int, int]:
    event = index.events.get(event_id)
    return sort_key(event.date) if event else (0, 0, 0)


def _speaker(index: Index, i: int) -> tuple[str, str]:
    person = index.people[index.dataset.spec.quotes[i].speaker]
    return person.id, f"{person.name} ({index.delegations[person.delegation].name})"


def _disagreements(index: Index, result: Result, citer: Citer, out: TextIO) -> None:
    concerned = concerned_disagreements(index, result)
    if not concerned:
        return
    out.write("\n## Disagreements between articles\n\n")
    for i in concerned:
        r = disagreement_record(index, i)
        out.write(f"- **{md_escape(r['about'])}** ({md_escape(r['id'])})\n")
        for reading in r["readings"]:
            title = md_escape(reading["source_title"])
            if reading["anchoring"] == "orphan":
                out.write(f"  - *{title}*: (lost: the article changed)\n")
                continue
            note = f" ({md_escape(reading['note'])})" if reading["note"] else ""
            first, last = citer.paragraphs.span(reading["source"], reading["start"], reading["end"])
            where = pilcrow(first, last)
            chars = f"chars {reading['start']}–{reading['end']}"
            out.write(
                f"  - *{title}*: “{md_escape(reading['text'])}”{note} — "
                f"{md_escape(reading['file'])}, {chars}, {where}\n"
            )


def write_chronology(
    index: Index, result: Result, out: TextIO, *, ticks: Ticks | None = None
) -> None:
    """The events of `result` in date order, each with its articles and the
    paragraphs that report it (each counted on `ticks`)."""
    ticks = ticks or Ticks()
    citer = Citer(index)
    dataset = index.dataset
    events = sorted(result.events, key=lambda i: sort_key(dataset.spec.events[i].date))
    out.write("# Chronology\n")
    for i in ticks.each(events):
        event = dataset.spec.events[i]
        venue = index.venues.get(event.venue or "")
        where = f", {md_escape(venue.name)}" if venue else ""
        out.write(
            f"\n## {format_date(event.date)}: {md_escape(event.title)}{where}\n\n"
            f"{md_escape(event.summary)} ({event.kind})\n"
        )
        places: dict[str, list[str]] = {}
        for anchor in dataset.event_anchors[i]:
            if anchor.status == "orphan":
                continue
            first, last = citer.paragraphs.span(anchor.source, anchor.start, anchor.end)
            places.setdefault(anchor.source, []).append(pilcrow(first, last))
        if places:
            out.write("\n")
        for source_id, where_in in places.items():
            source = index.sources[source_id]
            out.write(
                f"- *{md_escape(source.title)}*, {md_escape(source.file)}, "
                f"{', '.join(dict.fromkeys(where_in))}\n"
            )
