"""Checks across records: unique ids, references, dates.

Run on a `DatasetSpec` whose shape is already valid. Every problem goes to
`report(path, message)`; nothing stops at the first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .dates import date_precision, date_problem
from .models import DatasetSpec
from .problems import Path, did_you_mean

Report = Callable[[Path, str], None]

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SHA_RE = re.compile(r"[0-9a-fA-F]{64}\Z")


def check_spec(spec: DatasetSpec, report: Report) -> None:
    """Report duplicate or malformed ids, dangling references and bad dates."""
    if spec.version != 1:
        report(("version",), f"unsupported version {spec.version} (this program reads 1)")
    ids = {
        section: _check_ids(section, [r.id for r in getattr(spec, section)], report)
        for section in ("topics", "delegations", "sources", "people", "venues", "events", "quotes")
    }

    def ref(path: Path, section: str, value: str | None) -> None:
        if value is not None and value not in ids[section]:
            report(path, f"unknown {section} id {value!r}{did_you_mean(value, ids[section])}")

    def refs(path: Path, section: str, values: Iterable[str]) -> None:
        for i, value in enumerate(values):
            ref((*path, i), section, value)

    for i, source in enumerate(spec.sources):
        if source.sha256 is not None and not SHA_RE.match(source.sha256):
            report(("sources", i, "sha256"), "sha256 must be 64 hexadecimal digits")
    for i, person in enumerate(spec.people):
        ref(("people", i, "delegation"), "delegations", person.delegation)
        for j, role in enumerate(person.roles):
            refs(("people", i, "roles", j, "sources"), "sources", role.sources)
    for i, event in enumerate(spec.events):
        here: Path = ("events", i)
        ref((*here, "venue"), "venues", event.venue)
        refs((*here, "delegations"), "delegations", event.delegations)
        refs((*here, "people"), "people", event.people)
        for j, passage in enumerate(event.passages):
            ref((*here, "passages", j, "source"), "sources", passage.source)
        problem = date_problem(event.date)
        if problem:
            report((*here, "date"), problem)
        elif date_precision(event.date) != event.precision:
            report(
                (*here, "precision"),
                f"precision {event.precision!r} contradicts date {event.date!r} "
                f"(written at {date_precision(event.date)} precision)",
            )
    for i, quote in enumerate(spec.quotes):
        here = ("quotes", i)
        ref((*here, "speaker"), "people", quote.speaker)
        ref((*here, "source"), "sources", quote.source)
        ref((*here, "event"), "events", quote.event)
        ref((*here, "venue"), "venues", quote.venue)
        refs((*here, "topics"), "topics", quote.topics)
        if quote.date is not None:
            problem = date_problem(quote.date)
            if problem:
                report((*here, "date"), problem)


def _check_ids(section: str, values: list[str], report: Report) -> set[str]:
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        path: Path = (section, i, "id")
        if not ID_RE.match(value):
            report(path, f"id {value!r} must be lower-case letters, digits and single dashes")
        if value in seen:
            report(path, f"duplicate id {value!r} (first used by {section}[{seen[value]}])")
        else:
            seen[value] = i
    return set(seen)
