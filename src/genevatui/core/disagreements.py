"""Disagreements between articles, as the records they concern reach them.

A reading (one article's version of a disputed fact) is a record with a
passage like a quote: it is numbered flat, across every disagreement in
order, so it can be a `Target` ("reading", n) for the source pane, the
jump history and any view that lists readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .models import Anchor, Dataset, Disagreement, Reading

Concerned = Literal["quote", "assessment", "event", "reading"]


def reading_at(dataset: Dataset, flat: int) -> tuple[int, int]:
    """(disagreement index, reading index) of flat reading number `flat`;
    IndexError when there is no such reading."""
    if flat >= 0:
        for i, anchors in enumerate(dataset.reading_anchors):
            if flat < len(anchors):
                return i, flat
            flat -= len(anchors)
    raise IndexError("no such reading")


def first_reading(dataset: Dataset, disagreement: int) -> int:
    """The flat number of the first reading of `disagreement`."""
    return sum(len(row) for row in dataset.reading_anchors[:disagreement])


@dataclass(frozen=True, slots=True)
class ReadingView:
    """One reading as a list shows it: where it is and what it says."""

    flat: int
    """Its number as a ("reading", flat) target."""
    disagreement: Disagreement
    reading: Reading
    anchor: Anchor
    text: str
    """The article's own words at the anchor (empty for an orphan)."""


def readings_of(dataset: Dataset, disagreement: int) -> list[ReadingView]:
    """The readings of `disagreement`, each with its place and its words."""
    item = dataset.spec.disagreements[disagreement]
    first = first_reading(dataset, disagreement)
    anchors = dataset.reading_anchors[disagreement]
    return [
        ReadingView(
            flat=first + j,
            disagreement=item,
            reading=reading,
            anchor=anchor,
            text=dataset.words(anchor),
        )
        for j, (reading, anchor) in enumerate(zip(item.readings, anchors, strict=True))
    ]


def concerning(dataset: Dataset, kind: Concerned, key: int) -> list[int]:
    """The disagreements (indices, in dataset order) about record `key` of
    `kind`: a quote they name (or one of its `same_as` partners), or whose
    speaker they name (`_about_person`); an event they name; an assessment
    whose party they name (likewise); and a reading's own.

    A disagreement naming no record concerns nothing in particular: it is
    not attached to every record (a view of all disagreements lists it).
    """
    spec = dataset.spec
    if kind == "reading":
        return [reading_at(dataset, key)[0]]
    if kind == "quote":
        quote = spec.quotes[key]
        # Its `same_as` partners report the same words: a dispute about
        # them is about this quote too.
        ids = {quote.id, *quote.same_as}
        return [
            i
            for i, d in enumerate(spec.disagreements)
            if not ids.isdisjoint(d.quotes) or _about_person(d, quote.speaker, quote.event)
        ]
    if kind == "assessment":
        item = spec.assessments[key]
        return [
            i for i, d in enumerate(spec.disagreements) if _about_person(d, item.party, item.event)
        ]
    event = spec.events[key].id
    return [i for i, d in enumerate(spec.disagreements) if event in d.events]


def _about_person(d: Disagreement, person: str, event: str | None) -> bool:
    """Whether `d` is about `person` as they speak at `event`: it names them,
    and either names no event (their title, the spelling of their name:
    true of everything they say) or names this one ("who headed the
    delegation in Geneva" is not about what they said elsewhere)."""
    return person in d.people and (not d.events or event in d.events)


def articles_in(dataset: Dataset, disagreement: int) -> int:
    """How many articles the readings of `disagreement` come from."""
    return len({r.source for r in dataset.spec.disagreements[disagreement].readings})


def who_differs(dataset: Dataset, disagreement: int) -> str:
    """ "3 articles disagree", or "2 passages of one article differ" when its
    readings all come from one article (the screen and citations say the same)."""
    articles = articles_in(dataset, disagreement)
    if articles > 1:
        return f"{articles} articles disagree"
    readings = len(dataset.spec.disagreements[disagreement].readings)
    return f"{readings} passages of one article differ"
