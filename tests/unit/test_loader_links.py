"""Issue 9's records are validated like the rest: assessments, disagreements,
`same_as` links, `said`, sources' bibliographic fields; every problem at once,
each at its own line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import edit, find, position, problems
from linked_data import LINKED_YAML, OTHER_QUOTE, make_linked

from genevatui.core import load_dataset


def test_the_linked_dataset_loads_with_every_passage_anchored(tmp_path: Path) -> None:
    dataset = load_dataset(make_linked(tmp_path))
    assert dataset.warnings == ()
    spec = dataset.spec
    assert spec.sources[1].language == "en-GB" and spec.sources[1].translation is False
    [assessment] = dataset.assessment_anchors
    text = dataset.texts["article"]
    assert text[assessment.start : assessment.end] == spec.assessments[0].text
    first, second = dataset.reading_anchors[0]
    assert text[first.start : first.end] == "the door stays open"
    assert dataset.texts["other"][second.start : second.end] == "the talks were “useful”"


def test_a_disagreements_about_is_one_line(tmp_path: Path) -> None:
    """`about` is shown on one line: a line break in it is collapsed at load,
    so it cannot hide what follows it."""
    text = edit(
        LINKED_YAML,
        ("about: What Sherman said of the talks", 'about: "What\\nSherman\\tsaid of the talks"'),
    )
    [disagreement] = load_dataset(make_linked(tmp_path, text)).spec.disagreements
    assert disagreement.about == "What Sherman said of the talks"


def test_every_reference_of_an_assessment_is_checked(tmp_path: Path) -> None:
    text = edit(
        LINKED_YAML,
        ("party: us-state-department", "party: us-state-dept"),
        ("    source: article\n    text: The State", "    source: press\n    text: The State"),
        ("    event: geneva-talks-2022-01-10\n    topics: [negotiation-process]\n    date:",
         "    event: geneva-talks\n    topics: [sanctions]\n    date:"),
        ('date: "2022-01"\ndisagreements', 'date: "2022-02-30"\ndisagreements'),
    )  # fmt: skip
    found = problems(make_linked(tmp_path, text))
    find(found, *position(text, "us-state-dept"), "assessments[0].party: unknown people id")
    find(found, *position(text, "press"), "assessments[0].source: unknown sources id 'press'")
    find(found, *position(text, "geneva-talks\n"), "assessments[0].event: unknown events id")
    find(found, *position(text, "sanctions"), "assessments[0].topics[0]: unknown topics id")
    find(found, *position(text, '"2022-02-30"'), "assessments[0].date: impossible date")
    assert len(found) == 5, found


def test_every_reference_of_a_disagreement_is_checked(tmp_path: Path) -> None:
    text = edit(
        LINKED_YAML,
        ("people: [sherman]", "people: [shermann]"),
        ("events: [geneva-talks-2022-01-10]", "events: [brussels]"),
        ("quotes: [sherman-door]", "quotes: [sherman-window]"),
        ("      - source: other", "      - source: another"),
    )
    found = problems(make_linked(tmp_path, text))
    find(found, *position(text, "shermann"), "disagreements[0].people[0]: unknown people id")
    find(found, *position(text, "brussels"), "disagreements[0].events[0]: unknown events id")
    find(found, *position(text, "sherman-window"), "disagreements[0].quotes[0]: unknown quotes")
    find(
        found,
        *position(text, "another"),
        "disagreements[0].readings[1].source: unknown sources id 'another'",
    )
    assert len(found) == 4, found


@pytest.mark.parametrize(("kept", "count"), [(1, "has 1"), (0, "has 0")])
def test_a_disagreement_needs_two_readings(tmp_path: Path, kept: int, count: str) -> None:
    readings = LINKED_YAML[LINKED_YAML.index("    readings:\n") :]
    one = "    readings:\n      - source: article\n        text: the door stays open\n"
    text = LINKED_YAML.replace(readings, one if kept else "    readings: []\n")
    found = problems(make_linked(tmp_path, text))
    at = "- source: article\n        text: the door" if kept else "[]"
    find(
        found,
        *position(text, at),
        f"disagreements[0].readings: a disagreement needs at least 2 readings ({count})",
    )
    assert len(found) == 1, found


def test_a_disagreement_reading_is_anchored_like_a_quote(tmp_path: Path) -> None:
    text = edit(LINKED_YAML, ('text: the talks were "useful"', "text: the talks were dull"))
    found = problems(make_linked(tmp_path, text))
    find(
        found,
        *position(text, "the talks were dull"),
        "disagreements[0].readings[1].text: orphan: the text is not in the article",
    )


# -- same_as ----------------------------------------------------------------------


def test_a_one_sided_link_is_reported_on_the_side_missing_it(tmp_path: Path) -> None:
    text = edit(LINKED_YAML, ("    said: after\n    same_as: [ryabkov-result]\n", ""))
    found = problems(make_linked(tmp_path, text))
    p = find(found, *position(text, "id: ryabkov-result-other"), "quotes[3].same_as: missing")
    assert "missing 'ryabkov-result': quote 'ryabkov-result' lists this quote" in p.message
    assert len(found) == 1, found


def test_a_link_missing_from_an_existing_list_is_reported_at_that_list(tmp_path: Path) -> None:
    text = edit(LINKED_YAML, ("same_as: [ryabkov-result]", "same_as: [sherman-door]"))
    found = problems(make_linked(tmp_path, text))
    find(found, *position(text, "[sherman-door]"), "quotes[3].same_as: missing 'ryabkov-result'")
    # and sherman-door, named by quotes[3], does not name it back, nor is it Ryabkov's
    find(found, *position(text, "id: sherman-door"), "quotes[1].same_as: missing")
    find(
        found, *position(text, "sherman-door]"), "quotes[3].same_as[0]: quote 'sherman-door' is by"
    )
    assert len(found) == 3, found


def test_a_link_to_itself_nothing_or_twice_is_refused(tmp_path: Path) -> None:
    text = edit(
        LINKED_YAML,
        (
            "same_as: [ryabkov-result]",
            "same_as: [ryabkov-result-other, ryabkov-resalt, ryabkov-result, ryabkov-result]",
        ),
    )
    found = problems(make_linked(tmp_path, text))
    find(found, *position(text, "ryabkov-result-other,"), "cannot be the same as itself")
    find(found, *position(text, "ryabkov-resalt"), "quotes[3].same_as[1]: unknown quotes id")
    find(
        found,
        *position(text, "ryabkov-result]"),
        "quotes[3].same_as[3]: quote 'ryabkov-result' is listed twice",
    )
    assert len(found) == 3, found


def test_a_link_between_speakers_or_within_a_source_is_refused(tmp_path: Path) -> None:
    quote = OTHER_QUOTE.replace("speaker: ryabkov", "speaker: sherman").replace(
        "source: other", "source: article"
    )
    text = edit(LINKED_YAML, (OTHER_QUOTE, quote))
    found = problems(make_linked(tmp_path, text))
    here = position(text, "ryabkov-result-other]")
    there = position(text, "ryabkov-result]")
    for where in (here, there):  # each side names the other: each is wrong
        find(found, *where, "same_as links the same speaker's words")
        find(found, *where, "is from the same source 'article'")
    assert len(found) == 4, found


# -- said -------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["before", "after"])
def test_said_before_or_after_needs_an_event(tmp_path: Path, said: str) -> None:
    quote = OTHER_QUOTE.replace("    event: geneva-talks-2022-01-10\n    said: after\n", "")
    text = edit(
        LINKED_YAML, (OTHER_QUOTE, quote.replace("    same_as", f"    said: {said}\n    same_as"))
    )
    found = problems(make_linked(tmp_path, text))
    line, col = position(text, f"said: {said}")
    find(found, line, col + len("said: "), f"quotes[3].said: said {said!r} needs an event")
    assert len(found) == 1, found


def test_said_at_without_an_event_is_fine(tmp_path: Path) -> None:
    quote = OTHER_QUOTE.replace(
        "    event: geneva-talks-2022-01-10\n    said: after\n", "    said: at\n"
    )
    load_dataset(make_linked(tmp_path, edit(LINKED_YAML, (OTHER_QUOTE, quote))))


# -- sources' bibliographic fields -----------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", '"2022-13"', "impossible date '2022-13'"),
        ("published", '"11 January 2022"', "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("url", "ftp://example.org/talks", "must start with http:// or https:// and a host"),
        ("url", "example.org/talks", "must start with http:// or https:// and a host"),
        ("url", '"https:// example.org"', "must start with http:// or https:// and a host"),
        ("language", "English", "is not a BCP 47 tag"),
        ("language", "e", "is not a BCP 47 tag"),
        ("language", "en_GB", "is not a BCP 47 tag"),
    ],
)
def test_a_malformed_bibliographic_field_is_refused(
    tmp_path: Path, field: str, value: str, message: str
) -> None:
    old = {"published": '"2022-01-11"', "url": "https://example.org/talks", "language": "en-GB"}
    text = edit(LINKED_YAML, (f"{field}: {old[field]}", f"{field}: {value}"))
    found = problems(make_linked(tmp_path, text))
    line, col = position(text, f"{field}: {value}")
    find(found, line, col + len(field) + 2, f"sources[1].{field}: ")
    assert message in found[0].message and len(found) == 1, found


@pytest.mark.parametrize("language", ["en", "ru", "en-GB", "zh-Hant-TW", "es-419", "EN-gb"])
@pytest.mark.parametrize("url", ["http://example.org", "HTTPS://example.org/a?b=c#d"])
def test_well_formed_bibliographic_fields_pass(tmp_path: Path, language: str, url: str) -> None:
    text = edit(
        LINKED_YAML,
        ("language: en-GB", f"language: {language}"),
        ("url: https://example.org/talks", f"url: {url}"),
        ('published: "2022-01-11"', "published: '2022'"),
    )
    load_dataset(make_linked(tmp_path, text))
