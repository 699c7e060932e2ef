"""Everything the data says about a record, for the details view (`i`).

The citation block shows what fits; this is the whole of it, as plain
`Text` (dataset text is never parsed as markup): who, with the title the
record's own article gives, what kind, when, where, on what occasion, the
article, how the passage was anchored, the curator's notes in full, the
event, the other articles reporting it, and the disagreements about it.
"""

from __future__ import annotations

from rich.text import Text

from ..core.dates import format_date
from ..core.disagreements import concerning, reading_at, readings_of
from ..core.models import Anchor, Event
from ..core.query import Index
from ..core.reports import Report
from ..core.spans import Target, anchors_of
from .describe import note_of


def details(index: Index, target: Target, reports: list[Report]) -> Text:
    """The whole description of `target`; `reports` are the articles that
    report it (the record's own passage among them)."""
    kind, key = target
    out = Text()
    if kind == "quote":
        _quote(out, index, key)
    elif kind == "assessment":
        _assessment(out, index, key)
    elif kind == "event":
        _event(out, index, index.dataset.spec.events[key], heading=True)
    else:
        i, j = reading_at(index.dataset, key)
        out.append(f"Reading {j + 1} of a disagreement", style="bold")
        _field(out, "On", index.dataset.spec.disagreements[i].about)
    for anchor in anchors_of(index.dataset, target) if kind != "event" else ():
        _article(out, index, anchor)
    _field(out, "Note", note_of(index, target))
    if kind == "event":
        for anchor in anchors_of(index.dataset, target):
            _article(out, index, anchor)
    if len(reports) > 1:
        titles = [index.sources[r.anchor.source].title for r in reports]
        _field(out, f"Reported by {len(reports)} articles (< >)", "; ".join(titles))
    if kind in ("quote", "assessment"):
        spec = index.dataset.spec
        item = spec.quotes[key] if kind == "quote" else spec.assessments[key]
        if item.event is not None and item.event in index.events:
            out.append("\n\nEvent", style="bold underline")
            _event(out, index, index.events[item.event], heading=False)
            _field(out, "Event note", index.events[item.event].note)
    _disagreements(out, index, target)
    return out


def _field(out: Text, name: str, value: str | None) -> None:
    if value:
        out.append(f"\n{name}: ", style="bold")
        out.append(value)


def _quote(out: Text, index: Index, key: int) -> None:
    view = index.quote_view(key)
    quote = index.dataset.spec.quotes[key]
    out.append(view.speaker, style="bold")
    out.append(f"  (quote {view.id})")
    if view.speaker_title is not None:
        how = "as the article gives it" if view.speaker_title_verbatim else "curator's description"
        _field(out, "Title", f"{view.speaker_title} ({how})")
        role = index.speaker_title(quote)
        _field(out, "About the title", role.note if role else None)
    _field(out, "Delegation", view.delegation_name)
    _field(out, "Kind", f"{view.kind} statement")
    _field(out, "Date", format_date(view.date))
    _field(out, "Venue", view.venue_name)
    _field(out, "Occasion", view.occasion)
    _field(out, "Topics", ", ".join(index.topics[t].label for t in view.topics))


def _assessment(out: Text, index: Index, key: int) -> None:
    item = index.dataset.spec.assessments[key]
    party = index.people[item.party]
    out.append("Assessment", style="bold")
    out.append(f"  (assessment {item.id})")
    _field(out, "About the position of", party.name)
    _field(out, "Delegation", index.delegations[party.delegation].name)
    _field(out, "Kind", "the article's own words about the party, not a statement by them")
    _field(out, "Date", format_date(index.assessment_date(key)))
    _field(out, "Topics", ", ".join(index.topics[t].label for t in item.topics))


def _event(out: Text, index: Index, event: Event, *, heading: bool) -> None:
    out.append("\n" if not heading else "")
    out.append(event.title, style="bold")
    if heading:
        out.append(f"  (event {event.id})")
    _field(out, "Date", format_date(event.date))
    _field(out, "Venue", index.venues[event.venue].name if event.venue else None)
    _field(out, "Kind", event.kind)
    _field(out, "Summary", event.summary)
    if heading:
        _field(out, "People", ", ".join(index.people[p].name for p in event.people))


def _article(out: Text, index: Index, anchor: Anchor) -> None:
    """The article a passage is in, as a citation, and how it was found."""
    source = index.sources[anchor.source]
    bits = [source.outlet, source.author, format_date(source.published)]
    cite = " · ".join(b for b in bits if b)
    _field(out, "Article", source.title + (f" — {cite}" if cite else ""))
    _field(out, "Written", f"{source.written} ({source.kind})")
    if anchor.status == "orphan":
        _field(out, "Passage", f"{source.file}: lost, the article changed")
        return
    _field(out, "Passage", f"{source.file}, characters {anchor.start}–{anchor.end}")
    how = anchor.status if anchor.status == "exact" else f"{anchor.status}, score {anchor.score}"
    _field(out, "Anchoring", how)


def _disagreements(out: Text, index: Index, target: Target) -> None:
    found = concerning(index.dataset, *target)
    if not found:
        return
    out.append("\n\nDisagreements between articles (g: go to a reading)", style="bold underline")
    for i in found:
        item = index.dataset.spec.disagreements[i]
        out.append(f"\n{item.about}", style="bold")
        for view in readings_of(index.dataset, i):
            title = index.sources[view.reading.source].title
            out.append(f"\n  {title}: ", style="bold")
            out.append(f"“{view.text}”" if view.text else "(lost: the article changed)")
            if view.reading.note:
                out.append(f" — {view.reading.note}", style="italic")
        if item.note:
            out.append("\n  Note: ", style="bold italic")
            out.append(item.note, style="italic")
