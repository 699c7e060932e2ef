"""The marks view's rows (issue 11 §2): every mark and note, in date order,
as a reader finds them again: when, who (or which event), the first words,
the user's note. Marks whose target is gone from the dataset come last,
apart, as orphans: kept and shown, never dropped (as Hypothesis does).

Pure core: the TUI draws these rows, the tests read them without Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .dates import format_date
from .marks import MARK_KINDS, Mark, MarkKind
from .query import Index
from .text import shown

WORDS = 12
"""Words of a record shown in its row (the rest is the source's)."""
MARKED_GLYPH = "●"
NOTE_GLYPH = "✎"
ORPHANS_HEADING = "Orphaned: no longer in the dataset (kept, never dropped)"


@dataclass(frozen=True, slots=True)
class MarkRow:
    """One mark or note as the marks view lists it."""

    mark: Mark
    target: tuple[MarkKind, int] | None
    """Where it is in the dataset (kind, index); None for an orphan."""
    date: str
    """The record's date as shown ("10 Jan 2022"), "" if undated or orphaned."""
    who: str
    """The speaker, the party assessed, or the event's title."""
    words: str
    """The record's first words, on one line."""

    @property
    def orphaned(self) -> bool:
        return self.target is None


def glyph(mark: Mark | None) -> str:
    """The gutter's sign for a mark: "●" marked, "✎" a note only, " " none."""
    if mark is None or mark.empty:
        return " "
    return MARKED_GLYPH if mark.marked else NOTE_GLYPH


def glyphs(mark: Mark | None) -> str:
    """Two cells: the mark's sign, then "✎" when it also has a note."""
    if mark is None or mark.empty:
        return "  "
    return (MARKED_GLYPH if mark.marked else " ") + (NOTE_GLYPH if mark.note else " ")


def first_words(text: str, count: int = WORDS) -> str:
    """The first `count` words of `text` on one line, "…" if there are more."""
    words = text.split()
    cut = " ".join(words[:count])
    return shown(cut + (" …" if len(words) > count else ""))


def note_line(note: str, limit: int = 100) -> str:
    """A note's first line, safe to draw, cut to `limit` characters."""
    lines = note.strip().splitlines()
    first = lines[0] if lines else ""
    more = len(lines) > 1 or len(first) > limit
    return shown(first[:limit].rstrip()) + (" …" if more else "")


def mark_rows(marks: Iterable[Mark], index: Index) -> list[MarkRow]:
    """`marks` as rows: those in the dataset by the record's date (undated
    after the dated, then by kind and id), then the orphans by kind and id."""
    spec = index.dataset.spec
    positions: dict[MarkKind, dict[str, int]] = {
        "quote": {q.id: i for i, q in enumerate(spec.quotes)},
        "assessment": {a.id: i for i, a in enumerate(spec.assessments)},
        "event": dict(index.event_pos),
    }
    found: list[tuple[str, MarkRow]] = []
    orphans: list[MarkRow] = []
    for mark in marks:
        at = positions[mark.kind].get(mark.id)
        if at is None:
            orphans.append(MarkRow(mark, None, "", "", ""))
            continue
        iso, row = _row(index, mark, at)
        found.append((iso, row))
    order = {k: n for n, k in enumerate(MARK_KINDS)}
    found.sort(key=lambda p: (not p[0], p[0], order[p[1].mark.kind], p[1].mark.id))
    orphans.sort(key=lambda r: (order[r.mark.kind], r.mark.id))
    return [row for _, row in found] + orphans


def _row(index: Index, mark: Mark, at: int) -> tuple[str, MarkRow]:
    spec = index.dataset.spec
    if mark.kind == "quote":
        view = index.quote_view(at)
        who = f"{view.speaker} ({view.kind})"
        return view.date or "", MarkRow(
            mark, ("quote", at), format_date(view.date), shown(who), first_words(view.text)
        )
    if mark.kind == "assessment":
        item = spec.assessments[at]
        iso = index.assessment_date(at) or ""
        who = f"Assessment of {index.people[item.party].name}"
        return iso, MarkRow(
            mark, ("assessment", at), format_date(iso), shown(who), first_words(item.text)
        )
    event = spec.events[at]
    return event.date, MarkRow(
        mark,
        ("event", at),
        format_date(event.date),
        shown(f"Event: {event.title}"),
        first_words(event.summary),
    )


def row_text(row: MarkRow) -> str:
    """The row's first line: sign, date, who, first words (orphans: kind and id)."""
    if row.orphaned:
        return f"{glyph(row.mark)} {row.mark.kind} {shown(row.mark.id)}"
    head = " · ".join(b for b in (row.date, row.who) if b)
    return f"{glyph(row.mark)} {head}: {row.words}"


def marked_count(marks: Iterable[Mark]) -> int:
    return sum(1 for m in marks if m.marked)
