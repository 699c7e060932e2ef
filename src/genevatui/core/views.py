"""What a quote shows: its display fields, derived once, for every reader.

The citation block, the statements pane and the exports all read a
`QuoteView` (`Index.quote_view(i)`) instead of each deriving the date, the
venue, the speaker's title and the article's slice on its own, so a rule
(a quote said before its event takes neither its date nor its venue) lives
in one place.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

import msgspec

from .models import AnchorStatus, QuoteKind, Said, Source

if TYPE_CHECKING:
    from .query import Index

_LEADING_NUMBER = re.compile(r"\d+")


class QuoteView(msgspec.Struct, frozen=True, kw_only=True):
    """One quote's display fields; names resolved, ids kept beside them."""

    id: str
    speaker: str
    """The speaker's name."""
    speaker_id: str
    speaker_title: str | None
    """The title the quote's own article gives the speaker, if any."""
    speaker_title_verbatim: bool | None
    """False: the title is the curator's description, not the article's words."""
    delegation: str
    delegation_name: str
    date: str | None
    """Its own date, else its event's (unless said before the event)."""
    venue: str | None
    venue_name: str | None
    event: str | None
    event_title: str | None
    said: Said
    kind: QuoteKind
    topics: tuple[str, ...]
    source: str
    source_title: str
    source_tag: str
    """A short name for the article (`004` for `seeds/004_….txt`)."""
    file: str
    start: int
    end: int
    text: str
    """The article's own words: its slice `start:end` (empty for an orphan)."""
    note: str | None
    same_as: tuple[str, ...]
    anchoring: AnchorStatus
    anchoring_score: float

    @property
    def occasion(self) -> str | None:
        """Its event's title, as "said before <title>" when not said at it."""
        if self.event_title is None:
            return None
        return self.event_title if self.said == "at" else f"said {self.said} {self.event_title}"


def source_tag(source: Source) -> str:
    """The number its file name starts with, else its id: short enough for
    every row of a list, and what a reader calls the article ("article 004")."""
    number = _LEADING_NUMBER.match(PurePosixPath(source.file).name)
    return number.group() if number else source.id


def quote_view(index: Index, i: int) -> QuoteView:
    """The display fields of quote `i` (see `Index.quote_view`)."""
    dataset = index.dataset
    quote = dataset.spec.quotes[i]
    anchor = dataset.quote_anchors[i]
    person = index.people[quote.speaker]
    venue = index.quote_venue(quote)
    event = index.events.get(quote.event or "")
    source = index.sources[quote.source]
    role = index.speaker_title(quote)
    return QuoteView(
        id=quote.id,
        speaker=person.name,
        speaker_id=person.id,
        speaker_title=role.title if role else None,
        speaker_title_verbatim=role.verbatim if role else None,
        delegation=person.delegation,
        delegation_name=index.delegations[person.delegation].name,
        date=index.quote_date(quote),
        venue=venue,
        venue_name=index.venues[venue].name if venue else None,
        event=quote.event,
        event_title=event.title if event else None,
        said=quote.said,
        kind=quote.kind,
        topics=quote.topics,
        source=source.id,
        source_title=source.title,
        source_tag=source_tag(source),
        file=source.file,
        start=anchor.start,
        end=anchor.end,
        text=dataset.words(anchor),
        note=quote.note,
        same_as=quote.same_as,
        anchoring=anchor.status,
        anchoring_score=anchor.score,
    )
