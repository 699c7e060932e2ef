"""The Markdown writers: a brief a journalist can paste, and a chronology.

The brief lists the statements grouped by event (in date order; those tied
to no event last) or by speaker, each as one citation line (`cite_text.md_line`:
who with the title as the article gives it, when and where, the words, the
article and its locator), each caveat as a sub-item; then the articles'
assessments (their own words about a party, never statements) and the
disagreements between articles concerning what it holds.

Only a direct quote's words go in quotation marks; reported speech is the
article's paraphrase, written plain and marked "(reported)".

The user's own note on an item follows its caveats as "Your note: …", never
mixed with the curator's. Events the user marked (`cite_events`) are cited
too, by the article's own account of them: grouped by event, as the first
item under the event's heading (a heading of its own when no statement of
it is listed); grouped by speaker, in a section of their own.
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
from .records import UserNotes, concerned_disagreements, disagreement_record, user_note

GroupBy = Literal["event", "speaker"]
GROUP_BY: tuple[GroupBy, ...] = ("event", "speaker")

_PREAMBLE = (
    "Direct quotes are the speaker's words, in quotation marks; reported speech is "
    "the article's paraphrase, marked (reported) and never in quotation marks. "
    "¶ counts the article's non-blank lines; chars are offsets in its text file."
)
_EVENTS = "An (event) line quotes the article's own account of the event, not a statement."
_NOTES = "“Your note” is yours; “Curator's note” is the dataset's."


def write_brief(
    index: Index,
    result: Result,
    out: TextIO,
    *,
    group_by: GroupBy = "event",
    ticks: Ticks | None = None,
    notes: UserNotes | None = None,
    cite_events: bool = False,
) -> None:
    """Write the Markdown brief of `result` to `out` (counting each statement,
    cited event and assessment on `ticks`), with the user's `notes`; cite
    `result.events` too when `cite_events` (the user marked them)."""
    ticks = ticks or Ticks()
    brief = _Brief(Citer(index), out, notes)
    events = result.events if cite_events else []
    noted = bool(notes) and _any_note(index, result, events, notes or {})
    preamble = " ".join([_PREAMBLE, *[_EVENTS] * bool(events), *[_NOTES] * noted])
    out.write(f"# Statements, by {group_by}\n\n{preamble}\n")
    key: Callable[[int], tuple[str, str]] = (
        (lambda i: _event_group(index, index.dataset.spec.quotes[i].event))
        if group_by == "event"
        else (lambda i: _speaker(index, i))
    )
    groups: dict[tuple[str, str], list[int]] = {}
    for i in result.quotes:
        groups.setdefault(key(i), []).append(i)
    cited: dict[str, int] = {}  # event id -> its index, cited under its heading
    if group_by == "event":
        for i in events:
            event_id = index.dataset.spec.events[i].id
            cited[event_id] = i
            groups.setdefault(_event_group(index, event_id), [])
    order = list(groups)
    if group_by == "event":  # events by date; quotes tied to none last
        order.sort(key=lambda k: (k[0] == "", _event_sort(index, k[0])))
    for group in order:
        out.write(f"\n## {md_escape(group[1])}\n\n")
        for i in ticks.each([cited[group[0]]] if group[0] in cited else []):
            brief.event(i)
        for i in ticks.each(groups[group]):
            brief.item(brief.citer.quote(i), occasion=group_by != "event")
    if events and group_by != "event":
        out.write("\n## Events: the articles' own accounts\n\n")
        for i in ticks.each(events):
            brief.event(i)
    if result.assessments:
        out.write("\n## Assessments: the articles' own words about a party (not statements)\n\n")
        for i in ticks.each(result.assessments):
            brief.item(brief.citer.assessment(i))
    _disagreements(index, result, brief.citer, out)


def _any_note(index: Index, result: Result, events: list[int], notes: UserNotes) -> bool:
    spec = index.dataset.spec
    listed = [("quote", spec.quotes[i].id) for i in result.quotes]
    listed += [("event", spec.events[i].id) for i in events]
    listed += [("assessment", spec.assessments[i].id) for i in result.assessments]
    return any(notes.get(key) for key in listed)


class _Brief:
    """Writes the brief's items: each citation line, its caveats, the user's note."""

    def __init__(self, citer: Citer, out: TextIO, notes: UserNotes | None) -> None:
        self.citer = citer
        self.out = out
        self.notes = notes

    def item(self, c: Citation, *, occasion: bool = True) -> None:
        self.out.write(f"- {md_line(c, occasion=occasion)}\n")
        self._below(c)

    def _below(self, c: Citation) -> None:
        for line in c.caveats_but(disputes=False):  # listed once, below
            self.out.write(f"  - {md_escape(line)}\n")
        if note := user_note(self.notes, c.record, c.id):
            self.out.write(f"  - Your note: {md_escape(note)}\n")

    def event(self, i: int) -> None:
        """Event `i` by the article's account of it; when no article reports
        it, what the dataset knows (its title, date and venue), said so."""
        try:
            self.item(self.citer.event(i))
        except ValueError:  # no passage: nothing to cite, but it was marked
            index = self.citer.index
            event = index.dataset.spec.events[i]
            _, heading = _event_group(index, event.id)
            self.out.write(f"- **{md_escape(heading)}** (event): no article's passage reports it\n")
            if event.note:
                self.out.write(f"  - Curator's note: {md_escape(event.note)}\n")
            if note := user_note(self.notes, "event", event.id):
                self.out.write(f"  - Your note: {md_escape(note)}\n")


def _event_group(index: Index, event_id: str | None) -> tuple[str, str]:
    event = index.events.get(event_id or "")
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
    index: Index,
    result: Result,
    out: TextIO,
    *,
    ticks: Ticks | None = None,
    notes: UserNotes | None = None,
) -> None:
    """The events of `result` in date order, each with its articles and the
    paragraphs that report it (each counted on `ticks`), and the user's note."""
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
        if note := user_note(notes, "event", event.id):
            out.write(f"\nYour note: {md_escape(note)}\n")
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
