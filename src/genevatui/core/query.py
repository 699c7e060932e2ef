"""Filtering: the one place it lives. The CLI export and the TUI both call it.

`Index` precomputes, once per dataset, flat arrays of ids, date bounds and
lower-cased, accent-folded search keys; `Index.run(Filter)` then scans those
arrays. Names are resolved to ids first (names, ids and aliases match,
case-insensitively); kinds combine with AND, values within a kind with OR.
The search text's syntax (words, "phrases", `|` alternatives) is in `search`.
"""

from __future__ import annotations

import functools
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal

import msgspec

from .assessed import AssessmentTable
from .dates import date_bounds, overlaps, sort_key
from .filters import FILTER_KINDS, Exclusion, Filter, FilterKind, Kinds
from .models import Dataset, Event, Quote, Role
from .names import Names, UnknownName
from .narrow import Criteria, events_left, marked_only, narrow
from .ordering import UNDATED, orders, search_text, with_notes
from .search import narrows, parse, select
from .text import search_key
from .views import QuoteView, quote_view

# Filter and UnknownName live in `filters` and `names`; importable from here too.
__all__ = ["Filter", "Index", "Precomputed", "Result", "UnknownName"]

MEMO_SIZE = 64


@dataclass(frozen=True)
class Result:
    """Matching quote, event and assessment indices, each in timeline order
    (quotes and assessments grouped by delegation and speaker or party
    with `Index.run(..., by_speaker=True)`)."""

    quotes: list[int]
    events: list[int]
    assessments: list[int] = field(default_factory=list)
    """Indices into spec.assessments: the articles' words about a party,
    kept apart from the quotes (what a party said)."""


class Precomputed(msgspec.Struct, frozen=True):
    """The slow parts of an Index (search keys, sort orders), for the cache."""

    q_key: list[str]
    quote_order: list[int]
    statement_order: list[int]


class Index:
    """Search keys and lookups over one dataset."""

    def __init__(self, dataset: Dataset, pre: Precomputed | None = None) -> None:
        self.dataset = dataset
        spec = dataset.spec
        self.people = {p.id: p for p in spec.people}
        self.venues = {v.id: v for v in spec.venues}
        self.events = {e.id: e for e in spec.events}
        self.delegations = {d.id: d for d in spec.delegations}
        self.sources = {s.id: s for s in spec.sources}
        self.topics = {t.id: t for t in spec.topics}
        self.names = Names(spec)
        self._build_quotes(spec.quotes, pre)
        self._build_events(spec.events)
        self._memo: OrderedDict[tuple[Filter, bool], Result] = OrderedDict()
        self.marked: dict[str, frozenset[str]] = {}
        """The ids the user marked, per kind ("quote", "assessment",
        "event"): what `Filter.marked` keeps. Set with `set_marked`."""

    def precomputed(self) -> Precomputed:
        return Precomputed(self.q_key, self.quote_order, self.statement_order)

    # -- derived fields -------------------------------------------------
    def quote_date(self, quote: Quote) -> str | None:
        """Its own date, else its event's when it was said at or after the
        event; a statement made before an event has only its own date."""
        if quote.date is not None or quote.said == "before":
            return quote.date
        event = self.events.get(quote.event or "")
        return event.date if event else None

    def quote_venue(self, quote: Quote) -> str | None:
        """Its own venue, else its event's, by the same rule as the date."""
        if quote.venue is not None or quote.said == "before":
            return quote.venue
        event = self.events.get(quote.event or "")
        return event.venue if event else None

    def speaker_title(self, quote: Quote) -> Role | None:
        """The speaker's title as the quote's own article gives it: the
        first of the speaker's roles that lists the quote's source."""
        for role in self.people[quote.speaker].roles:
            if quote.source in role.sources:
                return role
        return None

    def quote_view(self, i: int) -> QuoteView:
        """Quote `i`'s display fields (names, title, date, venue, the
        article's words and where they are), for the panes and the exports."""
        return quote_view(self, i)

    def assessment_date(self, i: int) -> str | None:
        """Assessment `i`'s date: its own, else its event's."""
        return self.assessments.dates[i]

    # -- counts ---------------------------------------------------------
    def count_by(self, kind: FilterKind, quotes: Iterable[int]) -> Counter[str]:
        """How many of `quotes` each value (an id) of `kind` has."""
        if kind == "speaker":
            return Counter(map(self.q_speaker.__getitem__, quotes))
        if kind == "delegation":
            return Counter(map(self.q_delegation.__getitem__, quotes))
        if kind == "source":
            return Counter(map(self.q_source.__getitem__, quotes))
        if kind == "topic":
            of = self.q_topics
            return Counter(t for q in quotes for t in of[q])
        column = self.q_venue if kind == "venue" else self.q_event
        return Counter(v for v in map(column.__getitem__, quotes) if v is not None)

    def facet_counts(self, flt: Filter, kind: FilterKind) -> Counter[str]:
        """Per value of `kind`, how many quotes picking it would show: the
        quotes that pass `flt` without its own `kind` values (kept or
        filtered out), counted."""
        return self.count_by(kind, self.run(flt.without(kind)).quotes)

    def speaker_runs(self, quotes: Iterable[int]) -> list[tuple[str, int]]:
        """(speaker id, count) for each run of one speaker's quotes in
        `quotes` (grouped quotes give one run per speaker). One C-speed pass."""
        return [(s, len(tuple(run))) for s, run in groupby(map(self.q_speaker.__getitem__, quotes))]

    # -- precomputation -------------------------------------------------
    def _build_quotes(self, quotes: Sequence[Quote], pre: Precomputed | None) -> None:
        # Only what the first screen needs is built here; the rest (topics,
        # dates) on first use, so a 100k-quote dataset opens quickly.
        self.q_speaker = [q.speaker for q in quotes]
        delegation_of = {p.id: p.delegation for p in self.dataset.spec.people}
        self.q_delegation = list(map(delegation_of.__getitem__, self.q_speaker))
        self.q_venue = [self.quote_venue(q) for q in quotes]
        self.q_event = [q.event for q in quotes]
        self.q_source = [q.source for q in quotes]
        if pre is not None and len(pre.q_key) == len(quotes):
            self.q_key = pre.q_key
            self.quote_order = pre.quote_order
            self.statement_order = pre.statement_order
            return
        self.q_key = [self._quote_key(q) for q in quotes]
        self._sort_quotes()

    def _sort_quotes(self) -> None:
        self.quote_order, self.statement_order = orders(
            self.dataset.spec,
            self.dataset.quote_anchors,
            self.q_sort,
            self.q_source,
            self.q_speaker,
            self.q_delegation,
        )

    @functools.cached_property
    def q_topics(self) -> list[frozenset[str]]:
        return [frozenset(q.topics) for q in self.dataset.spec.quotes]

    @functools.cached_property
    def q_dates(self) -> list[str | None]:
        return [self.quote_date(q) for q in self.dataset.spec.quotes]

    @functools.cached_property
    def q_sort(self) -> list[tuple[int, int, int]]:
        return [sort_key(d) if d else UNDATED for d in self.q_dates]

    @functools.cached_property
    def q_bounds(self) -> list[tuple[str, str] | None]:
        return [date_bounds(d) if d else None for d in self.q_dates]

    @functools.cached_property
    def assessments(self) -> AssessmentTable:
        """The assessments' filter keys, built on first use."""
        return AssessmentTable(self.dataset, self.people, self.events)

    @functools.cached_property
    def _event_members(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """Per event: who speaks at it (people and quoted speakers), its topics.

        A quote said before its event is about it but was not said there (it
        takes neither the event's date nor its venue): it does not make its
        speaker one who spoke at the event."""
        events = self.dataset.spec.events
        speakers_of: dict[str, set[str]] = {e.id: set(e.people) for e in events}
        topics_of: dict[str, set[str]] = {e.id: set() for e in events}
        for quote in self.dataset.spec.quotes:
            if quote.event in speakers_of and quote.said != "before":
                speakers_of[quote.event].add(quote.speaker)
                topics_of[quote.event].update(quote.topics)
        return (
            [frozenset(speakers_of[e.id]) for e in events],
            [frozenset(topics_of[e.id]) for e in events],
        )

    @functools.cached_property
    def e_sources(self) -> list[frozenset[str]]:
        """Per event, the articles that report it: those of its passages and
        of every quote about it."""
        events = self.dataset.spec.events
        sources_of: dict[str, set[str]] = {e.id: {p.source for p in e.passages} for e in events}
        for quote in self.dataset.spec.quotes:
            if quote.event in sources_of:
                sources_of[quote.event].add(quote.source)
        return [frozenset(sources_of[e.id]) for e in events]

    @property
    def e_speakers(self) -> list[frozenset[str]]:
        return self._event_members[0]

    @property
    def e_topics(self) -> list[frozenset[str]]:
        return self._event_members[1]

    @functools.cached_property
    def q_key_notes(self) -> list[str]:
        """The quotes' search keys with their curator's notes (`Filter.in_notes`)."""
        return with_notes(self.q_key, self.dataset.spec.quotes)

    @functools.cached_property
    def e_key_notes(self) -> list[str]:
        """The events' search keys with their curator's notes."""
        return with_notes(self.e_key, self.dataset.spec.events)

    def _quote_key(self, quote: Quote) -> str:
        event = self.events.get(quote.event or "")
        return search_text(quote.text, self.people[quote.speaker], event)

    def _build_events(self, events: Sequence[Event]) -> None:
        self.e_venue = [e.venue for e in events]
        self.e_delegations = [frozenset(e.delegations) for e in events]
        self.e_bounds = [date_bounds(e.date) for e in events]
        self.e_key = [
            search_key("\n".join([e.title, e.summary, *(p.text for p in e.passages)]))
            for e in events
        ]
        self.event_order = sorted(range(len(events)), key=lambda i: sort_key(events[i].date))
        self.event_pos = {e.id: i for i, e in enumerate(events)}

    # -- names ----------------------------------------------------------
    def resolve(self, kind: FilterKind, value: str) -> frozenset[str]:
        """The ids `value` names (see `Names.resolve`); UnknownName if none."""
        return self.names.resolve(kind, value)

    def _resolve_all(self, kind: FilterKind, values: Iterable[str]) -> frozenset[str] | None:
        values = tuple(values)
        if not values:
            return None
        ids: set[str] = set()
        for value in values:
            ids |= self.resolve(kind, value)
        return frozenset(ids)

    def target(self, ident: str) -> tuple[Literal["quote", "event"], int]:
        """("quote" | "event", index) for an id; UnknownName with close ids."""
        for i, quote in enumerate(self.dataset.spec.quotes):
            if quote.id == ident:
                return ("quote", i)
        for i, event in enumerate(self.dataset.spec.events):
            if event.id == ident:
                return ("event", i)
        import difflib

        ids = [q.id for q in self.dataset.spec.quotes] + list(self.events)
        raise UnknownName("event or quote id", ident, difflib.get_close_matches(ident, ids, n=3))

    def check(self, flt: Filter) -> None:
        """Raise UnknownName for the first filter value, kept or filtered
        out, that names nothing."""
        self._criteria(flt)
        self._criteria(flt.exclude)

    def allows_source(self, flt: Filter, source: str) -> bool:
        """Whether article `source` passes the source filters of `flt` (kept
        ones, if any, name it; none filtered out does)."""
        kept = self._resolve_all("source", flt.sources)
        out = self._resolve_all("source", flt.excluded("source"))
        return (kept is None or source in kept) and (out is None or source not in out)

    def why_empty(self, flt: Filter) -> str:
        """Why nothing passes `flt`: the filters that emptied it, named (see `chips`)."""
        from .chips import why_empty

        return why_empty(self, flt)

    def set_marked(self, marked: Mapping[str, Iterable[str]]) -> None:
        """The ids now marked, per kind. Results kept for "marked only"
        filters are dropped: they answered for the marks as they were."""
        new = {kind: frozenset(ids) for kind, ids in marked.items()}
        if new == self.marked:
            return
        self.marked = new
        for key in [k for k in self._memo if k[0].marked]:
            del self._memo[key]

    # -- evaluation -----------------------------------------------------
    def _criteria(self, flt: Kinds) -> Criteria:
        return {kind: self._resolve_all(kind, flt.values(kind)) for kind in FILTER_KINDS}

    def run(self, flt: Filter, by_speaker: bool = False) -> Result:
        """Quotes and events that pass every active criterion of `flt`.

        Quotes come in timeline order, or grouped by delegation and speaker
        (`statement_order`) with `by_speaker`. Recent results are kept: typing
        one more letter usually scans only what the text before it matched,
        and a backspace finds its result already made.
        """
        key = (flt, by_speaker)
        if key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        quotes, events, assessments = self._narrowest_base(flt, by_speaker)
        result = self._scan(flt, quotes, events, assessments)
        self._memo[key] = result
        if len(self._memo) > MEMO_SIZE:
            self._memo.popitem(last=False)
        return result

    def _narrowest_base(
        self, flt: Filter, by_speaker: bool
    ) -> tuple[list[int], list[int], list[int]]:
        """Where to start scanning: everything, or the smallest earlier result
        for the same filter whose text matches a superset of what this text
        matches (`door` for `door open`, but never `door` for `door | war`)."""
        quotes = self.statement_order if by_speaker else self.quote_order
        events = self.event_order
        table = self.assessments
        assessments = table.grouped if by_speaker else table.order
        query = parse(flt.text)
        if not query:
            return quotes, events, assessments

        def size(q: list[int], e: list[int], a: list[int]) -> int:
            return len(q) + len(e) + len(a)

        for (old, old_by_speaker), result in self._memo.items():
            if (
                old_by_speaker == by_speaker
                and size(result.quotes, result.events, result.assessments)
                < size(quotes, events, assessments)
                and narrows(query, parse(old.text))
                and old.with_text(flt.text) == flt
            ):
                quotes, events, assessments = result.quotes, result.events, result.assessments
        return quotes, events, assessments

    def _scan(
        self, flt: Filter, quotes: list[int], events: list[int], assessments: list[int]
    ) -> Result:
        c = self._criteria(flt)
        out = None if flt.exclude == Exclusion() else self._criteria(flt.exclude)
        query = parse(flt.text)
        lo = date_bounds(flt.date_from)[0] if flt.date_from else None
        hi = date_bounds(flt.date_to)[1] if flt.date_to else None

        quotes = narrow(
            c,
            query,
            lo,
            hi,
            quotes,
            speaker=self.q_speaker,
            delegation=self.q_delegation,
            venue=self.q_venue,
            event=self.q_event,
            source=self.q_source,
            topics=lambda: self.q_topics,
            bounds=lambda: self.q_bounds,
            key=self.q_key_notes if flt.in_notes else self.q_key,
            out=out,
        )
        s, d, v, e, t = c["speaker"], c["delegation"], c["venue"], c["event"], c["topic"]
        a = c["source"]

        if s is not None:
            events = [i for i in events if not self.e_speakers[i].isdisjoint(s)]
        if d is not None:
            events = [i for i in events if not self.e_delegations[i].isdisjoint(d)]
        if v is not None:
            events = [i for i in events if self.e_venue[i] in v]
        if e is not None:
            ids = self.dataset.spec.events
            events = [i for i in events if ids[i].id in e]
        if t is not None:
            events = [i for i in events if not self.e_topics[i].isdisjoint(t)]
        if a is not None:
            events = [i for i in events if not self.e_sources[i].isdisjoint(a)]
        if out is not None:
            events = events_left(self, out, events)
        if lo or hi:
            events = [i for i in events if overlaps(self.e_bounds[i], lo, hi)]
        if query:
            # As for every other criterion, an event passes the text when one
            # of its quotes does (those that passed the filters), or its own
            # title, summary or passages match.
            own = select(query, events, self.e_key_notes if flt.in_notes else self.e_key)
            keep = set(own).union(
                self.event_pos[e] for e in set(map(self.q_event.__getitem__, quotes)) if e
            )
            events = [i for i in events if i in keep]
        assessments = self.assessments.scan(c, query, lo, hi, assessments, flt.in_notes, out)
        if flt.marked:
            quotes, events, assessments = marked_only(self, quotes, events, assessments)
        return Result(list(quotes), list(events), list(assessments))
