"""The citation block above the source: who, what kind, when, where, and notes."""

from __future__ import annotations

from typing import Literal

from rich.text import Text

from ..core.dates import format_date
from ..core.query import Index

TargetKind = Literal["quote", "event", "assessment"]


def describe(index: Index, target: tuple[TargetKind, int]) -> Text:
    """A few plain-text lines describing `target`; never parsed as markup."""
    kind, key = target
    if kind == "quote":
        return _quote(index, key)
    if kind == "assessment":
        return _assessment(index, key)
    event = index.dataset.spec.events[key]
    out = Text()
    out.append(event.title, style="bold")
    venue = index.venues[event.venue].name if event.venue else ""
    for bit in filter(None, [format_date(event.date), venue, event.kind]):
        out.append(f" · {bit}")
    out.append(f"\n{event.summary}")
    _note(out, event.note)
    return out


def _quote(index: Index, key: int) -> Text:
    quote = index.dataset.spec.quotes[key]
    person = index.people[quote.speaker]
    delegation = index.delegations[person.delegation].name
    out = Text()
    out.append(person.name, style="bold")
    role = index.speaker_title(quote)
    if role is not None:  # the title as this quote's own article gives it
        out.append(f", {role.title}")
        if not role.verbatim:
            out.append(" (curator's description)", style="italic")
    out.append(f" ({delegation}) · {quote.kind}")
    venue = index.quote_venue(quote)
    bits = [format_date(index.quote_date(quote)), index.venues[venue].name if venue else ""]
    event = index.events.get(quote.event or "")
    if event:
        bits.append(event.title if quote.said == "at" else f"said {quote.said} {event.title}")
    for bit in filter(None, bits):
        out.append(f" · {bit}")
    anchor = index.dataset.quote_anchors[key]
    if anchor.status != "exact":
        out.append(f"  [anchored {anchor.status}, score {anchor.score}]", style="italic")
    _note(out, quote.note)
    return out


def _assessment(index: Index, key: int) -> Text:
    """Said plainly: the article's words about the party, not the party's."""
    item = index.dataset.spec.assessments[key]
    party = index.people[item.party]
    delegation = index.delegations[party.delegation].name
    out = Text()
    out.append("Assessment", style="bold italic")
    out.append(" · the article's own words about the position of ")
    out.append(party.name, style="bold")
    out.append(f" ({delegation}), not a statement by them")
    event = index.events.get(item.event or "")
    bits = [
        index.sources[item.source].title,
        format_date(index.assessments.dates[key]),
        event.title if event else "",
    ]
    out.append("\n" + " · ".join(filter(None, bits)))
    anchor = index.dataset.assessment_anchors[key]
    if anchor.status != "exact":
        out.append(f"  [anchored {anchor.status}, score {anchor.score}]", style="italic")
    _note(out, item.note)
    return out


def _note(out: Text, note: str | None) -> None:
    if note:
        out.append("\nNote: ", style="bold italic")
        out.append(note, style="italic")
