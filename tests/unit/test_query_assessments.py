"""Issue 9 in the query: titles per article, `said`, and assessments filtered
apart from the quotes (the articles' words about a party, not its words)."""

from __future__ import annotations

import msgspec
import pytest
from helpers import REPO

from genevatui.core import Filter, Index, load_dataset

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"
NOT_READY, IDEAL = "washington-not-ready", "russian-leadership-ideal-time"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_dataset(ASSESS))


def quote(index: Index, ident: str) -> int:
    return [q.id for q in index.dataset.spec.quotes].index(ident)


def assessed(index: Index, by_speaker: bool = False, **kw: object) -> list[str]:
    result = index.run(Filter(**kw), by_speaker=by_speaker)  # type: ignore[arg-type]
    return [index.dataset.spec.assessments[i].id for i in result.assessments]


def test_speaker_title_is_the_one_the_quotes_own_article_gives(index: Index) -> None:
    spec = index.dataset.spec
    titles = {q.id: index.speaker_title(q) for q in spec.quotes}
    assert titles["sherman-door-b"] is not None
    assert titles["sherman-door-b"].title == "First Deputy Secretary of State"
    assert titles["sherman-door-b"].verbatim
    role = titles["sherman-door-a"]
    assert role is not None and (role.title, role.verbatim) == ("US negotiator", False)
    assert titles["ryabkov-result"] is not None
    assert titles["ryabkov-result"].title == "Deputy Foreign Minister"
    # Ryabkov's only role lists article a, not b: no title rather than a wrong one.
    assert titles["ryabkov-no-concessions"] is None


def test_said_before_an_event_takes_neither_its_date_nor_its_venue(index: Index) -> None:
    spec = index.dataset.spec
    before = spec.quotes[quote(index, "ryabkov-no-concessions")]
    after = spec.quotes[quote(index, "sherman-door-a")]
    at = spec.quotes[quote(index, "sherman-door-b")]
    assert (index.quote_date(before), index.quote_venue(before)) == (None, None)
    assert (index.quote_date(after), index.quote_venue(after)) == ("2022-01-10", "geneva")
    assert (index.quote_date(at), index.quote_venue(at)) == ("2022-01-10", "geneva")
    dated = msgspec.structs.replace(before, date="2022-01-09")
    assert index.quote_date(dated) == "2022-01-09"
    # So a date filter on the event's day leaves the undated "before" quote out.
    result = index.run(Filter(date_from="2022-01-10", date_to="2022-01-10"))
    assert quote(index, "ryabkov-no-concessions") not in result.quotes
    assert quote(index, "sherman-door-a") in result.quotes


def test_assessments_are_not_quotes(index: Index) -> None:
    result = index.run(Filter())
    assert len(result.quotes) == len(index.dataset.spec.quotes)
    speakers = {index.q_speaker[i] for i in result.quotes}
    assert speakers.isdisjoint({"us-officials", "russian-leadership"})
    # timeline order: a month-only date (Jan 2022) before that month's days
    assert assessed(index) == [IDEAL, NOT_READY]


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"delegations": ("Washington",)}, [NOT_READY]),
        ({"delegations": ("russia",)}, [IDEAL]),
        ({"speakers": ("US officials",)}, [NOT_READY]),  # the party, as a speaker filter
        ({"speakers": ("sherman",)}, []),  # a speaker's quotes bring no assessment along
        ({"topics": ("nato-expansion",)}, [IDEAL]),
        ({"events": ("geneva-talks",)}, [NOT_READY]),
        ({"venues": ("geneva",)}, [NOT_READY]),  # through its event
        ({"text": "guarantees"}, [NOT_READY]),
        ({"text": "russian leadership"}, [IDEAL]),  # the party's name is searched
        ({"text": "guarantees | ideal"}, [IDEAL, NOT_READY]),
        ({"date_from": "2022-01-10"}, [IDEAL, NOT_READY]),  # Jan 2022 covers the 10th
        ({"date_from": "2022-02-01"}, []),
        ({"date_to": "2021-12-31"}, []),
    ],
)
def test_the_filter_applies_to_assessments(
    index: Index, kw: dict[str, object], expected: list[str]
) -> None:
    assert assessed(index, **kw) == expected


def test_grouped_by_delegation_like_the_statements(index: Index) -> None:
    # russia is the first delegation in the file, as for the statements pane
    assert assessed(index, by_speaker=True) == [IDEAL, NOT_READY]


def test_narrowing_by_typing_keeps_assessments_right(index: Index) -> None:
    # Each keystroke may start from the previous result (the memo): the
    # assessments of that result must be carried too, not dropped or reset.
    fresh = Index(index.dataset)
    for typed in ("g", "gu", "gua", "guarantees", "guarantee", "ideal", "i"):
        got = assessed(fresh, text=typed)
        assert got == assessed(Index(index.dataset), text=typed), typed


def test_an_orphaned_assessment_is_in_no_order(index: Index) -> None:
    dataset = index.dataset
    first = dataset.assessment_anchors[0]
    assert first.status == "exact"
    orphaned = msgspec.structs.replace(first, status="orphan", start=0, end=0)
    dataset = msgspec.structs.replace(
        dataset, assessment_anchors=(orphaned, *dataset.assessment_anchors[1:])
    )
    assert assessed(Index(dataset)) == [IDEAL]
    assert assessed(Index(dataset), by_speaker=True) == [IDEAL]
