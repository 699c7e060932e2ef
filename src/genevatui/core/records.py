"""The export records: one dict per quote, assessment and disagreement, and
the JSON document holding them (the shape every writer starts from).

The JSON shape is a stable interface for scripts (see the README); keys may
be added, existing ones never change meaning. Added with issue 11: `kind`
and `paragraph`/`paragraph_end` on assessments, `paragraph`/`paragraph_end`
and `disagreements` on quotes (the paragraph locator, `core.paragraphs`).

What is whose words: a quote is what a speaker said (direct: their words;
reported: the article's paraphrase of them). An assessment is the article's
own words ABOUT a party, never a statement by it: it is exported apart from
the quotes, attributed to its article, with "record": "assessment".

The user's own notes (issue 11: `MarkStore.note`) travel as `user_note`,
never in `note` (the curator's): a reader must always know whose words a
note is. They are passed as a `UserNotes` mapping; without one (or for a
record without a note) `user_note` is null.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .disagreements import concerning
from .paragraphs import ParagraphIndex
from .query import Index, Result

UserNotes = Mapping[tuple[str, str], str]
"""The user's notes by (kind, id): kind is "quote", "assessment" or "event"."""


def user_note(notes: UserNotes | None, kind: str, id_: str) -> str | None:
    """The user's note on this record, or None."""
    return (notes or {}).get((kind, id_)) or None


def _locator(
    paragraphs: ParagraphIndex | None, index: Index, source: str, start: int, end: int, lost: bool
) -> tuple[int | None, int | None]:
    if lost:  # an orphan: the article changed, no place to point at
        return None, None
    paragraphs = paragraphs or ParagraphIndex(index.dataset.texts)
    return paragraphs.span(source, start, end)


def quote_record(
    index: Index,
    i: int,
    paragraphs: ParagraphIndex | None = None,
    notes: UserNotes | None = None,
) -> dict[str, Any]:
    """One quote as the export shape; `text` is the article's slice.

    `speaker_title` is the title the quote's own article gives the speaker
    (`speaker_title_verbatim` false: the curator's description of them);
    `said` is "at", "before" or "after" its event; `same_as` lists quotes in
    other articles that report the same utterance; `paragraph` and
    `paragraph_end` the first and last paragraph holding it (`core.paragraphs`;
    null for an orphan); `disagreements` the ids of those concerning it;
    `user_note` the user's own note from `notes`. Pass one `paragraphs` for
    many records, so each article is scanned once.
    """
    v = index.quote_view(i)
    first, last = _locator(paragraphs, index, v.source, v.start, v.end, v.anchoring == "orphan")
    spec = index.dataset.spec
    return {
        "id": v.id,
        "speaker": v.speaker,
        "speaker_id": v.speaker_id,
        "speaker_title": v.speaker_title,
        "speaker_title_verbatim": v.speaker_title_verbatim,
        "delegation": v.delegation,
        "delegation_name": v.delegation_name,
        "event": v.event,
        "event_title": v.event_title,
        "said": v.said,
        "venue": v.venue,
        "venue_name": v.venue_name,
        "date": v.date,
        "source": v.source,
        "source_title": v.source_title,
        "file": v.file,
        "start": v.start,
        "end": v.end,
        "text": v.text,
        "kind": v.kind,
        "topics": list(v.topics),
        "anchoring": v.anchoring,
        "anchoring_score": v.anchoring_score,
        "same_as": list(v.same_as),
        "note": v.note,
        "paragraph": first,
        "paragraph_end": last,
        "disagreements": [spec.disagreements[d].id for d in concerning(index.dataset, "quote", i)],
        "user_note": user_note(notes, "quote", v.id),
    }


def assessment_record(
    index: Index, i: int, paragraphs: ParagraphIndex | None = None, notes: UserNotes | None = None
) -> dict[str, Any]:
    """One assessment: the article's words (`text`, its slice) about `party`;
    `kind` is always "assessment"; `user_note` the user's own note."""
    dataset = index.dataset
    item = dataset.spec.assessments[i]
    anchor = dataset.assessment_anchors[i]
    lost = anchor.status == "orphan"
    first, last = _locator(paragraphs, index, item.source, anchor.start, anchor.end, lost)
    party = index.people[item.party]
    source = index.sources[item.source]
    return {
        "record": "assessment",
        "id": item.id,
        "party": party.id,
        "party_name": party.name,
        "delegation": party.delegation,
        "source": item.source,
        "source_title": source.title,
        "file": source.file,
        "start": anchor.start,
        "end": anchor.end,
        "text": dataset.words(anchor),
        "event": item.event,
        "topics": list(item.topics),
        "date": index.assessment_date(i),
        "anchoring": anchor.status,
        "note": item.note,
        "kind": "assessment",
        "paragraph": first,
        "paragraph_end": last,
        "user_note": user_note(notes, "assessment", item.id),
    }


def disagreement_record(index: Index, i: int) -> dict[str, Any]:
    """One disagreement with each reading as an anchored slice of its article."""
    dataset = index.dataset
    item = dataset.spec.disagreements[i]
    readings = []
    for reading, anchor in zip(item.readings, dataset.reading_anchors[i], strict=True):
        source = index.sources[reading.source]
        readings.append(
            {
                "source": reading.source,
                "source_title": source.title,
                "file": source.file,
                "start": anchor.start,
                "end": anchor.end,
                "text": dataset.words(anchor),
                "anchoring": anchor.status,
                "note": reading.note,
            }
        )
    return {
        "id": item.id,
        "about": item.about,
        "note": item.note,
        "events": list(item.events),
        "people": list(item.people),
        "quotes": list(item.quotes),
        "readings": readings,
    }


def to_document(index: Index, result: Result, notes: UserNotes | None = None) -> dict[str, Any]:
    """The whole JSON export for the quotes, events and assessments in
    `result`, each with the user's note from `notes`. Sources, people and
    disagreements are reference lists: whole, whatever the filter."""
    spec = index.dataset.spec
    events = [spec.events[i] for i in result.events]
    paragraphs = ParagraphIndex(index.dataset.texts)
    return {
        "sources": [
            {
                "id": s.id,
                "file": s.file,
                "title": s.title,
                "kind": s.kind,
                "outlet": s.outlet,
                "author": s.author,
                "published": s.published,
                "url": s.url,
                "language": s.language,
                "translation": s.translation,
            }
            for s in spec.sources
        ],
        "people": [
            {"id": p.id, "name": p.name, "delegation": p.delegation, "aliases": list(p.aliases)}
            for p in spec.people
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "title": e.title,
                "venue": e.venue,
                "delegations": list(e.delegations),
                "sources": sorted({p.source for p in e.passages}),
                "kind": e.kind,
                "summary": e.summary,
                "note": e.note,
                "user_note": user_note(notes, "event", e.id),
            }
            for e in events
        ],
        "quotes": [quote_record(index, i, paragraphs, notes) for i in result.quotes],
        "assessments": [assessment_record(index, i, paragraphs, notes) for i in result.assessments],
        "disagreements": [disagreement_record(index, i) for i in range(len(spec.disagreements))],
    }


def concerned_disagreements(index: Index, result: Result) -> list[int]:
    """The disagreements about what `result` holds: those a citation of one
    of its quotes, assessments or events names (`disagreements.concerning`,
    the same rule as the caveats), in dataset order. A document lists these
    and no others: its "see <id>" lines and its list then agree."""
    dataset = index.dataset
    found: set[int] = set()
    for kind, keys in (
        ("quote", result.quotes),
        ("assessment", result.assessments),
        ("event", result.events),
    ):
        for key in keys:
            found.update(concerning(dataset, kind, key))  # type: ignore[arg-type]
    return sorted(found)
