"""The one filter scan over flat per-record columns, shared by the quotes
(`Index`) and the assessments (`AssessmentTable`): an assessment's party
stands where a quote's speaker does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .dates import overlaps
from .filters import FilterKind
from .search import Query, select

if TYPE_CHECKING:
    from .query import Index

Criteria = Mapping[FilterKind, frozenset[str] | None]
"""Per kind, the ids a value of the filter names; None: no criterion."""
Bounds = tuple[str, str] | None


def narrow(
    c: Criteria,
    query: Query,
    lo: str | None,
    hi: str | None,
    items: list[int],
    *,
    speaker: Sequence[str],
    delegation: Sequence[str],
    venue: Sequence[str | None],
    event: Sequence[str | None],
    source: Sequence[str],
    topics: Callable[[], Sequence[frozenset[str]]],
    bounds: Callable[[], Sequence[Bounds]],
    key: Sequence[str],
    out: Criteria | None = None,
) -> list[int]:
    """The `items` that pass every criterion and have none of the values
    filtered `out`, in their order. Topics and date bounds are passed as
    getters: built on first use, they cost nothing to a filter that does not
    ask for them."""
    if (s := c["speaker"]) is not None:
        items = [i for i in items if speaker[i] in s]
    if (d := c["delegation"]) is not None:
        items = [i for i in items if delegation[i] in d]
    if (v := c["venue"]) is not None:
        items = [i for i in items if venue[i] in v]
    if (e := c["event"]) is not None:
        items = [i for i in items if event[i] in e]
    if (a := c["source"]) is not None:
        items = [i for i in items if source[i] in a]
    if (t := c["topic"]) is not None:
        of = topics()
        items = [i for i in items if not of[i].isdisjoint(t)]
    if out is not None:
        columns: tuple[tuple[FilterKind, Sequence[str | None]], ...] = (
            ("speaker", speaker),
            ("delegation", delegation),
            ("venue", venue),
            ("event", event),
            ("source", source),
        )
        for kind, column in columns:
            if (hidden := out[kind]) is not None:
                items = [i for i in items if column[i] not in hidden]
        if (hidden := out["topic"]) is not None:
            of = topics()
            # filtered out as lnav's filter-out hides a line: any hidden topic hides it
            items = [i for i in items if of[i].isdisjoint(hidden)]
    if lo or hi:
        within = bounds()
        items = [i for i in items if overlaps(within[i], lo, hi)]
    return select(query, items, key)


def events_left(index: Index, out: Criteria, events: list[int]) -> list[int]:
    """The `events` not filtered `out`. An event gathers many people, topics
    and articles: it is hidden when everything it has of a kind is filtered
    out (a meeting where only hidden delegations met, an event reported only
    by a hidden article), and kept when it has nothing of that kind."""
    ids = index.dataset.spec.events
    sets: tuple[tuple[FilterKind, Sequence[frozenset[str]]], ...] = (
        ("speaker", index.e_speakers),
        ("delegation", index.e_delegations),
        ("topic", index.e_topics),
        ("source", index.e_sources),
    )
    for kind, of in sets:
        if (hidden := out[kind]) is not None:
            events = [i for i in events if not of[i] or not of[i] <= hidden]
    if (hidden := out["venue"]) is not None:
        events = [i for i in events if index.e_venue[i] not in hidden]
    if (hidden := out["event"]) is not None:
        events = [i for i in events if ids[i].id not in hidden]
    return events


def marked_only(
    index: Index, quotes: Iterable[int], events: Iterable[int], assessments: Iterable[int]
) -> tuple[list[int], list[int], list[int]]:
    """Of these, only those the user marked (`Index.marked`). An event is
    kept only when it is marked itself: a marked quote does not bring its
    event along, as lnav's "marked only" keeps exactly the marked lines."""
    spec, none = index.dataset.spec, frozenset[str]()
    q, e, a = (index.marked.get(k, none) for k in ("quote", "event", "assessment"))
    return (
        [i for i in quotes if spec.quotes[i].id in q],
        [i for i in events if spec.events[i].id in e],
        [i for i in assessments if spec.assessments[i].id in a],
    )
