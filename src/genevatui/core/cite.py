"""Citations: one statement with everything a reader needs to find and trust it.

`Citer(index).quote(i)` / `.assessment(i)` / `.find(id)` build a `Citation`;
`cite_text.render(citation, fmt)` writes it in one of `CITE_FORMATS` (plain,
markdown, csl-json, bare). Pure: no Textual, no Rich. The TUI's copy keys and the
`genevatui cite` command both go through here.

Whose words (the rule every format keeps):
- a direct quote is the speaker's words: in quotation marks, once
  (`text.quoted` gives way to a pair the article's slice already has);
- a reported one is the article's paraphrase: NEVER in quotation marks, in
  any format; it is written after "as reported (the article's paraphrase):"
  or marked "(reported)", outside any marks;
- an assessment is the article's own words about a party, never a statement
  by it: attributed to the article, labelled as such;
- an event's passage is the article's own account of it (its words, in
  quotation marks, attributed to the article).

Which curator's notes a citation carries, and why all of them: the notes of
this dataset are written as caveats (where the quotation was cut, who really
said it, "borderline", a garbled paragraph, a fact from outside the
articles), and nothing in the data tells a caveat from context; a dropped
caveat misleads the reader, an extra line of context costs nothing. Beside
the note, the caveats are: a title that is the curator's description, not
the article's words; a passage matched to the article only tolerantly or
fuzzily; and the disagreements between articles concerning the statement
(`disagreements.concerning`: about it, a `same_as` partner, or its speaker).
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from typing import Literal

from .dates import format_date
from .disagreements import concerning, who_differs
from .models import AnchorStatus, Dataset, Source
from .names import UnknownName
from .paragraphs import ParagraphIndex, pilcrow
from .query import Index

CiteKind = Literal["direct", "reported", "assessment", "event"]


@dataclass(frozen=True, slots=True)
class Locator:
    """Where the words are: paragraphs `first`..`last` (1-based, see
    `core.paragraphs`) and the characters `start:end` of the article's file."""

    file: str
    first: int
    last: int
    start: int
    end: int

    @property
    def pilcrow(self) -> str:
        """`¶ 12` or `¶ 12–13`."""
        return pilcrow(self.first, self.last)

    def __str__(self) -> str:
        return f"{self.pilcrow}, chars {self.start}–{self.end} of {self.file}"


@dataclass(frozen=True, slots=True)
class Citation:
    """One quote or assessment, cited. Text fields are the dataset's (clean
    of control characters at load); formats escape them for their syntax."""

    record: Literal["quote", "assessment", "event"]
    id: str
    kind: CiteKind
    words: str
    """The article's own characters at the locator (empty when lost)."""
    speaker: str
    """Who spoke; for an assessment, the party the article's words are about;
    for an event, the event's title (nobody speaks: the article narrates)."""
    speaker_title: str | None
    """The title as the quote's own article gives it (None for assessments)."""
    title_verbatim: bool | None
    """False: the title is the curator's description, not the article's words."""
    delegation: str | None
    date: str | None
    venue: str | None
    occasion: str | None
    """The event's title, or "said before/after <title>"."""
    source: Source
    """The article: title, plus outlet, author, published and url when known."""
    locator: Locator | None
    """None when the passage was lost (the article changed)."""
    anchoring: AnchorStatus
    anchoring_score: float
    note: str | None
    disputes: tuple[str, ...]
    """What the articles disagree on about it (each disagreement's `about`)."""
    differ: tuple[str, ...] = ()
    """Who disagrees, for each of them ("3 articles disagree"), in the same order."""
    dispute_ids: tuple[str, ...] = ()
    """The ids of those disagreements, in the same order."""

    @property
    def title_shown(self) -> str | None:
        """The title, flagged when it is the curator's description."""
        if self.speaker_title and self.title_verbatim is False:
            return f"{self.speaker_title}, curator's description"
        return self.speaker_title

    @property
    def who(self) -> str:
        """`Name (Title; Delegation)`."""
        inside = "; ".join(x for x in (self.title_shown, self.delegation) if x)
        return f"{self.speaker} ({inside})" if inside else self.speaker

    @property
    def when_where(self) -> str:
        """`said before Geneva talks, 10 Jan 2022, Geneva` (what is known)."""
        parts = (self.occasion, format_date(self.date), self.venue)
        return ", ".join(x for x in parts if x)

    @property
    def article(self) -> str:
        """`Title, Outlet, by Author, 10 Jan 2022, URL` (what is known)."""
        s = self.source
        by = f"by {s.author}" if s.author else None
        parts = (s.title, s.outlet, by, format_date(s.published), s.url)
        return ", ".join(x for x in parts if x)

    @property
    def caveats(self) -> list[str]:
        """One line each: anchoring, disputes, the curator's note."""
        return self.caveats_but(disputes=True)

    def caveats_but(self, *, disputes: bool) -> list[str]:
        """The caveats, with or without a line per dispute (a document that
        lists the disagreements itself names them once, by id)."""
        lines = []
        if self.locator is None:
            lines.append("Lost: the article changed; the words can no longer be found in it.")
        elif self.anchoring in ("tolerant", "fuzzy"):
            how = "tolerantly" if self.anchoring == "tolerant" else "fuzzily"
            lines.append(
                f"Matched {how} (score {self.anchoring_score:.0f}): the curated "
                "text differs from the article's; the words given are the article's."
            )
        if disputes:
            lines += [
                f"Disputed ({who}): {about}"
                for who, about in zip(self.differ, self.disputes, strict=True)
            ]
        elif self.dispute_ids:
            lines.append(f"Disputed: see {', '.join(self.dispute_ids)}")
        if self.note:
            lines.append(f"Curator's note: {self.note}")
        return lines


class Citer:
    """Builds citations over one `Index`; keeps each article's paragraphs,
    so citing many statements scans each article once."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.paragraphs = ParagraphIndex(index.dataset.texts)

    def _locator(self, source: str, start: int, end: int, status: AnchorStatus) -> Locator | None:
        if status == "orphan":
            return None
        first, last = self.paragraphs.span(source, start, end)
        return Locator(self.index.sources[source].file, first, last, start, end)

    def quote(self, i: int) -> Citation:
        """Quote `i` (an index into `spec.quotes`), cited."""
        v = self.index.quote_view(i)
        dataset = self.index.dataset
        return Citation(
            record="quote",
            id=v.id,
            kind=v.kind,
            words=v.text,
            speaker=v.speaker,
            speaker_title=v.speaker_title,
            title_verbatim=v.speaker_title_verbatim,
            delegation=v.delegation_name,
            date=v.date,
            venue=v.venue_name,
            occasion=v.occasion,
            source=self.index.sources[v.source],
            locator=self._locator(v.source, v.start, v.end, v.anchoring),
            anchoring=v.anchoring,
            anchoring_score=v.anchoring_score,
            note=v.note,
            **_disputes(dataset, concerning(dataset, "quote", i)),
        )

    def assessment(self, i: int) -> Citation:
        """Assessment `i`: the article's words about a party, cited as such."""
        index = self.index
        dataset = index.dataset
        item = dataset.spec.assessments[i]
        anchor = dataset.assessment_anchors[i]
        party = index.people[item.party]
        event = index.events.get(item.event or "")
        venue = index.venues.get(event.venue or "") if event else None
        return Citation(
            record="assessment",
            id=item.id,
            kind="assessment",
            words=dataset.words(anchor),
            speaker=party.name,
            speaker_title=None,
            title_verbatim=None,
            delegation=index.delegations[party.delegation].name,
            date=index.assessment_date(i),
            venue=venue.name if venue else None,
            occasion=event.title if event else None,
            source=index.sources[item.source],
            locator=self._locator(item.source, anchor.start, anchor.end, anchor.status),
            anchoring=anchor.status,
            anchoring_score=anchor.score,
            note=item.note,
            **_disputes(dataset, concerning(dataset, "assessment", i)),
        )

    def event(self, i: int, source: str | None = None) -> Citation:
        """Event `i` with its first passage in article `source` (the one the
        source pane shows; default: its first placed passage). ValueError
        when the event has no passage: there is no article to cite."""
        dataset = self.index.dataset
        item = dataset.spec.events[i]
        anchors = dataset.event_anchors[i]
        if not anchors:
            raise ValueError(f"event {item.id} has no passage in any article")
        placed = [a for a in anchors if a.status != "orphan"] or list(anchors)
        anchor = next((a for a in placed if a.source == source), placed[0])
        venue = self.index.venues.get(item.venue or "")
        return Citation(
            record="event",
            id=item.id,
            kind="event",
            words=dataset.words(anchor),
            speaker=item.title,
            speaker_title=None,
            title_verbatim=None,
            delegation=None,
            date=item.date,
            venue=venue.name if venue else None,
            occasion=None,
            source=self.index.sources[anchor.source],
            locator=self._locator(anchor.source, anchor.start, anchor.end, anchor.status),
            anchoring=anchor.status,
            anchoring_score=anchor.score,
            note=item.note,
            **_disputes(dataset, concerning(dataset, "event", i)),
        )

    def find(self, record_id: str) -> Citation:
        """The quote or assessment with this id; `UnknownName` (with close
        matches) when there is none."""
        at = self._ids.get(record_id)
        if at is None:
            close = difflib.get_close_matches(record_id, list(self._ids), n=3, cutoff=0.6)
            raise UnknownName("quote or assessment id", record_id, close)
        kind, i = at
        return self.quote(i) if kind == "quote" else self.assessment(i)

    @functools.cached_property
    def _ids(self) -> dict[str, tuple[str, int]]:
        spec = self.index.dataset.spec
        ids = {a.id: ("assessment", i) for i, a in enumerate(spec.assessments)}
        ids.update({q.id: ("quote", i) for i, q in enumerate(spec.quotes)})
        return ids


def _disputes(dataset: Dataset, indices: list[int]) -> dict[str, tuple[str, ...]]:
    items = [dataset.spec.disagreements[d] for d in indices]
    return {
        "disputes": tuple(d.about for d in items),
        "differ": tuple(who_differs(dataset, i) for i in indices),
        "dispute_ids": tuple(d.id for d in items),
    }
