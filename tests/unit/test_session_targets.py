"""Session targets by id (issue 11 §3): `ref_of` and `target_of` are
inverse for every record of the bundled dataset, readings included, and a
target gone from the dataset is None; a saved history drops what is gone."""

from __future__ import annotations

from genevatui.core import Filter, load_dataset
from genevatui.core.bundled import bundled_dataset
from genevatui.core.session import (
    SavedPlace,
    TargetRef,
    ref_of,
    restored_places,
    target_of,
)
from genevatui.core.spans import Target


def test_every_target_round_trips() -> None:
    dataset = load_dataset(bundled_dataset())
    spec = dataset.spec
    readings = sum(len(d.readings) for d in spec.disagreements)
    targets: list[Target] = [
        *(("quote", i) for i in range(len(spec.quotes))),
        *(("assessment", i) for i in range(len(spec.assessments))),
        *(("event", i) for i in range(len(spec.events))),
        *(("reading", i) for i in range(readings)),
    ]
    assert readings > 0
    for target in targets:
        assert target_of(dataset, ref_of(dataset, target)) == target
    first = spec.disagreements[0]
    assert ref_of(dataset, ("reading", 0)) == TargetRef("reading", f"{first.id}#1")


def test_gone_targets_are_none_and_dropped_from_the_history() -> None:
    dataset = load_dataset(bundled_dataset())
    first = dataset.spec.disagreements[0]
    for gone in (
        TargetRef("quote", "no-such-quote"),
        TargetRef("event", "no-such-event"),
        TargetRef("reading", f"{first.id}#0"),
        TargetRef("reading", f"{first.id}#{len(first.readings) + 1}"),
        TargetRef("reading", f"{first.id}#x"),
        TargetRef("nonsense", "x"),
    ):
        assert target_of(dataset, gone) is None, gone
    assert target_of(dataset, None) is None
    quote = ref_of(dataset, ("quote", 3))
    sherman = Filter(speakers=("sherman",))
    places = [
        SavedPlace(quote, Filter()),
        SavedPlace(TargetRef("quote", "gone"), sherman),
        SavedPlace(quote, sherman),
    ]
    kept, pos = restored_places(dataset, places, 1)
    assert kept == [(("quote", 3), Filter()), (("quote", 3), sherman)]
    assert pos == 0  # it stood on the gone place: it stands on the one before
