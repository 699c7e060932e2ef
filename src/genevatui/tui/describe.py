"""The citation block above the source: who, what kind, when, where, and notes."""

from __future__ import annotations

from rich.text import Text

from ..core.dates import format_date
from ..core.query import Index
from ..core.spans import Target


def describe(index: Index, target: Target) -> Text:
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
    view = index.quote_view(key)
    out = Text()
    out.append(view.speaker, style="bold")
    if view.speaker_title is not None:  # the title as this quote's own article gives it
        out.append(f", {view.speaker_title}")
        if not view.speaker_title_verbatim:
            out.append(" (curator's description)", style="italic")
    out.append(f" ({view.delegation_name}) · {view.kind}")
    for bit in filter(None, [format_date(view.date), view.venue_name, view.occasion]):
        out.append(f" · {bit}")
    if view.anchoring != "exact":
        out.append(f"  [anchored {view.anchoring}, score {view.anchoring_score}]", style="italic")
    _note(out, view.note)
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
        format_date(index.assessment_date(key)),
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
