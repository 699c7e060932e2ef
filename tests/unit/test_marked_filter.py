"""The "marked only" filter (issue 11 §2): `Filter.marked` keeps exactly
what `Index.set_marked` names, its chip, and why it is empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from linked_data import LINKED_YAML, make_linked

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.chips import chips, why_empty

ONLY = Filter(marked=True)


@pytest.fixture
def index(tmp_path: Path) -> Index:
    return Index(load_dataset(make_linked(tmp_path, LINKED_YAML)))


def ids(index: Index, flt: Filter) -> tuple[list[str], list[str], list[str]]:
    spec, result = index.dataset.spec, index.run(flt)
    return (
        sorted(spec.quotes[i].id for i in result.quotes),
        [spec.events[i].id for i in result.events],
        [spec.assessments[i].id for i in result.assessments],
    )


def test_marked_only_keeps_exactly_the_marked_records(index: Index) -> None:
    index.set_marked({"quote": ["sherman-door"], "assessment": ["state-department-silence"]})
    # The event is not marked: a marked quote does not bring it along.
    assert ids(index, ONLY) == (["sherman-door"], [], ["state-department-silence"])
    index.set_marked({"event": ["geneva-talks-2022-01-10"]})
    assert ids(index, ONLY) == ([], ["geneva-talks-2022-01-10"], [])


def test_marked_only_combines_with_the_other_filters(index: Index) -> None:
    index.set_marked({"quote": ["sherman-door", "ryabkov-result"]})
    assert ids(index, ONLY.with_values("speaker", ["sherman"]))[0] == ["sherman-door"]
    assert ids(index, Filter())[0] == [  # without it, nothing is hidden
        "ryabkov-result",
        "ryabkov-result-other",
        "sherman-door",
        "state-department-nothing",
    ]


def test_a_new_mark_is_seen_by_a_filter_already_run(index: Index) -> None:
    index.set_marked({"quote": ["sherman-door"]})
    assert ids(index, ONLY)[0] == ["sherman-door"]  # now in the memo
    index.set_marked({"quote": ["sherman-door", "ryabkov-result"]})
    assert ids(index, ONLY)[0] == ["ryabkov-result", "sherman-door"]
    index.set_marked({})
    assert ids(index, ONLY) == ([], [], [])


def test_marked_ids_not_in_the_dataset_match_nothing(index: Index) -> None:
    index.set_marked({"quote": ["gone-since"], "event": ["gone-too"]})
    assert ids(index, ONLY) == ([], [], [])


def test_chip_and_why_empty(index: Index) -> None:
    assert [c.text for c in chips(index, ONLY)] == ["marked: only"]
    assert "Nothing is marked yet" in why_empty(index, ONLY)
    index.set_marked({"quote": ["sherman-door"]})
    flt = ONLY.with_values("speaker", ["ryabkov"])
    assert ids(index, flt) == ([], [], [])
    text = why_empty(index, flt)
    assert "marked only" in text and "without marked: 2" in text, text
