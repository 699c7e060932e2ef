"""The citation block above the source: who, what kind, when, where, and notes."""

from __future__ import annotations

from rich.text import Text

from ..core.dates import format_date
from ..core.disagreements import concerning, reading_at, who_differs
from ..core.query import Index
from ..core.spans import Target
from ..core.views import source_tag

READINGS_KEY = "g"


def describe(index: Index, target: Target) -> Text:
    """A few plain-text lines describing `target`; never parsed as markup."""
    kind, key = target
    if kind == "quote":
        out = _quote(index, key)
    elif kind == "assessment":
        out = _assessment(index, key)
    elif kind == "reading":
        out = _reading(index, key)
    else:
        out = _event(index, key)
    disagree(out, index, target)  # before an event's summary: in the first lines
    if kind == "event":
        out.append(f"\n{index.dataset.spec.events[key].summary}")
    note_line(out, note_of(index, target))
    return out


def note_of(index: Index, target: Target) -> str | None:
    """The curator's note on `target` (a reading: its own, then its
    disagreement's)."""
    kind, key = target
    spec = index.dataset.spec
    if kind == "quote":
        return spec.quotes[key].note
    if kind == "assessment":
        return spec.assessments[key].note
    if kind == "event":
        return spec.events[key].note
    i, j = reading_at(index.dataset, key)
    item = spec.disagreements[i]
    return " ".join(n for n in (item.readings[j].note, item.note) if n) or None


def disagree(out: Text, index: Index, target: Target) -> None:
    """One "3 articles disagree: <about>" line per disagreement about
    `target`, the key that lists their readings on the last."""
    found = concerning(index.dataset, *target)
    for n, i in enumerate(found):
        item = index.dataset.spec.disagreements[i]
        who = who_differs(index.dataset, i)
        out.append("\n⚑ ", style="bold")
        out.append(who, style="bold")
        out.append(f": {item.about}")
        if n == len(found) - 1:
            out.append(f" ({READINGS_KEY}: readings)", style="italic")


def _event(index: Index, key: int) -> Text:
    event = index.dataset.spec.events[key]
    out = Text()
    out.append(event.title, style="bold")
    venue = index.venues[event.venue].name if event.venue else ""
    for bit in filter(None, [format_date(event.date), venue, event.kind]):
        out.append(f" · {bit}")
    return out


def _reading(index: Index, key: int) -> Text:
    """One article's version of a disputed fact, and what the dispute is."""
    i, j = reading_at(index.dataset, key)
    item = index.dataset.spec.disagreements[i]
    reading = item.readings[j]
    out = Text()
    out.append(f"Reading {j + 1} of {len(item.readings)}", style="bold")
    # The article's tag, as the statement rows give it (its title is the
    # source pane's); what the readings disagree on is the line below.
    out.append(f" · article {source_tag(index.sources[reading.source])}")
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
    return out


def note_line(out: Text, note: str | None) -> None:
    if note:
        out.append("\nNote: ", style="bold italic")
        out.append(note, style="italic")
