"""A filter in words: chips that name what a value stands for, and why a
filter matches nothing. Pure core: no Textual."""

from __future__ import annotations

import pytest
from linked_data import make_linked

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.chips import chips, date_range_text, why_empty
from genevatui.core.dates import in_order, range_problem


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(load_dataset(make_linked(tmp_path_factory.mktemp("linked"))))


def texts(index: Index, flt: Filter) -> list[str]:
    return [c.text for c in chips(index, flt)]


def test_chips_give_names_not_slugs(index: Index) -> None:
    flt = Filter(
        speakers=("sherman",),
        venues=("geneva",),
        delegations=("washington",),
        topics=("nato-expansion",),
        events=("geneva-talks-2022-01-10",),
        sources=("other",),
    )
    assert texts(index, flt) == [
        "speaker: Wendy Sherman",
        "venue: Geneva",
        "delegation: United States",
        "topic: NATO expansion",
        "event: Geneva talks",
        "source: other",  # no number in its file name: its id
    ]


def test_a_value_naming_nothing_or_several_is_shown_as_typed(index: Index) -> None:
    # "r" is part of several speakers' names; "zz" names nobody
    assert texts(index, Filter(speakers=("r", "zz\x1b[31m"))) == [
        "speaker: r",
        "speaker: zz\\x1b[31m",  # never a raw control character
    ]


def test_filtered_out_dates_and_text_chips(index: Index) -> None:
    flt = Filter(text="door", date_from="2021-12", date_to="2022-01-13").excluding(
        "delegation", ["russia"]
    )
    chip = chips(index, flt)[0]
    assert (chip.label, chip.negated) == ("not delegation", True)
    assert texts(index, flt) == [
        "not delegation: Russia",
        "date: Dec 2021 – 13 Jan 2022",
        "text: door",
    ]


def test_date_range_text() -> None:
    assert date_range_text("1972", "1972") == "1972"
    assert date_range_text("2022-01", None) == "from Jan 2022"
    assert date_range_text(None, "2022-01-10") == "to 10 Jan 2022"
    assert date_range_text(None, None) == ""
    assert date_range_text("20x", None) == "from 20x"  # not a date: as typed


def test_the_date_range_checks_of_the_dialog_and_the_command_line() -> None:
    assert range_problem(None, None) is None
    assert range_problem("2022-01", "2022-01-10") is None  # each end at its own precision
    assert in_order("2022-01", "2022-01-10") and not in_order("2022-02", "2022-01")
    assert range_problem("2022-02", "2022-01") == "From 2022-02 is after To 2022-01"
    assert (
        range_problem("2022-13", None) == "From: impossible date '2022-13' (month must be in 1..12)"
    )
    assert range_problem(None, "10/01/2022") == (
        "To: date '10/01/2022' is not YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_why_empty_names_the_filter_that_emptied_it(index: Index) -> None:
    flt = Filter(
        speakers=("sherman",), topics=("nato-expansion",), date_from="1972", date_to="1972"
    )
    assert index.run(flt).quotes == []
    assert index.why_empty(flt) == (
        "No statement matches speaker Wendy Sherman + topic NATO expansion + date 1972; "
        "without date: 1. x clears every filter."
    )


def test_why_empty_with_one_filter_and_with_no_single_culprit(index: Index) -> None:
    assert (
        why_empty(index, Filter(text="zebra")) == "No statement matches text “zebra”. x clears it."
    )
    flt = Filter(text="zebra", date_to="1972")
    assert why_empty(index, flt) == (
        "No statement matches date to 1972 + text “zebra”; removing any one of them "
        "still leaves none. x clears every filter."
    )


def test_why_empty_counts_filtered_out_values_and_assessments(index: Index) -> None:
    # kept and filtered out at once: either removal gives statements; without
    # the kept speaker, 2 quotes and the assessment remain
    flt = Filter(speakers=("ryabkov",)).excluding("speaker", ["ryabkov"])
    assert why_empty(index, flt) == (
        "No statement matches speaker Sergei Ryabkov + not speaker Sergei Ryabkov; "
        "without speaker: 3, without not speaker: 2. x clears every filter."
    )
