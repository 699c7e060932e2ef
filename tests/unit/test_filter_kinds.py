"""Filter kinds are typed: one mapping to the Filter's fields, misspellings refused."""

from __future__ import annotations

import msgspec
import pytest

from genevatui.core.filters import (
    FILTER_KINDS,
    KIND_FIELDS,
    Filter,
    UnknownKind,
    filter_kind,
)


def test_every_kind_has_a_tuple_field_of_the_filter() -> None:
    assert set(KIND_FIELDS) == set(FILTER_KINDS)
    fields = set(Filter.__struct_fields__)
    for kind in FILTER_KINDS:
        assert KIND_FIELDS[kind] in fields
        assert Filter().values(kind) == ()


@pytest.mark.parametrize("kind", FILTER_KINDS)
def test_with_values_sets_only_its_own_field(kind: str) -> None:
    flt = Filter(text="door").with_values(filter_kind(kind), ["a", "b"])
    assert flt.values(filter_kind(kind)) == ("a", "b")
    others = [k for k in FILTER_KINDS if k != kind]
    assert all(flt.values(k) == () for k in others)
    assert flt.text == "door"
    assert flt.with_values(filter_kind(kind), ()) == Filter(text="door")


def test_adding_keeps_order_and_drops_repeats() -> None:
    flt = Filter(speakers=("sherman",)).adding("speaker", ["ryabkov", "sherman"])
    assert flt.speakers == ("sherman", "ryabkov")


@pytest.mark.parametrize("name", ["speakers", "Speaker", "speakr", "", "text"])
def test_a_misspelt_kind_is_refused_never_another_filter(name: str) -> None:
    # Before: the palette's set_filter_values fell back to the event filter.
    with pytest.raises(UnknownKind, match="unknown filter kind"):
        filter_kind(name)
    with pytest.raises(UnknownKind):
        Filter().with_values(name, ["x"])  # type: ignore[arg-type]
    with pytest.raises(UnknownKind):
        Filter().adding(name, ["x"])  # type: ignore[arg-type]


def test_an_unknown_field_is_refused_when_converting() -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"speaker": ["sherman"]}, Filter)
