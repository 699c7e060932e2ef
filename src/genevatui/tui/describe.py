"""The citation block above the source: who, what kind, when, where, and notes."""

from __future__ import annotations

from typing import Literal

from rich.text import Text

from ..core.dates import format_date
from ..core.query import Index


def describe(index: Index, target: tuple[Literal["quote", "event"], int]) -> Text:
    """A few plain-text lines describing `target`; never parsed as markup."""
    kind, key = target
    spec = index.dataset.spec
    out = Text()
    if kind == "quote":
        quote = spec.quotes[key]
        person = index.people[quote.speaker]
        delegation = index.delegations[person.delegation].name
        venue = index.quote_venue(quote)
        out.append(person.name, style="bold")
        out.append(f" ({delegation}) · {quote.kind}")
        bits = [format_date(index.quote_date(quote)), index.venues[venue].name if venue else ""]
        event = index.events.get(quote.event or "")
        if event:
            bits.append(event.title)
        for bit in filter(None, bits):
            out.append(f" · {bit}")
        anchor = index.dataset.quote_anchors[key]
        if anchor.status != "exact":
            out.append(f"  [anchored {anchor.status}, score {anchor.score}]", style="italic")
        if quote.note:
            out.append("\nNote: ", style="bold italic")
            out.append(quote.note, style="italic")
        return out
    event = spec.events[key]
    out.append(event.title, style="bold")
    venue = index.venues[event.venue].name if event.venue else ""
    for bit in filter(None, [format_date(event.date), venue, event.kind]):
        out.append(f" · {bit}")
    out.append(f"\n{event.summary}")
    if event.note:
        out.append("\nNote: ", style="bold italic")
        out.append(event.note, style="italic")
    return out
