"""Usage: the explorer without a terminal, empty --data, date ranges, and a
--help that documents every flag and says what the code does."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI, MINI_YAML, REPO, call, edit, make_dataset, run_cli, subprocess_env

from genevatui.cli import build_parser

M = str(MINI)
NO_TERMINAL = "genevatui: the explorer needs a terminal, and {} is not one; for scripts, use"


# -- 13: no terminal, no explorer (and no 100 % CPU forever) ----------------------------


def run_tui(argv: list[str], *, pty_for: tuple[str, ...] = ()) -> tuple[int, str, str]:
    """`genevatui *argv` with stdin /dev/null, or a pty on the streams in `pty_for`."""
    master, slave = os.openpty()
    streams: dict[str, int] = {"stdin": subprocess.DEVNULL}
    streams.update({"stdout": subprocess.PIPE, "stderr": subprocess.PIPE})
    streams.update({name: slave for name in pty_for})
    proc = subprocess.Popen(
        [sys.executable, "-m", "genevatui", *argv],
        **streams,  # type: ignore[arg-type]
        cwd=REPO,
        env=subprocess_env(),
        start_new_session=True,  # an explorer that starts by mistake dies with its group
    )
    os.close(slave)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"`genevatui {' '.join(argv)}` still running after 60 s")
    finally:
        os.close(master)
    return proc.returncode, (out or b"").decode(), (err or b"").decode()


@pytest.mark.parametrize(
    ("pty_for", "missing"),
    [((), "stdin"), (("stdin", "stderr"), "stdout"), (("stdin", "stdout"), "stderr")],
)
def test_the_explorer_refuses_to_start_without_a_terminal(
    pty_for: tuple[str, ...], missing: str
) -> None:
    code, out, err = run_tui(["--data", M], pty_for=pty_for)
    assert (code, out) == (2, "")
    if "stderr" not in pty_for:
        assert err.startswith(NO_TERMINAL.format(missing)), err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["--speaker", "Shermann"], 2, "genevatui: unknown speaker 'Shermann'"),
        (["--goto", "sherman-dor"], 2, "genevatui: unknown event or quote id 'sherman-dor'"),
        (["--from", "2022-02", "--to", "2022-01"], 2, "genevatui: --from 2022-02 is after"),
    ],
)
def test_without_a_terminal_mistakes_are_reported_first(
    argv: list[str], code: int, fragment: str
) -> None:
    done, out, err = run_tui(["--data", M, *argv])
    assert (done, out) == (code, "")
    assert err.startswith(fragment), err
    assert "needs a terminal" not in err


def test_without_a_terminal_bad_data_is_reported_first(tmp_path: Path) -> None:
    path = make_dataset(tmp_path, edit(MINI_YAML, ("speaker: sherman", "speaker: sheman")))
    code, out, err = run_tui(["--data", str(path)])
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "1 problem(s); nothing loaded"
    assert "unknown people id 'sheman'" in err


# -- 18: an empty --data, a range that ends before it starts ---------------------------


@pytest.mark.parametrize(
    "argv",
    [["validate", "--data", ""], ["export", "--data", ""], ["--data", ""], ["--data=", "export"]],
)
def test_an_empty_data_path_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = call(capsys, *argv)
    assert (code, out) == (2, "")
    assert "argument --data: empty path (an unset variable?)" in err


def test_an_empty_data_path_subprocess() -> None:
    done = run_cli("validate", "--data", "")
    assert (done.returncode, done.stdout) == (2, "")
    assert "argument --data: empty path" in done.stderr


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("2022-02", "2022-01"), ("2022-01-11", "2022-01-10"), ("2023", "2022-12-31"),
     ("2022-02-01", "2022-01"), ("2022", "2021")],
)  # fmt: skip
def test_from_after_to_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], date_from: str, date_to: str
) -> None:
    for argv in (["export", "--data", M], ["--data", M]):
        code, out, err = call(capsys, *argv, "--from", date_from, "--to", date_to)
        assert (code, out) == (2, "")
        assert err == f"genevatui: --from {date_from} is after --to {date_to}\n"


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("2022-01", "2022-01-10"), ("2022-01-10", "2022-01"), ("2022", "2022-01-01"),
     ("2022-01-10", "2022-01-10"), ("2022-01-31", "2022-01")],
)  # fmt: skip
def test_ranges_compare_each_date_at_its_precision(
    capsys: pytest.CaptureFixture[str], date_from: str, date_to: str
) -> None:
    code, out, err = call(
        capsys, "export", "--data", M, "--format", "jsonl", "--from", date_from, "--to", date_to
    )
    assert (code, err) == (0, "")
    assert out  # the mini dataset's January quotes overlap every one of these ranges


# -- 19: --help documents every flag, and means what it says ---------------------------


def parsers() -> dict[str, argparse.ArgumentParser]:
    top = build_parser()
    found = {"genevatui": top}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update({f"genevatui {n}": p for n, p in action.choices.items()})
    return found


@pytest.mark.parametrize("name", ["genevatui", "genevatui validate", "genevatui export"])
def test_every_flag_has_help_text(capsys: pytest.CaptureFixture[str], name: str) -> None:
    parser = parsers()[name]
    code, out, _ = call(capsys, *name.split()[1:], "--help")
    assert code == 0
    flat = " ".join(out.split())
    flags = [a for a in parser._actions if a.option_strings or a.dest == "command"]
    assert len(flags) >= (2 if name.endswith("validate") else 4)
    for action in flags:
        assert action.help and action.help != argparse.SUPPRESS, action
        # Printed beside its flag: the flag, its metavar, then the first words.
        words = " ".join(action.help.split()[:6])
        assert words in flat, (action.option_strings, words)


def test_the_filter_flags_are_documented_where_they_are_accepted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (["--help"], ["export", "--help"]):
        _, out, _ = call(capsys, *argv)
        flat = " ".join(out.split())
        assert "Repeat a flag to OR its values" in flat
        assert "different flags combine with AND" in flat
        assert "ignoring case and accents" in flat
        for flag in ("--speaker", "--venue", "--delegation", "--topic", "--search", "--from"):
            assert f"{flag} " in out
    _, out, _ = call(capsys, "export", "--help")
    assert "jsonl: one quote per line" in " ".join(out.split())


def ids(capsys: pytest.CaptureFixture[str], *argv: str) -> set[str]:
    code, out, err = call(capsys, "export", "--data", M, "--format", "jsonl", *argv)
    assert (code, err) == (0, "")
    return {json.loads(line)["id"] for line in out.splitlines()}


def test_the_search_help_is_what_the_code_does(capsys: pytest.CaptureFixture[str]) -> None:
    ryabkov, sherman, state = "ryabkov-result", "sherman-door", "state-department-nothing"
    # "words that must all occur, in any order"
    assert ids(capsys, "--search", "open door") == {sherman}
    assert ids(capsys, "--search", "open result") == set()
    # in a quote's text, the speaker's names, its event's title
    assert ids(capsys, "--search", "wendy") == {sherman}
    assert ids(capsys, "--search", "ryabikov") == {ryabkov}
    assert ids(capsys, "--search", "first round") == set()  # an event's summary: events only
    # '"a phrase" in double quotes must occur as written'
    assert ids(capsys, "--search", '"nothing new"') == {state}
    assert ids(capsys, "--search", '"new nothing"') == set()
    # "A | B or A OR B matches either"
    assert ids(capsys, "--search", "door | nothing") == {sherman, state}
    assert ids(capsys, "--search", "door OR nothing") == {sherman, state}
    # "parts of words match; case and accents are ignored"
    assert ids(capsys, "--search", "NOTH") == {state}
    assert ids(capsys, "--search", "d\u00d3OR") == {sherman}
    # "Repeated, the values are ORed"
    assert ids(capsys, "--search", "door", "--search", "nothing") == {sherman, state}
    assert ids(capsys, "--search", '"door', "--search", "nothing") == {sherman, state}


def test_filters_before_the_subcommand_apply(capsys: pytest.CaptureFixture[str]) -> None:
    # They were silently dropped: `genevatui --speaker sherman export` exported everything.
    assert ids(capsys, "--speaker", "ryabkov") == {"ryabkov-result"}
    code, out, _ = call(capsys, "--speaker", "sherman", "--from", "2022-01-10", "export",
                        "--data", M, "--format", "jsonl")  # fmt: skip
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["sherman-door"]
    code, out, _ = call(capsys, "--speaker", "sherman", "export", "--speaker", "ryabkov",
                        "--data", M, "--format", "jsonl")  # fmt: skip
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ryabkov-result"]
