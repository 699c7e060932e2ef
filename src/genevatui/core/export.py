"""Export: the quotes (and events, assessments) passing a filter, as text.

`export(dataset, fmt, flt)` returns the whole export as a string; the
writers themselves (one registry, each writing to a stream) are in
`writers`, the records they share in `records`. The JSON shape is a stable
interface for scripts (see the README): keys may be added, existing ones
never change meaning.
"""

from __future__ import annotations

import io

from .brief import GroupBy
from .cite_text import md_escape
from .filters import Filter
from .models import Dataset
from .query import Index
from .records import (
    UserNotes,
    assessment_record,
    concerned_disagreements,
    disagreement_record,
    quote_record,
    to_document,
)
from .writers import CSV_FIELDS, FORMATS, write

__all__ = [
    "CSV_FIELDS",
    "FORMATS",
    "assessment_record",
    "concerned_disagreements",
    "disagreement_record",
    "export",
    "md_escape",
    "quote_record",
    "to_document",
]


def export(
    dataset: Dataset,
    fmt: str,
    flt: Filter | None = None,
    index: Index | None = None,
    *,
    group_by: GroupBy = "event",
    user_notes: UserNotes | None = None,
    cite_events: bool = False,
) -> str:
    """Render the quotes (and events) passing `flt` in format `fmt` (a name
    of `FORMATS`, or a file name whose extension chooses one); see
    `writers.write` for `user_notes` and `cite_events`."""
    index = index or Index(dataset)
    out = io.StringIO()
    result = index.run(flt or Filter())
    write(index, result, fmt, out, group_by=group_by, user_notes=user_notes,
          cite_events=cite_events)  # fmt: skip
    return out.getvalue()
