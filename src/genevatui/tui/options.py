"""What a picker offers: every entity of a kind, with its count."""

from __future__ import annotations

from ..core.filters import Filter, FilterKind
from ..core.query import Index
from .widgets.picker_list import Option


def picker_options(index: Index, flt: Filter, kind: FilterKind) -> list[Option]:
    """Every entity of `kind`, with how many quotes it has under the other
    active filters of `flt` (so the count is what picking it would show)."""
    counts = index.facet_counts(flt, kind)
    spec = index.dataset.spec
    if kind == "speaker":
        return [Option(p.name, _label(p.name, p.aliases), counts[p.id], p.id) for p in spec.people]
    if kind == "venue":
        return [Option(v.name, v.name, counts[v.id], v.id) for v in spec.venues]
    if kind == "delegation":
        return [
            Option(d.name, _label(d.name, d.aliases), counts[d.id], d.id) for d in spec.delegations
        ]
    if kind == "topic":
        return [Option(t.id, f"{t.label} ({t.id})", counts[t.id], t.id) for t in spec.topics]
    if kind == "source":
        return [Option(s.id, s.title, counts[s.id], s.id) for s in spec.sources]
    return [Option(e.id, e.title, counts[e.id], e.id) for e in spec.events]


def _label(name: str, aliases: tuple[str, ...]) -> str:
    return f"{name} ({', '.join(aliases)})" if aliases else name
