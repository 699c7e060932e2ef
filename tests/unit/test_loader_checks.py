"""Every problem at once, located; numbers too long; ids with hidden characters.

Root causes of issue 8: 17 (a record with shape errors hid its dangling
references, impossible date and duplicate id), 1 (an integer of more than
4,300 digits was an `internal error: ValueError` with no location) and 18
(an id holding U+202E was silently stripped and accepted; "orphan: orphan:").
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_YAML, edit, find, make_dataset, position, problems, run_cli

from genevatui.core import load_dataset

LAST_QUOTE = """  - id: state-department-nothing
    speaker: us-state-department
    source: article
    text: said nothing new
    kind: reported
    date: "2022-01\""""


def test_a_record_with_shape_errors_still_has_its_references_checked(tmp_path: Path) -> None:
    # A bad kind and a missing text used to hide the five other problems.
    broken = """  - id: ryabkov-result
    speaker: blinken
    source: press-release
    kind: quoted
    date: "2022-02-30"
    topics: [sanctions]"""
    text = edit(MINI_YAML, (LAST_QUOTE, broken))
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, "quoted"), "'quoted' is not one of")
    find(found, *position(text, "id: ryabkov-result", 2), "missing required field 'text'")
    find(found, *position(text, "ryabkov-result", 2), "duplicate id 'ryabkov-result'")
    find(found, *position(text, "blinken"), "unknown people id 'blinken'")
    find(found, *position(text, "press-release"), "unknown sources id 'press-release'")
    find(found, *position(text, "sanctions"), "unknown topics id 'sanctions'")
    find(found, *position(text, '"2022-02-30"'), "impossible date '2022-02-30'")
    assert len(found) == 7, found


def test_shape_errors_in_other_records_do_not_hide_references(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("version: 1", "version: one"),
        ("name: Wendy Sherman", "name: [Wendy]"),
        ("speaker: sherman", "speaker: sheman"),
        ('date: "2022-01-10"', 'date: "2022-13-10"'),
    )
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, "one"), "expected a whole number")
    find(found, *position(text, "[Wendy]"), "expected a string")
    find(found, *position(text, "sheman"), "unknown people id 'sheman'")
    find(found, *position(text, '"2022-13-10"'), "impossible date")
    assert len(found) == 4, found


def test_a_field_of_the_wrong_type_is_reported_once(tmp_path: Path) -> None:
    # The reference check skips what the shape check already reports.
    text = edit(MINI_YAML, ("speaker: sherman", "speaker: [sherman]"))
    found = problems(make_dataset(tmp_path, text))
    assert len(found) == 1
    find(found, *position(text, "[sherman]"), "expected a string, got a list")


@pytest.mark.parametrize(
    ("field", "digits"), [("occurrence", 4_301), ("occurrence", 50_000), ("version", 4_400)]
)
def test_a_very_long_integer_is_a_located_problem(tmp_path: Path, field: str, digits: int) -> None:
    old = "occurrence: 2" if field == "occurrence" else "version: 1"
    text = edit(MINI_YAML, (old, f"{field}: {'9' * digits}"))
    found = problems(make_dataset(tmp_path, text))
    line, col = position(text, "9" * digits)
    assert len(found) == 1
    find(found, line, col, f"{field}: number too long ({digits:,} characters; at most 100)")


def test_a_long_float_is_refused_too(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("occurrence: 2", f"occurrence: 1.{'5' * 200}"))
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, "1.555"), "number too long (202 characters; at most 100)")


def test_validate_and_export_report_a_long_integer_with_exit_1(tmp_path: Path) -> None:
    text = edit(MINI_YAML, ("occurrence: 2", f"occurrence: {'9' * 5000}"))
    path = make_dataset(tmp_path, text)
    line, col = position(text, "9" * 5000)
    for command in ("validate", "export"):
        done = run_cli(command, "--data", str(path))
        assert done.returncode == 1, done.stderr
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr
        assert f"{path}:{line}:{col}: quotes[1].occurrence: number too long" in done.stderr


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u2066", "\x85"])
def test_an_id_with_a_hidden_character_is_refused(tmp_path: Path, hidden: str) -> None:
    # Written as YAML escapes, as an editor would show nothing for them.
    text = edit(MINI_YAML, ("id: sherman-door", f'id: "sherman\\u{ord(hidden):04x}-door"'))
    found = problems(make_dataset(tmp_path, text))
    code = f"U+{ord(hidden):04X}"
    p = find(found, *position(text, '"sherman'), "holds an invisible or control character")
    assert code in p.message
    assert hidden not in p.message  # shown escaped, never raw


def test_a_reference_with_a_hidden_character_is_unknown(tmp_path: Path) -> None:
    # clean() used to strip U+202E, so this pointed at `sherman` unseen.
    text = edit(MINI_YAML, ("speaker: sherman", 'speaker: "sher\\u202eman"'))
    found = problems(make_dataset(tmp_path, text))
    find(found, *position(text, '"sher'), "unknown people id 'sher\\u202eman'")


def test_a_drifted_orphan_says_orphan_once(tmp_path: Path) -> None:
    sha = hashlib.sha256(MINI_ARTICLE.encode()).hexdigest()
    seed = "    file: seeds/article.txt\n"
    text = edit(MINI_YAML, (seed, f"{seed}    sha256: {sha}\n"))
    article = MINI_ARTICLE.replace("The State Department said nothing new.", "")
    dataset = load_dataset(make_dataset(tmp_path, text, article))
    orphans = [w for w in dataset.warnings if ".text: orphan" in w]
    assert len(orphans) == 1, dataset.warnings
    assert "orphan: orphan" not in orphans[0]
    assert orphans[0].endswith(
        "quotes[2].text: orphan: the text is not in the article (source 'article' has changed)"
    )
