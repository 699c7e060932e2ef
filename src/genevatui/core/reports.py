"""The articles that report a record, for stepping through them (`<`/`>`).

An event reported by several articles has a passage in each; a statement
reported by several articles is one quote per article, linked by
`same_as`. Either way the reader wants "article 2 of 5" and the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Anchor, Dataset
from .spans import Target, anchors_of, placed


@dataclass(frozen=True, slots=True)
class Report:
    """One article's passage for a record: `target` (the record, or for a
    quote one of its `same_as` partners) at `anchor` in `anchor.source`."""

    target: Target
    anchor: Anchor


class Reports:
    """The articles reporting each record, one report per article."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._quote_pos: dict[str, int] | None = None
        self._source_pos = {s.id: n for n, s in enumerate(dataset.spec.sources)}

    def _quote(self, ident: str) -> int | None:
        if self._quote_pos is None:  # built on first use: most records have no partner
            self._quote_pos = {q.id: i for i, q in enumerate(self.dataset.spec.quotes)}
        return self._quote_pos.get(ident)

    def of(self, target: Target) -> list[Report]:
        """The placed passages reporting `target`, at most one per article
        (its first there). An event's are in the order of its passages; a
        quote's and its partners' in the order of the sources, so the list
        (and "article 2 of 5") is the same from every partner. An orphan
        is reported nowhere."""
        if target[0] != "quote":
            return _one_per_article(
                [Report(target, a) for a in placed(anchors_of(self.dataset, target))]
            )
        reports = [
            Report(("quote", i), a)
            for i in sorted(self._partners(target[1]))
            for a in placed(anchors_of(self.dataset, ("quote", i)))
        ]
        # By article; within one, the quote's own passage before a partner's.
        last = len(self._source_pos)
        reports.sort(
            key=lambda r: (self._source_pos.get(r.anchor.source, last), r.target != target)
        )
        return _one_per_article(reports)

    def _partners(self, start: int) -> set[int]:
        """Quote `start` and every quote linked to it by `same_as`, directly
        or through another (a curator may link A to B and B to C only)."""
        quotes = self.dataset.spec.quotes
        seen = {start}
        todo = [start]
        while todo:
            for ident in quotes[todo.pop()].same_as:
                other = self._quote(ident)
                if other is not None and other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen


def position(reports: list[Report], target: Target, source: str | None = None) -> int:
    """Which of `reports` is `target`'s own in article `source`, else its
    first; -1 when `target` has none (an orphan, shown nowhere)."""
    mine = [n for n, report in enumerate(reports) if report.target == target]
    there = [n for n in mine if reports[n].anchor.source == source]
    return (there or mine or [-1])[0]


def _one_per_article(reports: list[Report]) -> list[Report]:
    seen: set[str] = set()
    out = []
    for report in reports:
        if report.anchor.source not in seen:
            seen.add(report.anchor.source)
            out.append(report)
    return out
