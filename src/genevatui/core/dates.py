"""Dates written at year, month or day precision: checking, bounds, display."""

from __future__ import annotations

import calendar
import re
from datetime import date

_FORMS = {  # [0-9], not \d: \d also accepts full-width and other digits
    "year": re.compile(r"[0-9]{4}\Z"),
    "month": re.compile(r"[0-9]{4}-[0-9]{2}\Z"),
    "day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
}
_MONTHS = [calendar.month_abbr[m] for m in range(13)]


def date_precision(text: str) -> str | None:
    """The precision `text` is written at, or None if it is not a date form."""
    for precision, form in _FORMS.items():
        if form.match(text):
            return precision
    return None


def date_problem(text: str) -> str | None:
    """Why `text` is not a valid YYYY / YYYY-MM / YYYY-MM-DD date, or None."""
    if date_precision(text) is None:
        return f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = ([int(p) for p in text.split("-")] + [1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError as exc:
        return f"impossible date {text!r} ({exc})"
    return None


def date_bounds(text: str) -> tuple[str, str]:
    """First and last day covered, as sortable `YYYY-MM-DD` strings.

    `2021-06` covers 2021-06-01..2021-06-30, so a range filter on days can
    include an event known only to the month.
    """
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = parts[1]
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return text, text


def in_order(date_from: str | None, date_to: str | None) -> bool:
    """Whether the range date_from..date_to (valid dates; None: open) can
    hold anything. Each end counts at its own precision: 2022-01..2022-01-10
    is a range; 2022-02..2022-01 holds nothing and is surely a mistake."""
    if not date_from or not date_to:
        return True
    return date_bounds(date_from)[0] <= date_bounds(date_to)[1]


def range_problem(date_from: str | None, date_to: str | None) -> str | None:
    """Why from..to is not a date range (a bad date, or from after to), or None."""
    for end, value in (("From", date_from), ("To", date_to)):
        problem = value and date_problem(value)
        if problem:
            return f"{end}: {problem}"
    if not in_order(date_from, date_to):
        return f"From {date_from} is after To {date_to}"
    return None


def sort_key(text: str) -> tuple[int, int, int]:
    """Timeline order: a month-only date before that month's days, a
    year-only date after that year's months (so it never splits a month)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return (parts[0], 13, 0)
    return (parts[0], parts[1], parts[2] if len(parts) == 3 else 0)


def format_date(text: str | None) -> str:
    """`2022-01-10` -> `10 Jan 2022`, `2021-06` -> `Jun 2021`, `1972` -> `1972`."""
    if not text:
        return ""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return f"{parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1]]} {parts[0]}"
    return f"{parts[2]} {_MONTHS[parts[1]]} {parts[0]}"


def overlaps(bounds: tuple[str, str] | None, lo: str | None, hi: str | None) -> bool:
    """Whether `bounds` (from date_bounds; None: undated) meet the range
    lo..hi (either end open). An undated record is in no range."""
    if bounds is None:
        return False
    return (lo is None or bounds[1] >= lo) and (hi is None or bounds[0] <= hi)
