"""Checks across records: unique ids, references, dates (and, in
`checks_links`, assessments, disagreements, quote links, bibliography).

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
from typing import Any

import msgspec

from . import checks_links
from .dates import date_precision, date_problem
from .models import DatasetSpec
from .problems import Path
from .raw import Record, Refs, Report, records, text, texts

__all__ = ["ID_RE", "SECTIONS", "Report", "check_data", "check_spec"]

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


def check_spec(spec: DatasetSpec, report: Report, quote_ids: set[str] | None = None) -> None:
    """Report duplicate or malformed ids, dangling references and bad dates.

    `quote_ids`, when given, stands for the quotes' ids (the cache checks a
    spec without its quotes, which it checks by columns, and needs the
    references to them still resolved).
    """
    check_data(msgspec.to_builtins(spec), report, quote_ids)


def check_data(data: Any, report: Report, quote_ids: set[str] | None = None) -> None:
    """Check ids, references and dates of every record well-formed enough."""
    if not isinstance(data, dict):
        return
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        report(("version",), f"unsupported version {version} (this program reads 1)")
    ids = {section: _check_ids(section, records(data, section), report) for section in SECTIONS}
    if quote_ids is not None:
        ids["quotes"] = quote_ids
    refs = Refs(ids, report)
    _check_sources(data, report)
    _check_people(data, refs)
    _check_events(data, refs)
    _check_quotes(data, refs)
    checks_links.check_links(data, refs)


def _check_sources(data: Record, report: Report) -> None:
    for i, source in records(data, "sources"):
        sha = text(source, "sha256")
        if sha is not None and not SHA_RE.match(sha):
            report(("sources", i, "sha256"), "sha256 must be 64 hexadecimal digits")
        checks_links.check_bibliography(("sources", i), source, report)


def _check_people(data: Record, refs: Refs) -> None:
    for i, person in records(data, "people"):
        refs.one(("people", i, "delegation"), "delegations", text(person, "delegation"))
        for j, role in records(person, "roles"):
            refs.many(("people", i, "roles", j, "sources"), "sources", texts(role, "sources"))


def _check_events(data: Record, refs: Refs) -> None:
    for i, event in records(data, "events"):
        here: Path = ("events", i)
        refs.one((*here, "venue"), "venues", text(event, "venue"))
        refs.many((*here, "delegations"), "delegations", texts(event, "delegations"))
        refs.many((*here, "people"), "people", texts(event, "people"))
        for j, passage in records(event, "passages"):
            refs.one((*here, "passages", j, "source"), "sources", text(passage, "source"))
        _check_date(here, text(event, "date"), event.get("precision"), refs.report)


def _check_quotes(data: Record, refs: Refs) -> None:
    for i, quote in records(data, "quotes"):
        here: Path = ("quotes", i)
        refs.one((*here, "speaker"), "people", text(quote, "speaker"))
        refs.one((*here, "source"), "sources", text(quote, "source"))
        refs.one((*here, "event"), "events", text(quote, "event"))
        refs.one((*here, "venue"), "venues", text(quote, "venue"))
        refs.many((*here, "topics"), "topics", texts(quote, "topics"))
        _check_date(here, text(quote, "date"), None, refs.report)


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
        value = text(record, "id")
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
