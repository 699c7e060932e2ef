"""The dialogs that change the filter: a picker of one kind's values (kept,
or hidden with `-`) and the date range. Each is built from the filter it
opens on and hands the filter it makes to `apply`; cancelled, nothing.

The screens are imported on first use, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import App

from ...core.filters import Filter, FilterKind
from ...core.query import Index
from ..options import picker_options

Apply = Callable[[Filter], None]


def pick_values(
    app: App[object], index: Index, flt: Filter, kind: FilterKind, apply: Apply
) -> None:
    """The picker of `kind`: its ticked values kept, its hidden ones out."""
    from .picker import Picked, PickerScreen

    def done(picked: Picked | None) -> None:
        if picked is not None:
            apply(flt.with_values(kind, picked.kept).excluding(kind, picked.hidden))

    picker = PickerScreen(
        kind,
        picker_options(index, flt, kind),
        set(flt.values(kind)),
        partial(index.resolve, kind),
        set(flt.excluded(kind)),
    )
    app.push_screen(picker, done)


def pick_dates(app: App[object], flt: Filter, apply: Apply) -> None:
    """The date range dialog, on the filter's range."""
    from .date_range import DateRange, DateRangeScreen

    def done(dates: DateRange | None) -> None:
        if dates is not None:
            apply(flt.with_dates(*dates))

    app.push_screen(DateRangeScreen(flt.date_from, flt.date_to), done)
