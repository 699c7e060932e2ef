"""Names to ids: what a filter value (typed on the command line, in a picker
or the palette) stands for, per filter kind.

Names, ids and aliases match ignoring case and accents; part of a name, or
its words in any order, matches when no name does exactly. A value that
names nothing raises UnknownName with close matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from .filters import FilterKind
from .models import DatasetSpec
from .text import search_key


class UnknownName(ValueError):
    """A filter value that names nothing; carries close matches."""

    def __init__(self, kind: str, value: str, suggestions: Sequence[str]) -> None:
        # `kind` is a FilterKind, or "event or quote id" for `Index.target`
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"unknown {kind} {value!r}{hint}")
        self.kind = kind
        self.value = value
        self.suggestions = list(suggestions)


class Names:
    """Per filter kind, every name of every record, folded, to its ids."""

    def __init__(self, spec: DatasetSpec) -> None:
        rows: dict[FilterKind, list[tuple[str, ...]]] = {
            "speaker": [(p.id, p.name, *p.aliases) for p in spec.people],
            "venue": [(v.id, v.name) for v in spec.venues],
            "delegation": [(d.id, d.name, *d.aliases) for d in spec.delegations],
            "topic": [(t.id, t.label) for t in spec.topics],
            "event": [(e.id, e.title) for e in spec.events],
            # an article by id, file name (`004` finds seeds/004_….txt) or title
            "source": [(s.id, PurePosixPath(s.file).name, s.title) for s in spec.sources],
        }
        self._names = {kind: _name_table(r) for kind, r in rows.items()}
        # search key -> a name as written, for "did you mean" suggestions
        self._shown = {
            kind: {search_key(name): name for row in r for name in reversed(row)}
            for kind, r in rows.items()
        }

    def resolve(self, kind: FilterKind, value: str) -> frozenset[str]:
        """The ids `value` names: exact name/id/alias first, else part of a
        name or its words in any order ("talks geneva").

        Raises UnknownName with close matches when nothing fits.
        """
        table = self._names[kind]
        key = search_key(value)
        if key in table:
            return frozenset(table[key])
        if len(key) >= 2:
            words = key.split()
            hits = {i for name, ids in table.items() if all(w in name for w in words) for i in ids}
            if hits:
                return frozenset(hits)
        import difflib  # only on the error path

        close = difflib.get_close_matches(key, list(table), n=3, cutoff=0.6)
        raise UnknownName(kind, value, [self._shown[kind][c] for c in close])


def _name_table(rows: Iterable[tuple[str, ...]]) -> dict[str, set[str]]:
    """search_key(name) -> ids, from rows of (id, name, alias, …)."""
    table: dict[str, set[str]] = {}
    for row in rows:
        for name in row:
            table.setdefault(search_key(name), set()).add(row[0])
    return table
