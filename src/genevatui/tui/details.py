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
from ..core.text import quoted, shown
from ..core.views import source_tag
from .describe import note_of


def details(index: Index, target: Target, reports: list[Report], user_note: str = "") -> Text:
    """The whole description of `target`; `reports` are the articles that
    report it (its own passage among them); `user_note` is the user's own
    note on it (issue 11 §2), shown whole after the curator's."""
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
    _field(out, "Note", note_of(index, target))
    if user_note:
        out.append("\nYour note: ", style="bold reverse")
        out.append(" " + "\n".join(map(shown, user_note.strip().splitlines())))
    _articles(out, index, target, reports)
    if kind in ("quote", "assessment"):
        spec = index.dataset.spec
        item = spec.quotes[key] if kind == "quote" else spec.assessments[key]
        if item.event is not None and item.event in index.events:
            out.append("\n\nEvent", style="bold underline")
            _event(out, index, index.events[item.event], heading=False)
            _field(out, "Event note", index.events[item.event].note)
    _disagreements(out, index, target)
    return out


def _articles(out: Text, index: Index, target: Target, reports: list[Report]) -> None:
    """Each article with the record's passages in it, then the articles
    whose own quote reports the same utterance (`same_as`): in their own
    words, which may differ (or be a paraphrase), so never "the same words"."""
    count = f" ({len(reports)}: < > steps through them)" if len(reports) > 1 else ""
    out.append(f"\n\nArticles{count}", style="bold underline")
    by_source: dict[str, list[Anchor]] = {}
    for anchor in anchors_of(index.dataset, target):
        by_source.setdefault(anchor.source, []).append(anchor)
    for source_id, anchors in by_source.items():
        _article(out, index, source_id)
        for anchor in anchors:
            _passage(out, index, anchor)
    for report in reports:
        if report.target != target:  # a same_as partner, in its own article
            _article(out, index, report.anchor.source)
            quote = index.dataset.spec.quotes[report.target[1]]
            said = f"the same statement, in its own words: its quote {quote.id} ({quote.kind})"
            out.append(f"\n    {said}", style="italic")
            _passage(out, index, report.anchor)


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
    # The words themselves: a direct quote in quotation marks, reported
    # speech never (it is the article's paraphrase, not the speaker's words).
    if view.kind == "direct":
        _field(out, "Words", quoted(view.text))
    else:
        _field(out, "Reported", f"{view.text} (the article's paraphrase)")
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
    anchor = index.dataset.assessment_anchors[key]
    placed = anchor.status != "orphan"  # then the article's own characters, as for quotes
    words = index.dataset.words(anchor) if placed else item.text
    _field(out, "The article's words", words)
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


def _article(out: Text, index: Index, source_id: str) -> None:
    """An article as a citation: tag, title, outlet, author, date, kind."""
    source = index.sources[source_id]
    out.append(f"\n{source_tag(source)} ", style="bold")
    out.append(source.title)
    bits = [source.outlet, source.author, format_date(source.published)]
    cite = " · ".join(b for b in bits if b)
    if cite:
        out.append(f" — {cite}")
    out.append(f"\n    {source.kind}, written: {source.written}")


def _passage(out: Text, index: Index, anchor: Anchor) -> None:
    """Where a passage is in its article's file, and how it was found."""
    file = index.sources[anchor.source].file
    if anchor.status == "orphan":
        out.append(f"\n    {file}: lost, the article changed")
        return
    how = anchor.status if anchor.status == "exact" else f"{anchor.status}, score {anchor.score}"
    out.append(f"\n    {file}, characters {anchor.start}–{anchor.end} (anchored {how})")


def _disagreements(out: Text, index: Index, target: Target) -> None:
    found = concerning(index.dataset, *target)
    if not found:
        return
    out.append("\n\nDisagreements between articles (g: go to a reading)", style="bold underline")
    for i in found:
        item = index.dataset.spec.disagreements[i]
        out.append(f"\n{item.about}", style="bold")
        for view in readings_of(index.dataset, i):
            tag = source_tag(index.sources[view.reading.source])
            out.append(f"\n  article {tag}: ", style="bold")
            out.append(f"“{view.text}”" if view.text else "(lost: the article changed)")
            if view.reading.note:
                out.append(f" — {view.reading.note}", style="italic")
        if item.note:
            out.append("\n  Note: ", style="bold italic")
            out.append(item.note, style="italic")
