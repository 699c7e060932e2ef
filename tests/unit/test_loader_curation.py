"""The curation rules the loader checks against the articles and the file:
role titles verbatim, inference phrases in quotes, literal backslash-quotes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_YAML, call, edit, find, make_dataset, position, problems
from linked_data import LINKED_YAML, OTHER_ARTICLE, make_linked

from genevatui.core import load_dataset
from genevatui.core.curation import INFERENCE_PHRASES, inference_phrase

TITLE = "title: US Deputy Secretary of State"

# -- role titles --------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "US Deputy Secretary of State",  # over a line break in the article
        "us deputy secretary OF STATE",
        "US  Deputy   Secretary of State",
    ],
)
def test_a_verbatim_title_is_found_ignoring_case_and_spacing(tmp_path: Path, title: str) -> None:
    load_dataset(make_linked(tmp_path, edit(LINKED_YAML, (TITLE, f"title: {title}"))))


def test_a_verbatim_title_is_found_ignoring_quote_style(tmp_path: Path) -> None:
    text = edit(LINKED_YAML, (TITLE, "title: 'said the talks were \"useful\"'"))
    load_dataset(make_linked(tmp_path, text))


def test_a_verbatim_title_not_in_its_source_is_refused(tmp_path: Path) -> None:
    text = edit(
        LINKED_YAML,
        (TITLE, "title: First US Undersecretary of State"),
        ("        sources: [other]\n", "        sources: [other, article, other]\n"),
    )
    found = problems(make_linked(tmp_path, text))
    line, col = position(text, "First US")
    message = "title 'First US Undersecretary of State' is not in source {!r}"
    find(found, line, col, "people[1].roles[0].title: " + message.format("other"))
    find(found, line, col, message.format("article"))
    assert len(found) == 2, found  # a source listed twice is checked once


@pytest.mark.parametrize("title", ["Deputy Secretary of St", "S Deputy Secretary"])
def test_a_title_is_found_only_as_whole_words(tmp_path: Path, title: str) -> None:
    # "US Deputy Secretary of State" holds both strings, but not as words.
    text = edit(LINKED_YAML, (TITLE, f"title: {title}"))
    found = problems(make_linked(tmp_path, text))
    assert any(f"title {title!r} is not in source 'other'" in p.message for p in found), found


def test_a_title_marked_not_verbatim_is_not_looked_for(tmp_path: Path) -> None:
    text = edit(
        LINKED_YAML,
        (TITLE, "title: head of the American delegation"),
        ("        sources: [other]\n", "        sources: [other]\n        verbatim: false\n"),
    )
    load_dataset(make_linked(tmp_path, text))


def test_a_title_gone_from_a_changed_source_is_a_warning(tmp_path: Path) -> None:
    sha = hashlib.sha256(OTHER_ARTICLE.encode()).hexdigest()
    text = edit(
        LINKED_YAML,
        ("    file: seeds/other.txt\n", f"    file: seeds/other.txt\n    sha256: {sha}\n"),
    )
    changed = OTHER_ARTICLE.replace("The US Deputy Secretary\nof State", "The Deputy Secretary")
    dataset = load_dataset(make_linked(tmp_path, text, changed))
    line, col = position(text, "US Deputy Secretary of State")
    where = f"{tmp_path / 'events.yaml'}:{line}:{col}: people[1].roles[0].title: "
    [warning] = [w for w in dataset.warnings if w.startswith(where)]
    assert warning.endswith("curator's description (source 'other' has changed)")


# -- inference phrases ----------------------------------------------------------------


@pytest.mark.parametrize("phrase", INFERENCE_PHRASES)
def test_each_inference_phrase_is_found_in_any_case_and_spacing(phrase: str) -> None:
    spread = phrase.upper().replace(" ", " \n ")
    text = f"Moscow, {spread}, wants guarantees."
    found = inference_phrase(text)
    assert found is not None and " ".join(found.split()).lower() == phrase


@pytest.mark.parametrize(
    "text",
    [
        "We will show them that we mean it.",  # "show ... that", not "show that"
        "the showthat macro",
        "the judging panel by the door",
        "a presumable outcome",
        "it seemed so",
        "We need a result.",
    ],
)
def test_words_near_an_inference_phrase_are_not_one(text: str) -> None:
    assert inference_phrase(text) is None


ARTICLE = MINI_ARTICLE + "Judging by his tone, Ryabkov was tired.\n"
INFERRED = """  - id: ryabkov-tired
    speaker: ryabkov
    source: article
    text: Judging by his tone, Ryabkov was tired.
    kind: reported
"""


def test_a_quote_holding_an_inference_phrase_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MINI_YAML + INFERRED
    path = make_dataset(tmp_path, text, ARTICLE)
    dataset = load_dataset(path)
    line, col = position(text, "Judging by his tone")
    assert dataset.warnings == (
        f"{path}:{line}:{col}: quotes[3].text: 'Judging by' signals the author's inference, "
        "not a statement: record it as an assessment, or say in pattern_exception why it is "
        "the speaker's own words",
    )
    code, out, err = call(capsys, "validate", "--data", str(path))
    assert code == 0 and out.startswith("ok:")
    assert err == f"warning: {dataset.warnings[0]}\n"


def test_a_pattern_exception_silences_the_warning(tmp_path: Path) -> None:
    text = MINI_YAML + INFERRED + "    pattern_exception: He said this of himself.\n"
    assert load_dataset(make_dataset(tmp_path, text, ARTICLE)).warnings == ()


def test_an_assessment_may_hold_an_inference_phrase(tmp_path: Path) -> None:
    assessment = INFERRED.replace("speaker:", "party:").replace("    kind: reported\n", "")
    text = MINI_YAML + "assessments:\n" + assessment
    assert load_dataset(make_dataset(tmp_path, text, ARTICLE)).warnings == ()


# -- literal backslash-quotes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "style"),
    [
        ('the \\"nuclear five\\"', "plain"),
        ("'the \\\"nuclear five\\\"'", "single-quoted"),
        ('>-\n      the\n      \\"nuclear five\\"', "folded block (>)"),
        ('|\n      the \\"nuclear five\\"', "literal block (|)"),
    ],
)
def test_a_literal_backslash_quote_is_a_warning_at_the_backslash(
    tmp_path: Path, note: str, style: str
) -> None:
    text = edit(MINI_YAML, ("    name: Geneva\n", f"    name: Geneva\n    note: {note}\n"))
    path = make_dataset(tmp_path, text)
    dataset = load_dataset(path)
    line, col = position(text, '\\"')
    assert dataset.warnings == (
        f'{path}:{line}:{col}: venues[0].note: a literal \\" in a {style} scalar: YAML keeps '
        'the backslash there (only a double-quoted string reads \\" as "); write " alone',
    )
    assert '\\"' in dataset.spec.venues[0].note  # kept as written: a warning, not a change


def test_an_escaped_quote_in_a_double_quoted_scalar_is_fine(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("    name: Geneva\n", '    name: Geneva\n    note: "the \\"five\\""\n'))
    dataset = load_dataset(make_dataset(tmp_path, text))
    assert dataset.warnings == () and dataset.spec.venues[0].note == 'the "five"'
