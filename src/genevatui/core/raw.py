"""Reading the plain YAML data defensively, for the cross-record checks.

The checks run beside the shape check, on data that may be wrong anywhere:
a section may be a string, a record a number, a field a list. These helpers
yield only what has the type a check needs, and skip the rest (the shape
check reports it), so each problem is reported once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .dates import date_problem
from .problems import Path, did_you_mean

Report = Callable[[Path, str], None]
Record = dict[str, Any]


def records(data: Record, section: str) -> list[tuple[int, Record]]:
    """(index, record) of each mapping in the list `data[section]`."""
    value = data.get(section)
    if not isinstance(value, list | tuple):  # tuples: a DatasetSpec's to_builtins
        return []
    return [(i, r) for i, r in enumerate(value) if isinstance(r, dict)]


def text(record: Record, field: str) -> str | None:
    """`record[field]` if it is a string."""
    value = record.get(field)
    return value if isinstance(value, str) else None


def texts(record: Record, field: str) -> list[tuple[int, str]]:
    """(index, string) of each string in the list `record[field]`."""
    value = record.get(field)
    if not isinstance(value, list | tuple):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def check_date(path: Path, date: str | None, report: Report) -> None:
    """Report a date (when given) not written YYYY, YYYY-MM or YYYY-MM-DD."""
    problem = date_problem(date) if date is not None else None
    if problem:
        report(path, problem)


@dataclass(frozen=True)
class Refs:
    """The ids of every section, and the reporting of references to them."""

    ids: dict[str, set[str]]
    report: Report

    def one(self, path: Path, section: str, value: str | None) -> None:
        """Report `value` (when given) if no record of `section` has that id."""
        if value is not None and value not in self.ids[section]:
            known = self.ids[section]
            self.report(path, f"unknown {section} id {value!r}{did_you_mean(value, known)}")

    def many(self, path: Path, section: str, values: Iterable[tuple[int, str]]) -> None:
        for i, value in values:
            self.one((*path, i), section, value)
