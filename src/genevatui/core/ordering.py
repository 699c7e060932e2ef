"""The two orders and the search key shared by quotes and assessments, so
the statements pane lists both the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from .models import Anchor, DatasetSpec, Event, Person
from .text import search_key

UNDATED = (9999, 99, 99)  # sort keys of undated records: after every date


def orders(
    spec: DatasetSpec,
    anchors: Sequence[Anchor],
    sort_keys: Sequence[tuple[int, int, int]],
    sources: Sequence[str],
    speakers: Sequence[str],
    delegations: Sequence[str],
) -> tuple[list[int], list[int]]:
    """(timeline order, grouped order) of records with these columns.

    Timeline: by date, then article, then place in the article. Grouped: by
    delegation (dataset order), then speaker (most records first), then
    time: the statements pane's order, computed once so a filter keeps it by
    scanning this list instead of re-sorting. Orphans (passages lost when an
    article changed) are in neither: nothing lists them but the orphans
    view, so they are never shown at a wrong place.
    """
    source_rank = {s.id: i for i, s in enumerate(spec.sources)}
    placed = [i for i, a in enumerate(anchors) if a.status != "orphan"]
    timeline = sorted(
        placed, key=lambda i: (sort_keys[i], source_rank.get(sources[i], 0), anchors[i].start)
    )
    delegation_rank = {d.id: i for i, d in enumerate(spec.delegations)}
    per_speaker = Counter(speakers)
    position = {q: n for n, q in enumerate(timeline)}
    grouped = sorted(
        placed,
        key=lambda i: (
            delegation_rank.get(delegations[i], len(delegation_rank)),
            -per_speaker[speakers[i]],
            speakers[i],
            position[i],
        ),
    )
    return timeline, grouped


def search_text(text: str, person: Person, event: Event | None) -> str:
    """What a text search looks in: the words, who they are by or about (name
    and aliases), and the event's title."""
    parts = [text, person.name, *person.aliases]
    if event is not None:
        parts.append(event.title)
    return search_key("\n".join(parts))


class _Noted(Protocol):
    @property
    def note(self) -> str | None: ...


def with_notes(keys: Sequence[str], records: Sequence[_Noted]) -> list[str]:
    """`keys` (one per record) with each record's curator's note added: what
    a text search looks in with `Filter.in_notes`."""
    return [
        f"{k}\n{search_key(r.note)}" if r.note else k for k, r in zip(keys, records, strict=True)
    ]
