"""The command line, both in-process (`cli.main`) and as `python -m genevatui`."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    MINI,
    MINI_YAML,
    REPO,
    call,
    edit,
    make_dataset,
    position,
    run_cli,
    subprocess_env,
)

from genevatui import __version__

M = str(MINI)
SUMMARY = re.compile(
    r"ok: .*events\.yaml: 1 sources, 3 people, 1 venues, 1 events, 3 quotes "
    r"\(1 direct, 2 reported\), 0 assessments, 0 disagreements, 0 same_as links; "
    r"4 passages anchored: 3 exact, 1 tolerant, 0 fuzzy, 0 orphaned\n\Z"
)
BROKEN = edit(
    MINI_YAML,
    ("speaker: sherman", "speaker: sheman"),
    ("venue: geneva", "venue: genva"),
    ("precision: day", "precision: month"),
)


# -- validate ------------------------------------------------------------------


def test_validate_ok_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "validate", "--data", M)
    assert (code, err) == (0, "")
    assert SUMMARY.match(out), out


def test_validate_ok_subprocess() -> None:
    done = run_cli("validate", "--data", M)
    assert (done.returncode, done.stderr) == (0, "")
    assert SUMMARY.match(done.stdout), done.stdout


def test_data_before_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "--data", M, "validate")
    assert code == 0 and SUMMARY.match(out)


def test_validate_problems_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_dataset(tmp_path, BROKEN)
    code, out, err = call(capsys, "validate", "--data", str(path))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 4, err
    assert all(line.startswith(f"{path}:") for line in lines[:3])
    expected = {position(BROKEN, at) for at in ("sheman", "genva", "month")}
    assert {tuple(map(int, line.split(":")[1:3])) for line in lines[:3]} == expected
    assert lines[3] == "3 problem(s); nothing loaded"


def test_validate_problems_subprocess(tmp_path: Path) -> None:
    path = make_dataset(tmp_path, BROKEN)
    done = run_cli("validate", "--data", str(path))
    assert (done.returncode, done.stdout) == (1, "")
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 4
    assert "unknown people id 'sheman' (did you mean 'sherman'?)" in done.stderr


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("not-utf8", "not UTF-8"),
        ("syntax", "YAML syntax error"),
    ],
)
def test_validate_bad_files_without_traceback(tmp_path: Path, setup: str, fragment: str) -> None:
    path = tmp_path / "events.yaml"
    if setup == "directory":
        path = tmp_path
    elif setup == "not-utf8":
        path.write_bytes(b"version: 1\n\xff\n")
    elif setup == "syntax":
        path.write_text("version: [1\n", encoding="utf-8")
    done = run_cli("validate", "--data", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert fragment in done.stderr
    assert done.stderr.endswith("1 problem(s); nothing loaded\n")


def test_validate_warns_about_fuzzy_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = (
        "Ryabkov said the Russian side insists on legally binding guarantees of non-expansion.\n"
    )
    text = edit(
        MINI_YAML,
        ("Talks opened in Geneva on January 10.", "Ryabkov said"),
        ('"\\u201cWe need a result. We will achieve it."',
         "the Russian side insists on legally binding guarantees of non-expansoin."),
        ("text: the door stays open\n    occurrence: 2", "text: legally binding"),
        ("text: said nothing new", "text: guarantees of"),
    )  # fmt: skip
    code, out, err = call(capsys, "validate", "--data", str(make_dataset(tmp_path, text, article)))
    assert code == 0
    assert "quotes[0].text: re-anchored fuzzy, score" in err
    assert "1 fuzzy" in out


# -- usage errors: exit 2 ------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["export", "--data", M, "--format", "xml"], "invalid choice: 'xml'"),
        (["export", "--data", M, "--from", "2022-13"], "--from: impossible date '2022-13'"),
        (["export", "--data", M, "--from", "10/01/2022"], "--from: date '10/01/2022' is not"),
        (["export", "--data", M, "--to", "2022-02-30"], "--to: impossible date '2022-02-30'"),
        (["export", "--data", M, "--speaker", "Ryabkow"],
         "unknown speaker 'Ryabkow' (did you mean 'ryabkov'"),
        (["export", "--data", M, "--topic", "nato-expanse"], "unknown topic 'nato-expanse'"),
        (["export", "--data", M, "--bogus"], "unrecognized arguments: --bogus"),
        (["--from", "2022-13"], "--from: impossible date '2022-13'"),  # before any TUI starts
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)  # fmt: skip
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    code, out, err = call(capsys, *argv)
    assert (code, out) == (2, "")
    assert fragment in err
    done = run_cli(*argv)
    assert (done.returncode, done.stdout) == (2, "")
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "--version")
    assert (code, out) == (0, f"genevatui {__version__}\n")
    done = run_cli("--version")
    assert (done.returncode, done.stdout) == (0, f"genevatui {__version__}\n")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--help"], ["validate", "export", "--data", "--version"]),
        (["export", "--help"], ["--format", "--speaker", "--venue", "--delegation", "--topic",
                                "--search", "--from", "--to", "json,jsonl,csv,markdown"]),
        (["validate", "--help"], ["--data"]),
    ],
)  # fmt: skip
def test_help(capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]) -> None:
    code, out, _ = call(capsys, *argv)
    assert code == 0
    assert out.startswith("usage: genevatui")
    for word in words:
        assert word in out


# -- export --------------------------------------------------------------------


def export_ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code, out, err = call(capsys, "export", "--data", M, "--format", "jsonl", *argv)
    assert (code, err) == (0, "")
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_export_filters_repeat_as_or_and_combine_as_and(capsys: pytest.CaptureFixture[str]) -> None:
    assert export_ids(capsys, "--speaker", "ryabkov") == ["ryabkov-result"]
    assert export_ids(capsys, "--speaker", "RYABIKOV", "--speaker", "Wendy Sherman") == [
        "ryabkov-result",
        "sherman-door",
    ]
    assert export_ids(capsys, "--delegation", "Washington", "--delegation", "Moscow") == [
        "state-department-nothing",
        "ryabkov-result",
        "sherman-door",
    ]
    assert export_ids(capsys, "--delegation", "Washington", "--venue", "geneva") == ["sherman-door"]
    assert export_ids(capsys, "--topic", "nato-expansion", "--topic", "negotiation-process") == [
        "ryabkov-result",
        "sherman-door",
    ]
    assert export_ids(capsys, "--search", "door open") == ["sherman-door"]
    assert export_ids(capsys, "--search", "door result") == []
    assert export_ids(capsys, "--search", "door", "--search", "open") == ["sherman-door"]
    assert export_ids(capsys, "--search", "door", "--search", "result") == [
        "ryabkov-result",
        "sherman-door",
    ]
    assert export_ids(capsys, "--from", "2022-01-11") == ["state-department-nothing"]
    assert export_ids(capsys, "--from", "2022-01", "--to", "2022-01-10") == [
        "state-department-nothing",
        "ryabkov-result",
        "sherman-door",
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_export_subprocess_formats(fmt: str) -> None:
    done = run_cli("export", "--data", M, "--format", fmt, "--speaker", "sherman")
    assert (done.returncode, done.stderr) == (0, "")
    if fmt == "json":
        assert [q["id"] for q in json.loads(done.stdout)["quotes"]] == ["sherman-door"]
    elif fmt == "jsonl":
        assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == ["sherman-door"]
    elif fmt == "csv":
        assert [r["id"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["sherman-door"]
    else:
        assert "**Wendy Sherman**" in done.stdout and "the door stays open" in done.stdout


def big_dataset(folder: Path, n: int = 2000) -> Path:
    """A dataset whose JSON export is far larger than a pipe buffer."""
    sentences = [f"Sentence number {i} says the talks will go on." for i in range(n)]
    lines = [
        "version: 1",
        "delegations: [{id: russia, name: Russia}]",
        "sources: [{id: article, file: seeds/article.txt, title: T, kind: news, written: W}]",
        "people: [{id: ryabkov, name: Sergei Ryabkov, delegation: russia}]",
        "quotes:",
    ]
    for i, sentence in enumerate(sentences):
        lines.append(
            f'  - {{id: q{i}, speaker: ryabkov, source: article, kind: direct, text: "{sentence}"}}'
        )
    return make_dataset(folder, "\n".join(lines) + "\n", " ".join(sentences) + "\n")


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_export_into_head_has_no_traceback(tmp_path: Path, fmt: str) -> None:
    path = big_dataset(tmp_path)
    assert run_cli("validate", "--data", str(path)).returncode == 0
    command = (
        f"{sys.executable} -m genevatui export --format {fmt} --data {path} | head -c 10; "
        'echo "rc=${PIPESTATUS[0]}"'
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=subprocess_env(),
        cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.stderr == ""
    assert done.stdout.endswith("rc=0\n")
    assert len(done.stdout) == 10 + len("rc=0\n")


def test_export_to_a_closed_pipe_has_no_traceback(tmp_path: Path) -> None:
    path = big_dataset(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "genevatui", "export", "--data", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env(), cwd=REPO,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # nobody will read: the first write fails with EPIPE
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and err == ""
