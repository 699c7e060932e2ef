"""What the user asked for: the `Filter`, and the one table of filter kinds.

A filter kind ("speaker", "venue", ...) is a `FilterKind`, never a bare
string: `KIND_FIELDS` is the only place a kind is mapped to its `Filter`
field, and the kind itself is the label shown for it (on a chip, in a
picker's title, in "unknown speaker 'x'"). A misspelt kind is a type error
for mypy, and `filter_kind` refuses one that arrives as text at run time
(an action string, a script) instead of quietly filtering something else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Self, get_args

import msgspec

FilterKind = Literal["speaker", "venue", "delegation", "topic", "event", "source"]
"""A kind of named thing the filter can hold; each is also its display label."""

FILTER_KINDS: tuple[FilterKind, ...] = get_args(FilterKind)

KIND_FIELDS: dict[FilterKind, str] = {
    "speaker": "speakers",
    "venue": "venues",
    "delegation": "delegations",
    "topic": "topics",
    "event": "events",
    "source": "sources",
}
"""The `Filter` field that holds each kind's values: the one such mapping."""


class UnknownKind(ValueError):
    """A filter kind that is not a `FilterKind` (a misspelling)."""


def filter_kind(name: str) -> FilterKind:
    """`name` as a FilterKind; UnknownKind when it is none."""
    for kind in FILTER_KINDS:
        if kind == name:
            return kind
    raise UnknownKind(f"unknown filter kind {name!r}; choose from {', '.join(FILTER_KINDS)}")


class Kinds(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Values per filter kind: names as typed (resolved by Index)."""

    speakers: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()
    delegations: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    """Articles, by id, file name or words of the title."""

    def values(self, kind: FilterKind) -> tuple[str, ...]:
        """The values of `kind` (its names as typed)."""
        result: tuple[str, ...] = getattr(self, KIND_FIELDS[filter_kind(kind)])
        return result

    def with_values(self, kind: FilterKind, values: Iterable[str]) -> Self:
        """This with the values of `kind` replaced by `values`."""
        field = KIND_FIELDS[filter_kind(kind)]
        return msgspec.structs.replace(self, **{field: tuple(values)})


class Exclusion(Kinds, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What is filtered out (lnav's filter-out): a record that has one of
    these values is hidden, whatever else it matches."""


class Filter(Kinds, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the user asked for. Values are names as typed (resolved by Index);
    kinds combine with AND, values of a kind with OR, and `exclude` hides
    whatever has one of its values."""

    text: str = ""
    in_notes: bool = False
    """Whether `text` is also looked for in the curator's notes (of quotes,
    assessments and events), not only in the records' own words."""
    date_from: str | None = None
    date_to: str | None = None
    exclude: Exclusion = msgspec.field(default_factory=Exclusion)
    """Values filtered out, per kind."""
    marked: bool = False
    """Only what the user marked (issue 11 §2): the marked ids are the
    Index's (`Index.set_marked`), not the filter's, so a saved session
    keeps "marked only" and sees the marks as they are now."""

    @property
    def is_empty(self) -> bool:
        return self == Filter()

    def adding(self, kind: FilterKind, values: Iterable[str]) -> Filter:
        """This filter with `values` added to those of `kind` (no repeats)."""
        return self.with_values(kind, dict.fromkeys((*self.values(kind), *values)))

    def with_text(self, text: str) -> Filter:
        """This filter with its search text replaced by `text`."""
        return msgspec.structs.replace(self, text=text)

    def excluded(self, kind: FilterKind) -> tuple[str, ...]:
        """The values of `kind` filtered out."""
        return self.exclude.values(kind)

    def excluding(self, kind: FilterKind, values: Iterable[str]) -> Filter:
        """This filter with the values of `kind` filtered out replaced by `values`."""
        return msgspec.structs.replace(self, exclude=self.exclude.with_values(kind, values))

    def without(self, kind: FilterKind) -> Filter:
        """This filter with no value of `kind`, kept or filtered out."""
        return self.with_values(kind, ()).excluding(kind, ())

    def with_marked(self, marked: bool) -> Filter:
        """This filter keeping only what is marked, or not."""
        return msgspec.structs.replace(self, marked=marked)

    def with_dates(self, date_from: str | None, date_to: str | None) -> Filter:
        """This filter with its date range replaced (None: that end open)."""
        return msgspec.structs.replace(self, date_from=date_from, date_to=date_to)
