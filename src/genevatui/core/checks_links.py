"""Checks of the records that link others: assessments, disagreements,
quotes' `same_as` and `said`, and sources' bibliographic fields.

Part of `checks.check_data`, on the same plain YAML data and by the same
rules: each field is checked when it has the type the check needs (the
shape check reports the rest), and every problem goes to `report`.
"""

from __future__ import annotations

import re

from .problems import Path
from .raw import Record, Refs, Report, check_date, records, text, texts

MIN_READINGS = 2
URL_RE = re.compile(r"https?://[^\s/?#]+\S*\Z", re.IGNORECASE)
# A BCP 47 tag as used in practice: a 2-3 letter language, then subtags of
# 2-8 letters or digits (script, region, variant): en, en-GB, zh-Hant-TW.
LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def check_links(data: Record, refs: Refs) -> None:
    """References and rules of assessments, disagreements and quote links."""
    _check_assessments(data, refs)
    _check_disagreements(data, refs)
    _check_same_as(data, refs)
    _check_said(data, refs.report)


def check_bibliography(here: Path, source: Record, report: Report) -> None:
    """A source's `published` is a date, `url` a web address, `language` a tag."""
    check_date((*here, "published"), text(source, "published"), report)
    url = text(source, "url")
    if url is not None and not URL_RE.match(url):
        report((*here, "url"), f"url {url!r} must start with http:// or https:// and a host")
    language = text(source, "language")
    if language is not None and not LANGUAGE_RE.match(language):
        report(
            (*here, "language"),
            f"language {language!r} is not a BCP 47 tag (such as en, en-GB or ru)",
        )


def _check_assessments(data: Record, refs: Refs) -> None:
    for i, assessment in records(data, "assessments"):
        here: Path = ("assessments", i)
        refs.one((*here, "party"), "people", text(assessment, "party"))
        refs.one((*here, "source"), "sources", text(assessment, "source"))
        refs.one((*here, "event"), "events", text(assessment, "event"))
        refs.many((*here, "topics"), "topics", texts(assessment, "topics"))
        check_date((*here, "date"), text(assessment, "date"), refs.report)


def _check_disagreements(data: Record, refs: Refs) -> None:
    for i, disagreement in records(data, "disagreements"):
        here: Path = ("disagreements", i)
        readings = disagreement.get("readings")
        if isinstance(readings, list | tuple) and len(readings) < MIN_READINGS:
            refs.report(
                (*here, "readings"),
                f"a disagreement needs at least {MIN_READINGS} readings (has {len(readings)})",
            )
        for j, reading in records(disagreement, "readings"):
            refs.one((*here, "readings", j, "source"), "sources", text(reading, "source"))
        refs.many((*here, "events"), "events", texts(disagreement, "events"))
        refs.many((*here, "people"), "people", texts(disagreement, "people"))
        refs.many((*here, "quotes"), "quotes", texts(disagreement, "quotes"))


def _check_same_as(data: Record, refs: Refs) -> None:
    """`same_as` names other quotes, of the same speaker in other sources,
    and each link goes both ways: a link missing on one side is reported
    there, where it has to be added."""
    quotes = records(data, "quotes")
    linked = [(i, quote) for i, quote in quotes if texts(quote, "same_as")]
    if not linked:
        return  # the common case, and 100,000 quotes need no map of ids
    by_id: dict[str, tuple[int, Record]] = {}
    for i, quote in quotes:
        qid = text(quote, "id")
        if qid is not None:
            by_id.setdefault(qid, (i, quote))  # a duplicate id is reported elsewhere
    for i, quote in linked:
        own = text(quote, "id")
        seen: set[str] = set()
        for j, other_id in texts(quote, "same_as"):
            path: Path = ("quotes", i, "same_as", j)
            if other_id == own:
                refs.report(path, f"quote {own!r} cannot be the same as itself")
                continue
            if other_id in seen:
                refs.report(path, f"quote {other_id!r} is listed twice")
                continue
            seen.add(other_id)
            refs.one(path, "quotes", other_id)
            if other_id not in by_id:
                continue
            k, other = by_id[other_id]
            _check_pair(path, quote, other_id, other, refs.report)
            if own is not None and own not in {v for _, v in texts(other, "same_as")}:
                refs.report(
                    ("quotes", k, "same_as"),
                    f"missing {own!r}: quote {own!r} lists this quote in its same_as, "
                    "and a link goes both ways",
                )


def _check_pair(path: Path, quote: Record, other_id: str, other: Record, report: Report) -> None:
    """The same utterance: by the same speaker, reported by another source."""
    speaker, other_speaker = text(quote, "speaker"), text(other, "speaker")
    if speaker is not None and other_speaker is not None and speaker != other_speaker:
        report(
            path,
            f"quote {other_id!r} is by {other_speaker!r}, this one by {speaker!r}: "
            "same_as links the same speaker's words",
        )
    source = text(quote, "source")
    if source is not None and source == text(other, "source"):
        report(
            path,
            f"quote {other_id!r} is from the same source {source!r}: "
            "same_as links reports of one utterance in different sources",
        )


def _check_said(data: Record, report: Report) -> None:
    """`said: before` or `after` is relative to the quote's event: it needs one."""
    for i, quote in records(data, "quotes"):
        said = text(quote, "said")
        if said in ("before", "after") and quote.get("event") is None:
            report(
                ("quotes", i, "said"),
                f"said {said!r} needs an event: give the event it was said {said}",
            )
