"""The articles reporting a record and the disagreements about it: pure
core, tested without Textual on tests/data/articles (three articles, one
event reported by all three, one statement reported by all three)."""

from __future__ import annotations

import pytest
from helpers import REPO
from msgspec.structs import replace

from genevatui.core import load_dataset
from genevatui.core.disagreements import (
    articles_in,
    concerning,
    first_reading,
    reading_at,
    readings_of,
)
from genevatui.core.models import Anchor, Dataset
from genevatui.core.reports import Reports, position
from genevatui.core.spans import Span, SpanIndex, Target, anchors_of

ARTICLES = REPO / "tests" / "data" / "articles" / "events.yaml"


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ARTICLES)


def quote(data: Dataset, ident: str) -> int:
    return [q.id for q in data.spec.quotes].index(ident)


def event(data: Dataset, ident: str) -> int:
    return [e.id for e in data.spec.events].index(ident)


def disagreement(data: Dataset, ident: str) -> int:
    return [d.id for d in data.spec.disagreements].index(ident)


# -- readings as targets -------------------------------------------------------
def test_readings_are_numbered_flat_across_disagreements(data: Dataset) -> None:
    counts = [len(d.readings) for d in data.spec.disagreements]
    assert counts == [3, 2]
    flat = [reading_at(data, n) for n in range(sum(counts))]
    assert flat == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
    assert [first_reading(data, i) for i in range(2)] == [0, 3]
    for bad in (-1, 5):
        with pytest.raises(IndexError):
            reading_at(data, bad)


def test_a_reading_is_a_target_with_its_passage(data: Dataset) -> None:
    (anchor,) = anchors_of(data, ("reading", 4))  # door-when, Article B
    assert anchor.source == "b"
    assert data.texts["b"][anchor.start : anchor.end] == (
        "At the talks, Sherman said the door stays open."
    )
    views = readings_of(data, disagreement(data, "talks-length"))
    assert [(v.flat, v.reading.source, v.text) for v in views] == [
        (0, "a", "The talks lasted seven hours."),
        (1, "b", "The talks lasted eight hours."),
        (2, "c", "The meeting took a whole day."),
    ]


def test_a_reading_joins_its_articles_spans_only_when_shown(data: Dataset) -> None:
    index = SpanIndex(data, Span)
    plain = index.of("b")
    assert all(s.kind != "reading" for s in plain)
    (anchor,) = anchors_of(data, ("reading", 1))
    spans, current = index.spans_for(("reading", 1), anchor)
    assert len(spans) == len(plain) + 1
    assert spans[current] == Span(anchor.start, anchor.end, "reading", 1)
    assert [(s.start, s.end) for s in spans] == sorted((s.start, s.end) for s in spans)
    assert index.of("b") == plain  # the article's own list is left as it was
    # Any other record: the article's spans and its position among them.
    q = quote(data, "ryabkov-difficult")
    (qa,) = anchors_of(data, ("quote", q))
    assert index.spans_for(("quote", q), qa) == (plain, index.position(("quote", q), qa))


# -- the disagreements concerning a record -----------------------------------
def test_disagreements_concerning_each_kind_of_record(data: Dataset) -> None:
    length, door = disagreement(data, "talks-length"), disagreement(data, "door-when")
    assert concerning(data, "event", event(data, "geneva-talks")) == [length]
    assert concerning(data, "event", event(data, "later-call")) == []
    assert concerning(data, "quote", quote(data, "sherman-door-a")) == [door]
    # Its same_as partners report the same words: the dispute is theirs too.
    assert concerning(data, "quote", quote(data, "sherman-door-b")) == [door]
    assert concerning(data, "quote", quote(data, "ryabkov-result")) == []
    assert concerning(data, "reading", 4) == [door]
    assert articles_in(data, length) == 3 and articles_in(data, door) == 2


def test_a_disagreement_about_a_person_concerns_their_quotes(data: Dataset) -> None:
    spec = data.spec
    about_sherman = replace(spec.disagreements[0], events=(), people=("sherman",))
    changed = replace(data, spec=replace(spec, disagreements=(about_sherman,)))
    for i, q in enumerate(spec.quotes):
        assert concerning(changed, "quote", i) == ([0] if q.speaker == "sherman" else [])
    assert concerning(changed, "event", event(data, "geneva-talks")) == []


def test_a_disagreement_about_a_person_at_an_event_concerns_what_they_said_there(
    data: Dataset,
) -> None:
    """ "Who headed the delegation in Geneva" names a person and the Geneva
    talks: it is about their statements there, not about all they said."""
    spec = data.spec
    hers = [i for i, q in enumerate(spec.quotes) if q.speaker == "sherman"]
    for name in ("geneva-talks", "later-call"):
        named = spec.events[event(data, name)].id
        about = replace(spec.disagreements[0], events=(named,), people=("sherman",))
        changed = replace(data, spec=replace(spec, disagreements=(about,)))
        for i in hers:
            expected = [0] if spec.quotes[i].event == named else []
            assert concerning(changed, "quote", i) == expected, (name, spec.quotes[i].id)
    assert hers and all(
        spec.quotes[i].event == spec.events[event(data, "geneva-talks")].id for i in hers
    )


def test_a_disagreement_about_a_party_concerns_its_assessments() -> None:
    data = load_dataset(REPO / "tests" / "data" / "assess" / "events.yaml")
    spec = data.spec
    parties = [a.party for a in spec.assessments]
    about = replace(spec.disagreements[0], people=(parties[0],))
    changed = replace(data, spec=replace(spec, disagreements=(about,)))
    assert concerning(changed, "assessment", 0) == [0]
    assert concerning(changed, "assessment", 1) == []
    assert concerning(data, "assessment", 0) == []


# -- the articles reporting a record -----------------------------------------
def test_an_event_is_reported_once_by_each_article_with_a_passage(data: Dataset) -> None:
    reports = Reports(data)
    geneva: Target = ("event", event(data, "geneva-talks"))
    found = reports.of(geneva)
    assert [r.anchor.source for r in found] == ["a", "b", "c"]  # its passages' order
    assert all(r.target == geneva for r in found)
    assert position(found, geneva) == 0
    assert position(found, geneva, "c") == 2
    assert reports.of(("event", event(data, "later-call"))) == []  # no passage


def test_a_statement_is_reported_by_its_same_as_partners(data: Dataset) -> None:
    reports = Reports(data)
    ids = ["sherman-door-a", "sherman-door-b", "sherman-door-c"]
    lists = [reports.of(("quote", quote(data, i))) for i in ids]
    # The same list, in the sources' order, from every partner: "article 2
    # of 3" means the same article whichever partner is selected.
    assert lists[0] == lists[1] == lists[2]
    assert [r.target for r in lists[0]] == [("quote", quote(data, i)) for i in ids]
    assert [position(lists[0], ("quote", quote(data, i))) for i in ids] == [0, 1, 2]
    alone = ("quote", quote(data, "ryabkov-result"))
    assert [r.target for r in reports.of(alone)] == [alone]


def test_partners_linked_through_another_are_found(data: Dataset) -> None:
    # A links B, B links C: C is reached from A though A does not name it.
    quotes = list(data.spec.quotes)
    a, b, c = (quote(data, i) for i in ("sherman-door-a", "sherman-door-b", "sherman-door-c"))
    quotes[a] = replace(quotes[a], same_as=("sherman-door-b",))
    quotes[c] = replace(quotes[c], same_as=("sherman-door-b",))
    chained = replace(data, spec=replace(data.spec, quotes=tuple(quotes)))
    found = Reports(chained).of(("quote", a))
    assert [r.target for r in found] == [("quote", a), ("quote", b), ("quote", c)]


def test_an_orphan_is_reported_nowhere(data: Dataset) -> None:
    q = quote(data, "ryabkov-difficult")
    anchors = list(data.quote_anchors)
    anchors[q] = Anchor(anchors[q].source, 0, 0, "orphan", 0.0)
    orphaned = replace(data, quote_anchors=tuple(anchors))
    found = Reports(orphaned).of(("quote", q))
    assert found == [] and position(found, ("quote", q)) == -1
