"""`genevatui cite` and the export flags of issue 11 (--format csl-json,
--events, --group-by)."""

from __future__ import annotations

import json

import pytest
from cslschema import csl_errors
from helpers import MINI, call, run_cli

M = str(MINI)


def test_cite_plain_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "cite", "sherman-door", "--data", M)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "Wendy Sherman (United States), as reported (the article's paraphrase, "
        "not a quotation): the door stays open"
    )
    assert "Locator: ¶ 3, chars " in out and "Source: A test article" in out


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("bare", "“We need a result.\nWe will achieve it.”\n"),
        ("markdown", "**Sergei Ryabkov** (Deputy Foreign Minister, curator's description; "),
        ("plain", "Sergei Ryabkov (Deputy Foreign Minister, curator's description; Russia): "),
    ],
)
def test_cite_formats(capsys: pytest.CaptureFixture[str], fmt: str, expected: str) -> None:
    code, out, _ = call(capsys, "--data", M, "cite", "ryabkov-result", "--format", fmt)
    assert code == 0 and out.startswith(expected)


def test_cite_csl_json_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "cite", "ryabkov-result", "--data", M, "--format", "csl-json")
    document = json.loads(out)
    assert code == 0 and csl_errors(document) == []
    assert document[0]["id"] == "ryabkov-result" and document[0]["locator"] == "1–2"


def test_cite_an_unknown_id_is_one_line_with_close_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = call(capsys, "cite", "sherman-dor", "--data", M)
    assert (code, out) == (2, "")
    assert err == (
        "genevatui: unknown quote or assessment id 'sherman-dor' (did you mean 'sherman-door'?)\n"
    )


def test_cite_an_id_with_control_characters_is_shown_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = call(capsys, "cite", "x\x1b]52;c;AAAA\x07", "--data", M)
    assert code == 2 and "\x1b" not in err and "\\x1b" in err


def test_cite_subprocess_is_utf8() -> None:
    done = run_cli("cite", "ryabkov-result", "--data", M, "--format", "bare")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "“We need a result.\nWe will achieve it.”\n"


def test_export_csl_json_events_and_group_by(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "export", "--data", M, "--format", "csl-json")
    assert code == 0 and csl_errors(json.loads(out)) == []
    code, chronology, _ = call(capsys, "export", "--data", M, "--events")
    assert code == 0 and chronology.startswith("# Chronology\n")
    assert "## 10 Jan 2022: Geneva talks, Geneva" in chronology
    code, same, _ = call(capsys, "export", "--data", M, "--format", "chronology")
    assert same == chronology
    code, brief, _ = call(
        capsys, "export", "--data", M, "--format", "markdown", "--group-by", "speaker"
    )
    assert code == 0 and "## Wendy Sherman (United States)" in brief.splitlines()
    code, _, err = call(capsys, "export", "--data", M, "--group-by", "topic")
    assert code == 2 and "invalid choice: 'topic'" in err
