"""Filtering out (lnav's filter-out): `Filter.exclude`, in the scan, the
checks, the facet counts and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import call, edit
from linked_data import LINKED_YAML, make_linked

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.filters import FILTER_KINDS, Exclusion
from genevatui.core.names import UnknownName

# sherman-door is on two topics: hiding either hides it.
TWO_TOPICS = edit(
    LINKED_YAML, ("    topics: [nato-expansion]\n", "    topics: [nato-expansion, arms]\n")
).replace(
    "topics:\n  - id: nato-expansion\n",
    "topics:\n  - id: arms\n    label: Arms control\n    description: x\n  - id: nato-expansion\n",
)


@pytest.fixture
def index(tmp_path: Path) -> Index:
    return Index(load_dataset(make_linked(tmp_path, TWO_TOPICS)))


def ids(index: Index, flt: Filter) -> tuple[list[str], list[str], list[str]]:
    spec = index.dataset.spec
    result = index.run(flt)
    return (
        sorted(spec.quotes[i].id for i in result.quotes),
        [spec.events[i].id for i in result.events],
        [spec.assessments[i].id for i in result.assessments],
    )


ALL_QUOTES = ["ryabkov-result", "ryabkov-result-other", "sherman-door", "state-department-nothing"]
EVENT = "geneva-talks-2022-01-10"


def test_nothing_filtered_out_by_default(index: Index) -> None:
    assert Filter().exclude == Exclusion()
    assert ids(index, Filter()) == (ALL_QUOTES, [EVENT], ["state-department-silence"])


def test_a_speaker_filtered_out_hides_their_quotes_and_assessments_about_them(
    index: Index,
) -> None:
    quotes, events, assessments = ids(index, Filter().excluding("speaker", ["Ryabikov"]))
    assert quotes == ["sherman-door", "state-department-nothing"]
    assert events == [EVENT]  # Sherman spoke there too
    _, _, assessments = ids(index, Filter().excluding("speaker", ["US State Department"]))
    assert assessments == []


def test_a_quote_on_any_hidden_topic_is_hidden(index: Index) -> None:
    quotes, _, _ = ids(index, Filter().excluding("topic", ["Arms control"]))
    assert "sherman-door" not in quotes and len(quotes) == 3


def test_an_event_is_hidden_only_when_all_it_has_of_a_kind_is(index: Index) -> None:
    one = Filter().excluding("delegation", ["Moscow"])
    assert ids(index, one)[1] == [EVENT]
    both = one.excluding("delegation", ["Moscow", "Washington"])
    assert ids(index, both) == ([], [], [])
    # reported by both articles: hidden with both, not with one
    assert ids(index, Filter().excluding("source", ["other"]))[1] == [EVENT]
    quotes, events, _ = ids(index, Filter().excluding("source", ["other", "article"]))
    assert (quotes, events) == ([], [])


def test_venue_and_event_filtered_out(index: Index) -> None:
    # state-department-nothing has no venue and no event: it stays
    assert ids(index, Filter().excluding("venue", ["geneva"]))[:2] == (
        ["state-department-nothing"],
        [],
    )
    assert ids(index, Filter().excluding("event", ["Geneva talks"]))[:2] == (
        ["state-department-nothing"],
        [],
    )


def test_kept_and_filtered_out_combine(index: Index) -> None:
    flt = Filter(delegations=("united-states",)).excluding("speaker", ["sherman"])
    assert ids(index, flt)[0] == ["state-department-nothing"]


@pytest.mark.parametrize("kind", FILTER_KINDS)
def test_a_value_filtered_out_that_names_nothing_is_an_error(index: Index, kind: str) -> None:
    flt = Filter().excluding(kind, ["zzzz-nothing"])  # type: ignore[arg-type]
    with pytest.raises(UnknownName, match=f"unknown {kind} 'zzzz-nothing'"):
        index.check(flt)


def test_facet_counts_leave_out_the_kinds_own_exclusions(index: Index) -> None:
    flt = Filter().excluding("speaker", ["ryabkov"])
    # picking Ryabkov would show his two quotes: his own exclusion does not count
    assert index.facet_counts(flt, "speaker")["ryabkov"] == 2
    # another kind's exclusion does
    assert index.facet_counts(flt, "source")["other"] == 0
    assert index.facet_counts(flt, "source")["article"] == 2


def test_excluding_replaces_and_without_clears_both(index: Index) -> None:
    flt = Filter(speakers=("a",)).excluding("speaker", ["b"]).excluding("speaker", ["c"])
    assert (flt.speakers, flt.excluded("speaker")) == (("a",), ("c",))
    assert flt.without("speaker") == Filter()
    assert flt.excluding("speaker", ()) == Filter(speakers=("a",))


# -- command line --------------------------------------------------------------


def test_not_flags_filter_the_export_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(make_linked(tmp_path, TWO_TOPICS))
    code, out, err = call(
        capsys, "--data", data, "--not-speaker", "ryabkov", "export", "--not-topic", "arms"
    )
    assert (code, err) == (0, "")
    assert sorted(q["id"] for q in json.loads(out)["quotes"]) == ["state-department-nothing"]
    code, out, _ = call(capsys, "export", "--data", data, "--not-delegation", "russia")
    assert code == 0 and len(json.loads(out)["quotes"]) == 2
    code, out, _ = call(capsys, "export", "--data", data, "--not-source", "other")
    assert code == 0 and len(json.loads(out)["quotes"]) == 3


def test_a_not_flag_naming_nothing_is_a_one_line_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(make_linked(tmp_path, TWO_TOPICS))
    code, out, err = call(capsys, "export", "--data", data, "--not-venue", "genva")
    assert (code, out) == (2, "")
    assert err == "genevatui: unknown venue 'genva' (did you mean 'geneva'?)\n"


def test_every_kind_with_a_flag_has_a_not_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "export", "--help")
    assert code == 0
    for kind in ("speaker", "venue", "delegation", "topic", "source"):
        assert f"--{kind} NAME" in out and f"--not-{kind} NAME" in out
