"""Typed, immutable records of the dataset.

`DatasetSpec` and the records under it mirror `data/events.yaml` one to one;
`data/schema.json` is generated from them. `Dataset` is what the loader
returns: the spec plus the article texts and every passage's anchor.
"""

from __future__ import annotations

from typing import Literal, Protocol

import msgspec

SourceKind = Literal["preview", "live-report", "analysis", "post-talks-summary", "news"]
PersonKind = Literal["person", "body", "role"]
VenueKind = Literal["city", "building", "region", "channel"]
EventKind = Literal[
    "round",
    "meeting",
    "call",
    "summit",
    "publication",
    "press-conference",
    "interview",
    "statement",
    "historical",
    "other",
]
Precision = Literal["year", "month", "day"]
QuoteKind = Literal["direct", "reported"]
Said = Literal["at", "before", "after"]
AnchorStatus = Literal["exact", "tolerant", "fuzzy", "orphan"]

# Fields shown on one line (chips, headers, pickers): a line break or tab in
# them would hide what follows ("Sergei Ryabkov\n(parody)" would show as the
# real name), so the loader collapses their whitespace, and a cache entry
# holding a line break in one of them is refused.
ONE_LINE_FIELDS = frozenset(
    {"name", "aliases", "label", "title", "summary", "written", "kind", "about"}
)


class Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """Base of every dataset record: immutable, keyword-only, strict.

    gc=False: records hold only strings, numbers and tuples of them, so they
    cannot form cycles; untracked, 100,000 quotes decode faster and smaller.
    """


class Topic(Record, frozen=True):
    """One entry of the controlled topic vocabulary."""

    id: str
    label: str
    description: str


class Delegation(Record, frozen=True):
    """A side at the talks (Russia, United States, NATO and allies…)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None


class Source(Record, frozen=True):
    """One article; `file` is relative to the dataset folder."""

    id: str
    file: str
    title: str
    kind: SourceKind
    written: str
    sha256: str | None = None
    """Hash of the article's bytes as curated: when the file on disk differs,
    passages that no longer match are orphans (warnings), not errors."""
    # Bibliographic fields, for citations: only what is known, never guessed.
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    """A date ("YYYY", "YYYY-MM" or "YYYY-MM-DD")."""
    url: str | None = None
    language: str | None = None
    """The language of the text in `file` (BCP 47, e.g. "en")."""
    translation: bool | None = None
    """True when the text is a translation; unset when that is not known."""
    note: str | None = None


class Role(Record, frozen=True):
    """A title as given by the listed sources (articles may disagree).

    A quote's `speaker_title` is the first role listing the quote's source.
    """

    title: str
    sources: tuple[str, ...]
    verbatim: bool = True
    """The title is the article's own words, checked in each listed source;
    false for the curator's description (say in `note` what it rests on)."""
    note: str | None = None


class Person(Record, frozen=True):
    """A speaker: a named person, a body, or an unnamed role."""

    id: str
    name: str
    delegation: str
    kind: PersonKind = "person"
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str | None = None


class Venue(Record, frozen=True):
    """A place or channel an event or statement is tied to."""

    id: str
    name: str
    kind: VenueKind = "city"
    note: str | None = None


class Passage(Record, frozen=True):
    """A text-quote selector: exact words plus optional disambiguators."""

    source: str
    text: str
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None


class _Selects(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def prefix(self) -> str | None: ...
    @property
    def suffix(self) -> str | None: ...
    @property
    def occurrence(self) -> int | None: ...


def selector(record: _Selects) -> Passage:
    """The passage selector held in a quote's, assessment's or reading's fields."""
    return Passage(
        source=record.source,
        text=record.text,
        prefix=record.prefix,
        suffix=record.suffix,
        occurrence=record.occurrence,
    )


class Event(Record, frozen=True):
    """Something that happened on a date, as the articles report it."""

    id: str
    date: str
    precision: Precision
    title: str
    summary: str
    kind: EventKind = "other"
    venue: str | None = None
    delegations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    passages: tuple[Passage, ...] = ()
    note: str | None = None


class Quote(Record, frozen=True):
    """An attributed statement; its own fields form its passage selector."""

    id: str
    speaker: str
    source: str
    text: str
    kind: QuoteKind
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None
    event: str | None = None
    said: Said = "at"
    """When it was said relative to `event`: at it, before it or after it."""
    topics: tuple[str, ...] = ()
    date: str | None = None
    venue: str | None = None
    same_as: tuple[str, ...] = ()
    """Quotes of other sources reporting the same utterance (symmetric)."""
    pattern_exception: str | None = None
    """Why the text may hold words that usually signal the author's
    inference ("judging by", "according to the logic of"…)."""
    note: str | None = None

    @property
    def passage(self) -> Passage:
        return selector(self)


class Assessment(Record, frozen=True):
    """The article's own characterisation of a party's position or reasoning
    ("Judging by the official statements, Washington…"): the author's words
    about `party`, never a statement by it."""

    id: str
    party: str
    """The people id (a person, body or role) whose position is described."""
    source: str
    text: str
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None
    event: str | None = None
    topics: tuple[str, ...] = ()
    date: str | None = None
    note: str | None = None

    @property
    def passage(self) -> Passage:
        return selector(self)


class Reading(Record, frozen=True):
    """One article's version of a disputed fact: an anchored passage."""

    source: str
    text: str
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None
    note: str | None = None

    @property
    def passage(self) -> Passage:
        return selector(self)


class Disagreement(Record, frozen=True):
    """Where articles tell the same thing differently, kept as data."""

    id: str
    about: str
    """One line: what the readings disagree on."""
    readings: tuple[Reading, ...]
    events: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    """The records the disagreement concerns, so they can point to it."""
    note: str | None = None


class DatasetSpec(Record, frozen=True):
    """The whole YAML file."""

    version: int
    topics: tuple[Topic, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    sources: tuple[Source, ...] = ()
    people: tuple[Person, ...] = ()
    venues: tuple[Venue, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


class Anchor(msgspec.Struct, frozen=True, gc=False):
    """Where a passage sits in its article: `article[start:end]`.

    An "orphan" anchor (start == end == 0) marks a passage that no longer
    matches its article after the article changed: it is shown nowhere.
    """

    source: str
    start: int
    end: int
    status: AnchorStatus
    score: float = 100.0


class Dataset(msgspec.Struct, frozen=True):
    """A validated dataset with its articles and every passage anchored."""

    spec: DatasetSpec
    texts: dict[str, str]
    quote_anchors: tuple[Anchor, ...]
    event_anchors: tuple[tuple[Anchor, ...], ...]
    path: str = ""
    warnings: tuple[str, ...] = ()
    """`file:line:col: message` lines: drifted articles, fuzzy anchors, orphans."""
    assessment_anchors: tuple[Anchor, ...] = ()
    reading_anchors: tuple[tuple[Anchor, ...], ...] = ()
    """One tuple per disagreement, one anchor per reading."""

    def words(self, anchor: Anchor) -> str:
        """The article's characters `anchor` covers (its record's words as
        the article gives them; empty for an orphan)."""
        return self.texts[anchor.source][anchor.start : anchor.end]

    def all_anchors(self) -> list[Anchor]:
        """Every passage's anchor: quotes, event passages, assessments, then
        disagreement readings (the order `validate` counts and the cache
        check compares)."""
        return [
            *self.quote_anchors,
            *(a for row in self.event_anchors for a in row),
            *self.assessment_anchors,
            *(a for row in self.reading_anchors for a in row),
        ]

    @property
    def orphans(self) -> list[int]:
        """Quotes whose passage is no longer in their (changed) article."""
        return [i for i, a in enumerate(self.quote_anchors) if a.status == "orphan"]
