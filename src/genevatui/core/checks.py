"""Checks across records: unique ids, references, dates.

They run on the plain YAML data, beside the shape check rather than after it,
so that every problem is reported at once: a record with a bad `kind` or a
missing `text` still has its id, references and dates checked, as far as the
fields they read have the right type (a field of the wrong type is the shape
check's to report). They see the file's own text, before control characters
are stripped for display: an id holding U+202E is refused, not silently
changed into another. Every problem goes to `report(path, message)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from .dates import date_precision, date_problem
from .models import DatasetSpec
from .problems import Path, did_you_mean

Report = Callable[[Path, str], None]

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SHA_RE = re.compile(r"[0-9a-fA-F]{64}\Z")
SECTIONS = (
    "topics",
    "delegations",
    "sources",
    "people",
    "venues",
    "events",
    "quotes",
    "assessments",
    "disagreements",
)
_PRECISIONS = ("year", "month", "day")

Record = dict[str, Any]


def check_spec(spec: DatasetSpec, report: Report) -> None:
    """Report duplicate or malformed ids, dangling references and bad dates."""
    check_data(msgspec.to_builtins(spec), report)


def _records(data: Record, section: str) -> list[tuple[int, Record]]:
    value = data.get(section)
    if not isinstance(value, list | tuple):  # tuples: a DatasetSpec's to_builtins
        return []
    return [(i, r) for i, r in enumerate(value) if isinstance(r, dict)]


def _text(record: Record, field: str) -> str | None:
    value = record.get(field)
    return value if isinstance(value, str) else None


def _texts(record: Record, field: str) -> list[tuple[int, str]]:
    value = record.get(field)
    if not isinstance(value, list | tuple):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def check_data(data: Any, report: Report) -> None:
    """Check ids, references and dates of every record well-formed enough."""
    if not isinstance(data, dict):
        return
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        report(("version",), f"unsupported version {version} (this program reads 1)")
    ids = {section: _check_ids(section, _records(data, section), report) for section in SECTIONS}

    def ref(path: Path, section: str, value: str | None) -> None:
        if value is not None and value not in ids[section]:
            report(path, f"unknown {section} id {value!r}{did_you_mean(value, ids[section])}")

    def refs(path: Path, section: str, values: Iterable[tuple[int, str]]) -> None:
        for i, value in values:
            ref((*path, i), section, value)

    for i, source in _records(data, "sources"):
        sha = _text(source, "sha256")
        if sha is not None and not SHA_RE.match(sha):
            report(("sources", i, "sha256"), "sha256 must be 64 hexadecimal digits")
    for i, person in _records(data, "people"):
        ref(("people", i, "delegation"), "delegations", _text(person, "delegation"))
        for j, role in _records(person, "roles"):
            refs(("people", i, "roles", j, "sources"), "sources", _texts(role, "sources"))
    for i, event in _records(data, "events"):
        here: Path = ("events", i)
        ref((*here, "venue"), "venues", _text(event, "venue"))
        refs((*here, "delegations"), "delegations", _texts(event, "delegations"))
        refs((*here, "people"), "people", _texts(event, "people"))
        for j, passage in _records(event, "passages"):
            ref((*here, "passages", j, "source"), "sources", _text(passage, "source"))
        _check_date(here, _text(event, "date"), event.get("precision"), report)
    for i, quote in _records(data, "quotes"):
        here = ("quotes", i)
        ref((*here, "speaker"), "people", _text(quote, "speaker"))
        ref((*here, "source"), "sources", _text(quote, "source"))
        ref((*here, "event"), "events", _text(quote, "event"))
        ref((*here, "venue"), "venues", _text(quote, "venue"))
        refs((*here, "topics"), "topics", _texts(quote, "topics"))
        _check_date(here, _text(quote, "date"), None, report)


def _check_date(here: Path, date: str | None, precision: Any, report: Report) -> None:
    """A date's form and, for an event, that its precision agrees with it."""
    if date is None:
        return
    problem = date_problem(date)
    if problem:
        report((*here, "date"), problem)
    elif precision in _PRECISIONS and date_precision(date) != precision:
        report(
            (*here, "precision"),
            f"precision {precision!r} contradicts date {date!r} "
            f"(written at {date_precision(date)} precision)",
        )


def _check_ids(section: str, records: list[tuple[int, Record]], report: Report) -> set[str]:
    seen: dict[str, int] = {}
    for i, record in records:
        value = _text(record, "id")
        if value is None:
            continue
        path: Path = (section, i, "id")
        if not value.isprintable():
            hidden = next(f"U+{ord(c):04X}" for c in value if not c.isprintable())
            report(path, f"id {value!r} holds an invisible or control character ({hidden})")
        elif not ID_RE.match(value):
            report(path, f"id {value!r} must be lower-case letters, digits and single dashes")
        if value in seen:
            report(path, f"duplicate id {value!r} (first used by {section}[{seen[value]}])")
        else:
            seen[value] = i
    return set(seen)
