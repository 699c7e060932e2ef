"""Where each record's passages sit in the articles, as the source pane marks them.

Pure: the source pane draws the spans, the main screen asks which article
and which span a record's passage is; neither computes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

from .disagreements import reading_at
from .models import Anchor, Dataset

TargetKind = Literal["quote", "assessment", "event", "reading"]
"""What a record with a passage is."""
Target = tuple[TargetKind, int]
"""A record: its kind and its index in the dataset's list of that kind (a
reading: its flat number across every disagreement, see `reading_at`)."""


@dataclass(frozen=True, slots=True)
class Span:
    """An anchored passage: `text[start:end]`, of record `key` of `kind`."""

    start: int
    end: int
    kind: TargetKind
    key: int


class SpanLike(Protocol):
    """What `SpanIndex` needs of the spans it makes."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> int: ...


S = TypeVar("S", bound=SpanLike)
MakeSpan = Callable[[int, int, TargetKind, int], S]


def anchors_of(dataset: Dataset, target: Target) -> tuple[Anchor, ...]:
    """Every passage of `target` (an event may have several, or none)."""
    kind, key = target
    if kind == "quote":
        return (dataset.quote_anchors[key],)
    if kind == "assessment":
        return (dataset.assessment_anchors[key],)
    if kind == "reading":
        i, j = reading_at(dataset, key)
        return (dataset.reading_anchors[i][j],)
    return dataset.event_anchors[key]


def placed(anchors: Sequence[Anchor]) -> list[Anchor]:
    """The anchors that have a place in their article (not orphans)."""
    return [a for a in anchors if a.status != "orphan"]


class SpanIndex(Generic[S]):
    """Per article, its quotes', assessments' and events' passages by position.

    Built per article on first use: 100,000 quotes make 100,000 spans, but
    an article holds few. `make` builds one span (`Span`, or a widget's own
    span type) from start, end, kind and key.
    """

    def __init__(self, dataset: Dataset, make: MakeSpan[S]) -> None:
        self.dataset = dataset
        self._make = make
        self._spans: dict[str, list[S]] = {}
        self._by_source: dict[str, list[tuple[TargetKind, int, Anchor]]] | None = None

    def _grouped(self) -> dict[str, list[tuple[TargetKind, int, Anchor]]]:
        if self._by_source is None:
            by_source: dict[str, list[tuple[TargetKind, int, Anchor]]] = {}
            dataset = self.dataset
            single: tuple[tuple[TargetKind, tuple[Anchor, ...]], ...] = (
                ("quote", dataset.quote_anchors),
                ("assessment", dataset.assessment_anchors),
            )
            for kind, anchors in single:
                for i, anchor in enumerate(anchors):
                    by_source.setdefault(anchor.source, []).append((kind, i, anchor))
            for i, row in enumerate(dataset.event_anchors):
                for anchor in row:
                    by_source.setdefault(anchor.source, []).append(("event", i, anchor))
            self._by_source = by_source
        return self._by_source

    def of(self, source: str) -> list[S]:
        """The spans of article `source`, by start then end."""
        if source not in self._spans:
            row = [
                self._make(a.start, a.end, kind, i)
                for kind, i, a in self._grouped().get(source, [])
                if a.status != "orphan"  # an orphan has no place to mark
            ]
            row.sort(key=lambda s: (s.start, s.end))
            self._spans[source] = row
        return self._spans[source]

    def spans_for(self, target: Target, anchor: Anchor) -> tuple[list[S], int]:
        """The spans to mark when `target` is shown at `anchor`, and which
        one is `target`'s. A reading is not marked in its article until it
        is the one shown: then its span joins the article's spans."""
        spans = self.of(anchor.source)
        if target[0] != "reading":
            return spans, self.position(target, anchor)
        own = self._make(anchor.start, anchor.end, "reading", target[1])
        row = sorted([*spans, own], key=lambda s: (s.start, s.end))
        return row, row.index(own)

    def position(self, target: Target, anchor: Anchor) -> int:
        """The index of `target`'s span at `anchor` among its article's
        spans, or -1 when it has none there."""
        kind, key = target
        for n, span in enumerate(self.of(anchor.source)):
            if (span.kind, span.key, span.start) == (kind, key, anchor.start):
                return n
        return -1
