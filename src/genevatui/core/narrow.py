"""The one filter scan over flat per-record columns, shared by the quotes
(`Index`) and the assessments (`AssessmentTable`): an assessment's party
stands where a quote's speaker does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .dates import overlaps
from .filters import FilterKind
from .search import Query, select

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
) -> list[int]:
    """The `items` that pass every criterion, in their order. Topics and date
    bounds are passed as getters: built on first use, they cost nothing to a
    filter that does not ask for them."""
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
    if lo or hi:
        within = bounds()
        items = [i for i in items if overlaps(within[i], lo, hi)]
    return select(query, items, key)
