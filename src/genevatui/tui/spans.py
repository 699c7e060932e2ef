"""The anchored passages of each article, as the source pane marks them."""

from __future__ import annotations

from ..core.models import Anchor, Dataset
from .widgets.source_view import Span


class SpanIndex:
    """Per article, its quotes', assessments' and events' passages by position.

    Built per article on first use: 100,000 quotes make 100,000 spans, but
    an article holds few.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._spans: dict[str, list[Span]] = {}
        self._by_source: dict[str, list[tuple[str, int, Anchor]]] | None = None

    def _grouped(self) -> dict[str, list[tuple[str, int, Anchor]]]:
        if self._by_source is None:
            by_source: dict[str, list[tuple[str, int, Anchor]]] = {}
            dataset = self.dataset
            for kind, anchors in (
                ("quote", dataset.quote_anchors),
                ("assessment", dataset.assessment_anchors),
            ):
                for i, anchor in enumerate(anchors):
                    by_source.setdefault(anchor.source, []).append((kind, i, anchor))
            for i, row in enumerate(dataset.event_anchors):
                for anchor in row:
                    by_source.setdefault(anchor.source, []).append(("event", i, anchor))
            self._by_source = by_source
        return self._by_source

    def of(self, source: str) -> list[Span]:
        """The spans of article `source`, by start then end."""
        if source not in self._spans:
            row = [
                Span(a.start, a.end, kind, i)
                for kind, i, a in self._grouped().get(source, [])
                if a.status != "orphan"  # an orphan has no place to mark
            ]
            row.sort(key=lambda s: (s.start, s.end))
            self._spans[source] = row
        return self._spans[source]
