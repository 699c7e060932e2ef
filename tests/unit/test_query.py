"""Query semantics on the mini dataset: name resolution, AND/OR, dates, text, events."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from helpers import MINI, MINI_YAML, edit, make_dataset

from genevatui.core import Filter, Index, UnknownName, load_dataset

RYABKOV, SHERMAN, STATE = "ryabkov-result", "sherman-door", "state-department-nothing"
EVENT = "geneva-talks-2022-01-10"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_dataset(MINI))


def run(index: Index, **kw: object) -> tuple[set[str], set[str]]:
    """Quote ids and event ids that pass `Filter(**kw)`."""
    result = index.run(Filter(**kw))  # type: ignore[arg-type]
    spec = index.dataset.spec
    quotes = [spec.quotes[i].id for i in result.quotes]
    events = [spec.events[i].id for i in result.events]
    assert len(set(quotes)) == len(quotes) and len(set(events)) == len(events)
    return set(quotes), set(events)


def test_empty_filter_returns_everything_in_timeline_order(index: Index) -> None:
    result = index.run(Filter())
    spec = index.dataset.spec
    # 2022-01 (Jan 1..31) sorts before 2022-01-10; same date goes by article offset.
    assert [spec.quotes[i].id for i in result.quotes] == [STATE, RYABKOV, SHERMAN]
    assert [spec.events[i].id for i in result.events] == [EVENT]
    assert Filter().is_empty and not Filter(text="x").is_empty


@pytest.mark.parametrize(
    "name",
    ["ryabkov", "RYABKOV", "Ryabkov", "ryabikov", "RyAbIkOv", "S. Ryabkov", "s. ryabkov",
     "Sergei Ryabkov", "  sergei   ryabkov "],
)  # fmt: skip
def test_speaker_names_ids_and_aliases_match_case_insensitively(index: Index, name: str) -> None:
    assert index.resolve("speaker", name) == {"ryabkov"}
    assert run(index, speakers=(name,)) == ({RYABKOV}, {EVENT})


def test_speakers_or_within_a_kind(index: Index) -> None:
    assert run(index, speakers=("Ryabikov", "wendy sherman")) == ({RYABKOV, SHERMAN}, {EVENT})
    assert run(index, speakers=("sherman", "US State Department")) == ({SHERMAN, STATE}, {EVENT})


def test_and_across_kinds(index: Index) -> None:
    assert run(index, speakers=("sherman",), topics=("nato-expansion",))[0] == {SHERMAN}
    assert run(index, speakers=("ryabkov",), topics=("nato-expansion",))[0] == set()
    assert run(index, speakers=("ryabkov", "sherman"), delegations=("russia",))[0] == {RYABKOV}
    assert run(index, delegations=("united-states",), venues=("geneva",))[0] == {SHERMAN}


@pytest.mark.parametrize(
    ("topic", "quotes"),
    [
        ("nato-expansion", {SHERMAN}),
        ("NATO expansion", {SHERMAN}),
        ("negotiation process", {RYABKOV}),
    ],
)
def test_topic(index: Index, topic: str, quotes: set[str]) -> None:
    assert run(index, topics=(topic,)) == (quotes, {EVENT})


def test_two_topics_or(index: Index) -> None:
    assert run(index, topics=("nato-expansion", "negotiation-process"))[0] == {SHERMAN, RYABKOV}


@pytest.mark.parametrize("name", ["Washington", "washington", "US", "united-states"])
def test_delegation_by_name_id_or_alias(index: Index, name: str) -> None:
    assert run(index, delegations=(name,)) == ({SHERMAN, STATE}, {EVENT})


def test_delegation_russia_by_alias(index: Index) -> None:
    assert run(index, delegations=("moscow",)) == ({RYABKOV}, {EVENT})


@pytest.mark.parametrize("name", ["geneva", "Geneva", "GENEVA"])
def test_venue_comes_from_the_event(index: Index, name: str) -> None:
    # The State Department quote has no event and no venue of its own.
    assert run(index, venues=(name,)) == ({RYABKOV, SHERMAN}, {EVENT})


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("RESULT", {RYABKOV}),
        ("we need a result", {RYABKOV}),
        ("Door", {SHERMAN}),
        ("d\u00f3or", {SHERMAN}),  # accent in the query
        ("nothing new", {STATE}),
        ("new nothing", {STATE}),  # every term, in any order
        ("wendy", {SHERMAN}),  # the speaker's name is searchable
        ("ryabikov", {RYABKOV}),  # and their aliases
        ("door result", set()),
    ],
)
def test_free_text_on_quotes(index: Index, text: str, quotes: set[str]) -> None:
    assert run(index, text=text)[0] == quotes


def test_free_text_on_events(index: Index) -> None:
    assert run(index, text="first round") == (set(), {EVENT})
    assert run(index, text="G\u00c9N\u00c8VA") == ({RYABKOV, SHERMAN}, {EVENT})  # via the title


def test_accents_in_the_data_are_folded(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("    name: Geneva\n", "    name: Gen\u00e8ve\n"),
        ("title: Geneva talks", "title: Gen\u00e8ve talks"),
    )
    idx = Index(load_dataset(make_dataset(tmp_path, text)))
    assert run(idx, text="GENEVE") == ({RYABKOV, SHERMAN}, {EVENT})
    assert run(idx, venues=("geneve",)) == ({RYABKOV, SHERMAN}, {EVENT})


@pytest.mark.parametrize(
    ("date_from", "date_to", "quotes", "events"),
    [
        ("2022-01-10", None, {STATE, RYABKOV, SHERMAN}, {EVENT}),  # "2022-01" overlaps
        ("2022-01-11", None, {STATE}, set()),
        ("2022-01-31", None, {STATE}, set()),
        ("2022-02-01", None, set(), set()),
        ("2022-02", None, set(), set()),
        (None, "2022-01-09", {STATE}, set()),
        (None, "2022-01-01", {STATE}, set()),
        (None, "2021-12-31", set(), set()),
        (None, "2021", set(), set()),
        ("2022-01-10", "2022-01-10", {STATE, RYABKOV, SHERMAN}, {EVENT}),
        ("2022", "2022", {STATE, RYABKOV, SHERMAN}, {EVENT}),
        ("2022-01", "2022-01", {STATE, RYABKOV, SHERMAN}, {EVENT}),
    ],
)
def test_date_range_overlaps_the_precision(
    index: Index, date_from: str | None, date_to: str | None, quotes: set[str], events: set[str]
) -> None:
    assert run(index, date_from=date_from, date_to=date_to) == (quotes, events)


def test_a_quote_without_any_date_is_out_of_every_date_range(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ('    date: "2022-01"\n', ""))
    idx = Index(load_dataset(make_dataset(tmp_path, text)))
    assert STATE in run(idx)[0]
    assert STATE not in run(idx, date_from="1900")[0]


@pytest.mark.parametrize(
    ("kind", "field", "value", "suggestion"),
    [
        ("speaker", "speakers", "Ryabkow", "ryabkov"),
        ("speaker", "speakers", "Shermann", "sherman"),
        ("venue", "venues", "Genvea", "geneva"),
        ("delegation", "delegations", "Rusia", "russia"),
        ("topic", "topics", "nato-expanse", "nato-expansion"),
    ],
)
def test_unknown_name_raises_with_suggestions(
    index: Index, kind: str, field: str, value: str, suggestion: str
) -> None:
    with pytest.raises(UnknownName) as info:
        index.run(Filter(**{field: (value,)}))  # type: ignore[arg-type]
    assert (info.value.kind, info.value.value) == (kind, value)
    assert suggestion in info.value.suggestions
    assert f"unknown {kind} {value!r} (did you mean " in str(info.value)
    with pytest.raises(UnknownName):
        index.check(Filter(**{field: (value,)}))  # type: ignore[arg-type]


def test_unknown_name_without_anything_close(index: Index) -> None:
    with pytest.raises(UnknownName) as info:
        index.run(Filter(speakers=("sherman", "zzzz")))
    assert info.value.suggestions == []
    assert str(info.value) == "unknown speaker 'zzzz'"


def test_events_are_filtered_by_speaker_via_event_people(tmp_path: Path, index: Index) -> None:
    assert run(index, speakers=("sherman",))[1] == {EVENT}
    assert run(index, speakers=("US State Department",))[1] == set()  # no event of theirs
    # Not in event.people, but quoted at the event: still the event's speaker.
    text = edit(MINI_YAML, ("people: [ryabkov, sherman]", "people: [ryabkov]"))
    idx = Index(load_dataset(make_dataset(tmp_path / "a", text)))
    assert run(idx, speakers=("sherman",)) == ({SHERMAN}, {EVENT})
    # Neither listed nor quoted there: not the event's speaker.
    text = edit(
        MINI_YAML,
        ("people: [ryabkov, sherman]", "people: [ryabkov]"),
        ("    occurrence: 2\n    kind: reported\n    event: geneva-talks-2022-01-10\n",
         "    occurrence: 2\n    kind: reported\n"),
    )  # fmt: skip
    idx = Index(load_dataset(make_dataset(tmp_path / "b", text)))
    assert run(idx, speakers=("sherman",)) == ({SHERMAN}, set())


def test_events_are_filtered_by_venue(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("  - id: geneva\n    name: Geneva\n", "  - id: geneva\n    name: Geneva\n"
         "  - id: brussels\n    name: Brussels\n"),
    )  # fmt: skip
    idx = Index(load_dataset(make_dataset(tmp_path, text)))
    assert run(idx, venues=("geneva",))[1] == {EVENT}
    assert run(idx, venues=("brussels",)) == (set(), set())


def test_events_filtered_by_delegation_and_event(index: Index) -> None:
    assert run(index, delegations=("RF",))[1] == {EVENT}
    assert run(index, events=("Geneva talks",)) == ({RYABKOV, SHERMAN}, {EVENT})


def test_remembered_results_equal_fresh_scans() -> None:
    """Typing and deleting reuses earlier results; they must equal a fresh scan."""
    from genevatui.core.bundled import bundled_dataset

    dataset = load_dataset(bundled_dataset())
    typing = Index(dataset)
    words = ["nato", "nuclear war", "ukraine", "ryabkov said"]
    for word in words:
        for flt_base in (Filter(), Filter(speakers=("ryabkov",)), Filter(topics=("ukraine",))):
            texts = [word[:n] for n in range(1, len(word) + 1)]
            texts += texts[::-1]  # and back again, as backspace does
            for text in texts:
                flt = msgspec.structs.replace(flt_base, text=text)
                for by_speaker in (False, True):
                    assert typing.run(flt, by_speaker) == Index(dataset).run(flt, by_speaker)
