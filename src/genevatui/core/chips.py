"""A filter in words: its chips (names, not slugs) and why it matches nothing.

The filter bar draws `chips`; the empty panes say `why_empty`. Both name
what a value stands for in the dataset ("Missile deployment", not
`missile-deployment`; a source by its number, `004`), and show a value that
names nothing as it was typed. Every value is made safe to print (`shown`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import date_problem, format_date
from .filters import FILTER_KINDS, Filter, FilterKind
from .names import UnknownName
from .text import shown
from .views import source_tag

if TYPE_CHECKING:
    from .query import Index


@dataclass(frozen=True, slots=True)
class Chip:
    """One active filter value: `kind` ("speaker", …, "date", "text") and its
    `value` as the reader knows it; `negated` when it is filtered out."""

    kind: str
    value: str
    negated: bool = False

    @property
    def label(self) -> str:
        """ "speaker", or "not speaker" for a value filtered out."""
        return f"not {self.kind}" if self.negated else self.kind

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}"


def display_name(index: Index, kind: FilterKind, value: str) -> str:
    """What `value` (as typed) names, as the reader knows it: the one
    entity's name, else the value as typed (it names several, or nothing)."""
    try:
        ids = index.resolve(kind, value)
    except UnknownName:
        return shown(value)
    if len(ids) != 1:
        return shown(value)
    (ident,) = ids
    if kind == "speaker":
        return index.people[ident].name
    if kind == "venue":
        return index.venues[ident].name
    if kind == "delegation":
        return index.delegations[ident].name
    if kind == "topic":
        return index.topics[ident].label
    if kind == "event":
        return index.events[ident].title
    return source_tag(index.sources[ident])


def date_range_text(date_from: str | None, date_to: str | None) -> str:
    """`1 Dec 2021 – 13 Jan 2022`, `from Dec 2021`, `to 2022`, `1972`."""

    def one(text: str) -> str:
        return shown(text) if date_problem(text) else format_date(text)

    if date_from and date_to:
        if date_from == date_to:
            return one(date_from)
        return f"{one(date_from)} – {one(date_to)}"
    if date_from:
        return f"from {one(date_from)}"
    return f"to {one(date_to)}" if date_to else ""


def chips(index: Index, flt: Filter) -> list[Chip]:
    """The active filter, one chip per value: kinds in their fixed order,
    each kept value, then each value filtered out; then the dates and text."""
    result: list[Chip] = []
    for kind in FILTER_KINDS:
        result += [Chip(kind, display_name(index, kind, v)) for v in flt.values(kind)]
        result += [Chip(kind, display_name(index, kind, v), True) for v in flt.excluded(kind)]
    if flt.date_from or flt.date_to:
        result.append(Chip("date", date_range_text(flt.date_from, flt.date_to)))
    if flt.text:
        # "text (+notes)": the words are looked for in the curator's notes too
        result.append(Chip("text (+notes)" if flt.in_notes else "text", shown(flt.text)))
    if flt.marked:
        result.append(Chip("marked", "only"))
    return result


@dataclass(frozen=True, slots=True)
class Part:
    """One criterion of a filter (a kind's values, ORed; its values filtered
    out; the dates; the text): its `label`, its `name` in full, and the
    filter `without` it."""

    label: str
    name: str
    without: Filter


def parts(index: Index, flt: Filter) -> Iterator[Part]:
    """The criteria of `flt`, in chip order: removing one widens the result."""
    for kind in FILTER_KINDS:
        for negated, values in ((False, flt.values(kind)), (True, flt.excluded(kind))):
            if values:
                label = f"not {kind}" if negated else kind
                names = " or ".join(display_name(index, kind, v) for v in values)
                rest = flt.excluding(kind, ()) if negated else flt.with_values(kind, ())
                yield Part(label, f"{label} {names}", rest)
    if flt.date_from or flt.date_to:
        name = f"date {date_range_text(flt.date_from, flt.date_to)}"
        yield Part("date", name, flt.with_dates(None, None))
    if flt.text:
        yield Part("text", f"text “{shown(flt.text)}”", flt.with_text(""))
    if flt.marked:
        yield Part("marked", "marked only", flt.with_marked(False))


def statement_count(index: Index, flt: Filter) -> int:
    """How many statements (quotes and assessments) pass `flt`."""
    result = index.run(flt, by_speaker=True)
    return len(result.quotes) + len(result.assessments)


def why_empty(index: Index, flt: Filter) -> str:
    """One sentence for a pane with nothing in it: every criterion of `flt`
    by name, and those whose removal alone would give statements, with how
    many (`No statement matches speaker Wendy Sherman + date 1972; without
    date: 3.`)."""
    found = list(parts(index, flt))
    if not found:
        return "The dataset has no statements."
    if flt.marked and not any(index.marked.values()):
        return "Nothing is marked yet: m marks the selected statement or event."
    head = "No statement matches " + " + ".join(p.name for p in found)
    if len(found) == 1:
        return f"{head}. x clears it."
    widen = [(p.label, n) for p in found if (n := statement_count(index, p.without))]
    if not widen:
        return f"{head}; removing any one of them still leaves none. x clears every filter."
    without = ", ".join(f"without {label}: {n}" for label, n in widen)
    return f"{head}; {without}. x clears every filter."
