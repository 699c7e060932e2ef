"""Is a decoded cache entry something the loader could have produced?

A cache entry replaces the YAML, so it gets the YAML's checks: the same
cross-record checks (`check_spec`), the same guarantees the loader makes
(no control character in any string, one-line fields on one line, every
anchor inside its article), and the invariants the index relies on (one
anchor per passage, sort orders that are permutations of the shown quotes).
It all runs in linear time on column data, so a warm start at 100,000
quotes stays quick; anything that does not hold means the entry is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain, repeat
from operator import attrgetter, le

import msgspec

from .checks import check_spec
from .dates import date_problem
from .models import ONE_LINE_FIELDS, Anchor, Dataset, DatasetSpec
from .query import Precomputed

# The dataset part of an entry is JSON written by msgspec, which escapes C0
# controls (\u00XX, \b, \f, \r; it never writes \u otherwise) and writes
# everything else as raw UTF-8; its decoder refuses raw C0 bytes in strings.
# So the bytes alone tell whether any string holds a control character, with
# no need to walk a million strings: a few C-speed scans of the buffer.
_ESCAPE_RE = re.compile(rb"\\[\\ubfr]")  # pairs, so an escaped backslash is skipped
_C1_RE = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI_RE = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def json_is_clean(data: bytes | bytearray) -> bool:
    """True if no string in this msgspec JSON holds a character `text.clean`
    removes (C0 but tab and newline, DEL, C1, bidi controls)."""
    if b"\x7f" in data:
        return False
    # One regex with a literal first byte is several times faster here than
    # `in` with a two-byte needle; an escaped backslash is a harmless match.
    if any(m.group() != b"\\\\" for m in _ESCAPE_RE.finditer(data)):
        return False
    return _C1_RE.search(data) is None and _BIDI_RE.search(data) is None


def entry_is_valid(dataset: Dataset, pre: Precomputed, sources: list[tuple[str, str]]) -> bool:
    """Whether `dataset` and `pre` hold together, and `sources` (id, file) as
    recorded in the entry's header are exactly the dataset's sources."""
    spec = dataset.spec
    if [(s.id, s.file) for s in spec.sources] != sources:
        return False  # a header listing other (or no) seeds: another dataset's entry
    if sorted(dataset.texts) != sorted(s.id for s in spec.sources):
        return False
    problems: list[str] = []
    # The loader's own checks, on everything but the quotes (those, 100x more
    # numerous, are checked the same way on columns below); references to
    # quotes (a disagreement's) still resolve against their ids.
    quote_ids = set(map(attrgetter("id"), spec.quotes))
    no_quotes = msgspec.structs.replace(spec, quotes=())
    check_spec(no_quotes, lambda _, m: problems.append(m), quote_ids)
    q_sources = list(map(attrgetter("source"), spec.quotes))
    return (
        not problems
        and all(
            map(_one_line, (spec.topics, spec.delegations, spec.sources, spec.people, spec.venues))
        )
        and _one_line(spec.events)
        and _one_line(spec.disagreements)
        and _quotes_ok(spec, q_sources, quote_ids)
        and _anchors_ok(dataset, q_sources)
        and _orders_ok(dataset, pre)
    )


def _one_line(records: Sequence[msgspec.Struct]) -> bool:
    """The loader's one-line fields hold no line break, tab or doubled space."""
    if not records:
        return True
    values: list[str] = []
    nested: list[msgspec.Struct] = []
    for name in type(records[0]).__struct_fields__:
        for value in map(attrgetter(name), records):
            if name in ONE_LINE_FIELDS:
                if isinstance(value, str):
                    values.append(value)
                elif isinstance(value, tuple):
                    values.extend(value)
            elif isinstance(value, tuple):
                nested.extend(v for v in value if isinstance(v, msgspec.Struct))
    # All at once: NUL cannot occur (json_is_clean), so it marks the joins.
    joined = "\0".join(values)
    if " ".join(joined.split()) != joined or "\0 " in joined or " \0" in joined:
        return False
    kinds: dict[type, list[msgspec.Struct]] = {}
    for record in nested:  # roles, passages
        kinds.setdefault(type(record), []).append(record)
    return all(_one_line(group) for group in kinds.values())


def _quotes_ok(spec: DatasetSpec, sources: list[str], quote_ids: set[str]) -> bool:
    """check_spec's quote checks that matter to a reader: every reference
    and date. (Ids shaped or duplicated wrongly would break nothing and cost
    ~60 ms a warm start at 100,000 quotes; the digest covers them, and the
    rules of `same_as` links, beyond naming real quotes.)"""
    speakers: set[str] = set()
    events: set[str | None] = set()
    venues: set[str | None] = set()
    dates: set[str | None] = set()
    topics: set[tuple[str, ...]] = set()
    speaker, event, venue, date, topic = (
        speakers.add,
        events.add,
        venues.add,
        dates.add,
        topics.add,
    )
    for quote in spec.quotes:  # one pass filling five sets beats five map() passes
        speaker(quote.speaker)
        event(quote.event)
        venue(quote.venue)
        date(quote.date)
        topic(quote.topics)
    return (
        speakers <= {p.id for p in spec.people}
        and set(sources) <= {s.id for s in spec.sources}
        and events <= {e.id for e in spec.events} | {None}
        and venues <= {v.id for v in spec.venues} | {None}
        and set(chain.from_iterable(topics)) <= {t.id for t in spec.topics}
        and all(d is None or date_problem(d) is None for d in dates)
        and all(set(q.same_as) <= quote_ids for q in spec.quotes if q.same_as)
    )


def _anchors_ok(dataset: Dataset, q_sources: list[str]) -> bool:
    """One anchor per passage, on the passage's own source, inside its text."""
    spec = dataset.spec
    if len(dataset.quote_anchors) != len(spec.quotes):
        return False
    if not _shaped_like(dataset.event_anchors, [e.passages for e in spec.events]):
        return False
    if len(dataset.assessment_anchors) != len(spec.assessments):
        return False
    if not _shaped_like(dataset.reading_anchors, [d.readings for d in spec.disagreements]):
        return False
    anchors = dataset.all_anchors()
    sources = list(map(attrgetter("source"), anchors))
    if sources != [
        *q_sources,
        *(p.source for e in spec.events for p in e.passages),
        *(a.source for a in spec.assessments),
        *(r.source for d in spec.disagreements for r in d.readings),
    ]:
        return False
    starts = list(map(attrgetter("start"), anchors))
    ends = list(map(attrgetter("end"), anchors))
    scores = list(map(attrgetter("score"), anchors))
    length = {sid: len(text) for sid, text in dataset.texts.items()}
    if not anchors:
        return True
    return (
        min(starts) >= 0
        and all(map(le, starts, ends))
        and all(map(le, ends, map(length.__getitem__, sources)))  # sources are checked ids
        and all(map(le, repeat(0.0), scores))
        and all(map(le, scores, repeat(100.0)))
    )


def _shaped_like(anchors: Sequence[Sequence[Anchor]], passages: Sequence[Sequence[object]]) -> bool:
    """One row of anchors per record, one anchor per passage of the record."""
    return len(anchors) == len(passages) and all(
        len(a) == len(p) for a, p in zip(anchors, passages, strict=True)
    )


def _orders_ok(dataset: Dataset, pre: Precomputed) -> bool:
    """The sort orders list every shown (non-orphan) quote exactly once."""
    n = len(dataset.spec.quotes)
    if len(pre.q_key) != n:
        return False
    statuses = list(map(attrgetter("status"), dataset.quote_anchors))
    orphans = statuses.count("orphan")
    placed = None
    if orphans:
        placed = {i for i, status in enumerate(statuses) if status != "orphan"}
    for order in (pre.quote_order, pre.statement_order):
        if len(order) != n - orphans:
            return False
        members = set(order)
        if len(members) != len(order):
            return False
        if placed is not None:
            if members != placed:
                return False
        elif order and (min(order) < 0 or max(order) >= n):
            return False
    return True
