"""Filter keys of the assessments: the articles' own words about a party.

An assessment is filtered by the same `Filter` as a quote, with its party in
the speaker's place (so a speaker filter finds what the articles say about
that party, listed apart from what the party said). Built once per dataset,
on first use: the keys are flat lists scanned like the quotes' keys, so a
keystroke costs one pass over the assessments that still match.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from .dates import date_bounds, sort_key
from .models import Assessment, Dataset, Event, Person
from .narrow import Criteria, narrow
from .ordering import UNDATED, orders, search_text, with_notes
from .search import Query


class AssessmentTable:
    """Per assessment: party, delegation, event, source, venue, topics, date, search key."""

    def __init__(
        self,
        dataset: Dataset,
        people: Mapping[str, Person],
        events: Mapping[str, Event],
    ) -> None:
        spec = dataset.spec
        self.items = items = spec.assessments
        self.party = [a.party for a in items]
        self.delegation = [people[p].delegation for p in self.party]
        self.event = [a.event for a in items]
        self.source = [a.source for a in items]
        self.venue = [e.venue if (e := _event_of(events, a)) else None for a in items]
        self.topics = [frozenset(a.topics) for a in items]
        self.dates = [assessment_date(events, a) for a in items]
        self.bounds = [date_bounds(d) if d else None for d in self.dates]
        self.key = [search_text(a.text, people[a.party], _event_of(events, a)) for a in items]
        self.order, self.grouped = orders(
            spec,
            dataset.assessment_anchors,
            [sort_key(d) if d else UNDATED for d in self.dates],
            self.source,
            self.party,
            self.delegation,
        )

    @functools.cached_property
    def key_notes(self) -> list[str]:
        """The search keys with each assessment's curator's note."""
        return with_notes(self.key, self.items)

    def scan(
        self,
        c: Criteria,
        query: Query,
        lo: str | None,
        hi: str | None,
        items: list[int],
        in_notes: bool = False,
        out: Criteria | None = None,
    ) -> list[int]:
        """The `items` that pass the criteria and have nothing filtered `out`,
        in their order (as `Index._scan`); `in_notes`: the text is looked for
        in the curator's notes too."""
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
            source=self.source,
            topics=lambda: self.topics,
            bounds=lambda: self.bounds,
            key=self.key_notes if in_notes else self.key,
            out=out,
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
