"""The corpus of bad datasets: each is refused the same way by validate, export and the TUI.

Every folder of tests/data/bad holds a dataset that must not load and, in
`expected.txt`, the exact problem lines it must produce (see
tests/data/bad/README.md for the convention and what each case covers). Each
case runs `genevatui validate`, `genevatui export` and `genevatui` (the TUI) as
subprocesses, as a user would: each must exit 1, print exactly those lines
and the `N problem(s); nothing loaded` line on stderr, and nothing else.
Cases that cannot sit in git (a directory or a missing path given as the
file, a 50 MB file) are generated in a tmp folder. Every folder of
tests/data/good must load: `validate` exits 0 and prints its expected summary.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI_ARTICLE, MINI_YAML, REPO, edit, subprocess_env

BAD = REPO / "tests" / "data" / "bad"
GOOD = REPO / "tests" / "data" / "good"
TIMEOUT = 60  # seconds, per command
ESCAPE_RE = re.compile(r"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[0-~])")

# Cases whose expected.txt holds what SHOULD be printed; the program prints
# something else today. Strict: once a bug is fixed, the XPASS fails the run
# until its entry is removed here.
KNOWN_BUGS: dict[str, str] = {}
VERSION_BUGS: dict[str, tuple[bool, str]] = {}


def _case_dirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir())


def _param(case: Path) -> object:
    marks = []
    if case.name in KNOWN_BUGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.name]))
    if case.name in VERSION_BUGS:
        condition, reason = VERSION_BUGS[case.name]
        marks.append(pytest.mark.xfail(condition, strict=True, reason=reason))
    return pytest.param(case, id=case.name, marks=marks)


BAD_CASES = _case_dirs(BAD)
GOOD_CASES = _case_dirs(GOOD)


def _data_file(case: Path) -> Path:
    """The case's YAML: `events.yaml`, or `data/events.yaml` in the project layout."""
    nested = case / "data" / "events.yaml"
    return nested if nested.is_file() else case / "events.yaml"


def _relative(folder: Path, text: str) -> str:
    """Output as written in expected.txt: `<folder>/` dropped, `<folder>` itself as `{dir}`."""
    return text.replace(f"{folder}{os.sep}", "").replace(str(folder), "{dir}")


def _expected(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def _run(argv: list[str], cache: Path, *, measure: Path | None = None) -> tuple[int, str, str]:
    """Run `genevatui *argv` from the repository root, stdin not a tty.

    With `measure`, the command runs under a small wrapper process that writes
    its child's peak RSS (resource.getrusage(RUSAGE_CHILDREN)) into that file.
    """
    env = subprocess_env()
    env["GENEVATUI_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "genevatui", *argv]
    if measure is not None:
        command = [sys.executable, "-c", _RUSAGE_WRAPPER, str(measure), *command]
    proc = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a TUI that starts by mistake is killed with its group
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"`genevatui {' '.join(argv)}` still running after {TIMEOUT} s")
    return proc.returncode, _decode(out), _decode(err)


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="backslashreplace")


_RUSAGE_WRAPPER = """\
import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
with open(sys.argv[1], "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def _commands(data: str) -> dict[str, list[str]]:
    return {
        "validate": ["validate", "--data", data],
        "export": ["export", "--data", data],
        "tui": ["--data", data],
    }


def _assert_refused(data: Path, folder: Path, expected: list[str], cache: Path) -> None:
    """Each command exits 1 and prints exactly `expected` and the count line on stderr."""
    want = [*expected, f"{len(expected)} problem(s); nothing loaded"]
    for name, argv in _commands(str(data)).items():
        code, out, err = _run(argv, cache)
        assert "Traceback" not in err, f"{name}:\n{err}"
        assert (name, code, out) == (name, 1, ""), f"{name}: exit {code}\n{err}"
        assert _relative(folder, err).splitlines() == want, name


@pytest.mark.parametrize("case", [_param(c) for c in BAD_CASES])
def test_bad_case_is_refused_by_validate_export_and_tui(case: Path, tmp_path: Path) -> None:
    data = _data_file(case).relative_to(REPO)  # as a user types it: a relative path
    _assert_refused(data, case.relative_to(REPO), _expected(case), tmp_path / "cache")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in GOOD_CASES])
def test_good_case_loads(case: Path, tmp_path: Path) -> None:
    data = _data_file(case).relative_to(REPO)
    code, out, err = _run(["validate", "--data", str(data)], tmp_path / "cache")
    assert (code, err) == (0, ""), err
    assert _relative(case.relative_to(REPO), out).splitlines() == _expected(case)


def test_the_corpus_is_complete_and_documented() -> None:
    assert len(BAD_CASES) >= 40
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    good_readme = (GOOD / "README.md").read_text(encoding="utf-8")
    for case in BAD_CASES:
        assert (case / "events.yaml").is_file(), case.name
        assert _expected(case), f"{case.name}: expected.txt is empty"
        assert f"`{case.name}`" in readme, f"{case.name} is not described in README.md"
    for case in GOOD_CASES:
        assert _data_file(case).is_file(), case.name
        assert f"`{case.name}`" in good_readme, f"{case.name} is not described in README.md"
    named = set(KNOWN_BUGS) | set(VERSION_BUGS)
    assert named <= {c.name for c in BAD_CASES}, named - {c.name for c in BAD_CASES}


# -- generated at test time: cannot sit in git -----------------------------------------


def test_a_directory_given_as_the_file(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").mkdir()
    expected = ["events.yaml:1:1: is a directory, not a file"]
    _assert_refused(tmp_path / "events.yaml", tmp_path, expected, tmp_path / "cache")


def test_a_missing_file(tmp_path: Path) -> None:
    expected = ["events.yaml:1:1: no such file"]
    _assert_refused(tmp_path / "events.yaml", tmp_path, expected, tmp_path / "cache")


BIG_BYTES = 50 * 2**20
MAX_RSS = 12 * BIG_BYTES  # peak resident memory allowed to any command on the 50 MB file


def test_a_50_mb_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    # The mini dataset with a 50 MB note (~650,000 lines) on its event, and a
    # misspelt field on the very last line: the whole file must be read, and
    # the line counted right.
    line = "      " + "The negotiations have now been going on for over an hour. " * 2 + "\n"
    note = "    note: |\n" + line * (BIG_BYTES // len(line))
    text = edit(MINI_YAML, ("    venue: geneva\n", "    venue: geneva\n" + note))
    text += "    speker: x\n"
    folder = tmp_path / "big"
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "article.txt").write_text(MINI_ARTICLE, encoding="utf-8")
    data = folder / "events.yaml"
    data.write_text(text, encoding="utf-8")
    assert data.stat().st_size >= BIG_BYTES
    last = text.count("\n")
    want = [
        f"events.yaml:{last}:5: quotes[2].speker: unknown field 'speker' (did you mean 'speaker'?)",
        "1 problem(s); nothing loaded",
    ]
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    for name, argv in _commands(str(data)).items():
        rss_file = tmp_path / f"{name}.rss"
        # No wall-clock assertion: `_run` fails the test past its timeout.
        code, out, err = _run(argv, tmp_path / "cache", measure=rss_file)
        rss = int(rss_file.read_text()) * scale
        assert "Traceback" not in err, f"{name}:\n{err}"
        if name == "tui":
            # A large file loads behind a progress screen, drawn on stderr; the
            # problems are printed after the app has left it.
            err = ESCAPE_RE.split(err)[-1]
        assert (name, code, out) == (name, 1, ""), f"{name}: exit {code}\n{err[-2000:]}"
        assert _relative(folder, err).splitlines() == want, name
        assert rss < MAX_RSS, f"{name}: peak RSS {rss / 2**20:.0f} MiB"
        print(f"{name}: peak RSS {rss / 2**20:.0f} MiB")
