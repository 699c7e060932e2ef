"""Filter keys of the assessments: the articles' own words about a party.

An assessment is filtered by the same `Filter` as a quote, with its party in
the speaker's place (so a speaker filter finds what the articles say about
that party, listed apart from what the party said). Built once per dataset,
on first use: the keys are flat lists scanned like the quotes' keys, so a
keystroke costs one pass over the assessments that still match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from .dates import date_bounds, sort_key
from .models import Assessment, Dataset, Event, Person
from .narrow import Criteria, narrow
from .search import Query
from .text import search_key


class AssessmentTable:
    """Per assessment: party, delegation, event, venue, topics, date, search key."""

    def __init__(
        self,
        dataset: Dataset,
        people: Mapping[str, Person],
        events: Mapping[str, Event],
    ) -> None:
        spec = dataset.spec
        items = spec.assessments
        self.party = [a.party for a in items]
        self.delegation = [people[p].delegation for p in self.party]
        self.event = [a.event for a in items]
        self.venue = [e.venue if (e := _event_of(events, a)) else None for a in items]
        self.topics = [frozenset(a.topics) for a in items]
        self.dates = [assessment_date(events, a) for a in items]
        self.bounds = [date_bounds(d) if d else None for d in self.dates]
        self.key = [search_key(_search_text(people, events, a)) for a in items]
        self.order, self.grouped = _orders(dataset, self.dates, self.party, self.delegation)

    def scan(
        self, c: Criteria, query: Query, lo: str | None, hi: str | None, items: list[int]
    ) -> list[int]:
        """The `items` that pass the criteria, in their order (as `Index._scan`)."""
        return narrow(
            c,
            query,
            lo,
            hi,
            items,
            speaker=self.party,
            delegation=self.delegation,
            venue=self.venue,
            event=self.event,
            topics=lambda: self.topics,
            bounds=lambda: self.bounds,
            key=self.key,
        )


def _event_of(events: Mapping[str, Event], item: Assessment) -> Event | None:
    return events.get(item.event or "")


def assessment_date(events: Mapping[str, Event], item: Assessment) -> str | None:
    """Its own date, else its event's: the article describes the party's
    position at that occasion."""
    if item.date is not None:
        return item.date
    event = _event_of(events, item)
    return event.date if event else None


def _search_text(people: Mapping[str, Person], events: Mapping[str, Event], a: Assessment) -> str:
    person = people[a.party]
    parts = [a.text, person.name, *person.aliases]
    event = _event_of(events, a)
    if event:
        parts.append(event.title)
    return "\n".join(parts)


def _orders(
    dataset: Dataset, dates: list[str | None], party: list[str], delegation: list[str]
) -> tuple[list[int], list[int]]:
    """Timeline order, and grouped by delegation then party (as the statements
    are); orphans (passages lost when an article changed) are in neither."""
    spec = dataset.spec
    source_rank = {s.id: i for i, s in enumerate(spec.sources)}
    anchors = dataset.assessment_anchors
    placed = [i for i, a in enumerate(anchors) if a.status != "orphan"]
    keys = [sort_key(d) if d else (9999, 99, 99) for d in dates]
    order = sorted(
        placed,
        key=lambda i: (keys[i], source_rank.get(spec.assessments[i].source, 0), anchors[i].start),
    )
    rank = {d.id: i for i, d in enumerate(spec.delegations)}
    per_party = Counter(party)
    position = {a: n for n, a in enumerate(order)}
    grouped = sorted(
        placed,
        key=lambda i: (
            rank.get(delegation[i], len(rank)),
            -per_party[party[i]],
            party[i],
            position[i],
        ),
    )
    return order, grouped
