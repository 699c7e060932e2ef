"""Hostile paths and values never reach the terminal raw; a non-UTF-8 locale
never breaks a message or alters an export. Run as a user would: `python -m
genevatui` in a subprocess, every byte of its output checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI, MINI_DIR, MINI_YAML, REPO, edit, subprocess_env

OSC_TITLE = "\x1b]0;evil\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
BIDI = "\u202e\u2066"
C1_CSI = "\x9b31m"
HOSTILE = OSC_TITLE + BIDI + C1_CSI
UNSAFE_CHARS = ["\x1b", "\x07", "\x9b", *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


def run(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "genevatui", *args],
        capture_output=True,
        env={**subprocess_env(), **(env or {})},
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def assert_safe(output: bytes) -> None:
    """No raw escape, bell, C1 CSI byte or bidi control anywhere in `output`."""
    for byte in (b"\x1b", b"\x07", b"\x9b"):  # 0x9b: also the 2nd byte of U+009B
        assert byte not in output, output
    text = output.decode("utf-8", errors="replace")
    assert not any(ch in text for ch in UNSAFE_CHARS), text


def hostile_dataset(folder: Path, yaml_text: str = MINI_YAML, name: str = HOSTILE) -> Path:
    """The mini dataset with its YAML file named after the hostile sequences."""
    shutil.copytree(MINI_DIR / "seeds", folder / "seeds")
    path = folder / f"events{name}.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return path


def test_validate_shows_a_hostile_path_escaped(tmp_path: Path) -> None:
    done = run("validate", "--data", str(hostile_dataset(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert_safe(done.stdout + done.stderr)
    shown = done.stdout.decode()
    assert shown.startswith(f"ok: {tmp_path}/events\\x1b]0;evil\\x07\\u202e\\u2066\\x9b31m.yaml: ")


@pytest.mark.parametrize("command", ["validate", "export", "tui"])
def test_problem_lines_show_a_hostile_path_escaped(tmp_path: Path, command: str) -> None:
    path = hostile_dataset(tmp_path, edit(MINI_YAML, ("speaker: sherman", "speaker: sheman")))
    argv = ["--data", str(path)] if command == "tui" else [command, "--data", str(path)]
    done = run(*argv)
    assert (done.returncode, done.stdout) == (1, b"")
    assert_safe(done.stderr)
    first = done.stderr.decode().splitlines()[0]
    assert first.startswith(f"{tmp_path}/events\\x1b]0;evil\\x07\\u202e\\u2066\\x9b31m.yaml:")
    assert "unknown people id 'sheman'" in first


def test_a_missing_hostile_path(tmp_path: Path) -> None:
    done = run("export", "--data", str(tmp_path / f"{OSC_LINK}.yaml"))
    assert done.returncode == 1
    assert_safe(done.stderr)
    assert b"no such file" in done.stderr


def test_a_path_that_is_not_utf8(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\x9b\x1b"))
    done = run("validate", "--data", os.fsencode(hostile_dataset(folder)))
    assert done.returncode == 0, done.stderr
    assert_safe(done.stdout + done.stderr)
    assert b"/\\xff\\x9b\\x1b/events\\x1b]0;evil" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--data", str(MINI), "--speaker", OSC_TITLE],  # unknown name
        ["export", "--data", str(MINI), "--topic", "nato" + OSC_CLIPBOARD],  # did you mean
        ["export", "--data", str(MINI), "--search", OSC_LINK, "--from", "2022-13"],
        ["export", "--data", str(MINI), "--search", OSC_CLIPBOARD, "--to", OSC_TITLE],
        ["export", "--data", str(MINI), "--format", OSC_TITLE],  # argparse's own errors
        ["export", "--data", str(MINI), OSC_LINK + BIDI],
        [OSC_CLIPBOARD],
        ["--data", str(MINI), "--goto", OSC_TITLE],
        ["--data", str(MINI), "--search", OSC_CLIPBOARD, "--delegation", BIDI + "x"],
    ],
    ids=lambda argv: " ".join(argv).encode("unicode_escape").decode()[-40:],
)
def test_hostile_values_are_shown_escaped(argv: list[str]) -> None:
    done = run(*argv)
    assert done.returncode == 2, done.stderr
    assert done.stdout == b""
    assert_safe(done.stderr)
    assert b"Traceback" not in done.stderr


def test_search_with_hostile_values_exports_nothing_unsafe() -> None:
    done = run("export", "--data", str(MINI), "--format", "markdown", "--search", OSC_CLIPBOARD)
    assert (done.returncode, done.stderr) == (0, b"")
    assert_safe(done.stdout)


# -- a locale that is not UTF-8 -------------------------------------------------------

LOCALES = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "C": {"LC_ALL": "C"},
    "C-no-coercion": {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
}


@pytest.fixture(scope="module")
def utf8_exports() -> dict[str, bytes]:
    exports = {}
    for fmt in ("json", "jsonl", "csv", "markdown"):
        done = run("export", "--data", str(MINI), "--format", fmt, env={"PYTHONUTF8": "1"})
        assert (done.returncode, done.stderr) == (0, b"")
        exports[fmt] = done.stdout
    return exports


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_exports_are_utf8_whatever_the_locale(
    utf8_exports: dict[str, bytes], fmt: str, locale: str
) -> None:
    done = run("export", "--data", str(MINI), "--format", fmt, env=LOCALES[locale])
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == utf8_exports[fmt]  # byte for byte: data is never altered
    assert "\u201c" in done.stdout.decode("utf-8")  # the mini data is not all ASCII


@pytest.mark.parametrize("locale", LOCALES)
def test_messages_never_fail_on_the_locale(tmp_path: Path, locale: str) -> None:
    env = LOCALES[locale]
    folder = tmp_path / "Gen\u00e8ve \u2014 \u201ctalks\u201d"
    path = hostile_dataset(folder)
    done = run("validate", "--data", str(path), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert b"\x1b" not in done.stdout
    assert done.stdout.startswith(b"ok: ")
    # Problems, the usage error and the help, with non-ASCII text in each.
    broken = edit(MINI_YAML, ("speaker: sherman", "speaker: sh\u00e9rman"))
    path.write_text(broken, "utf-8")
    # (An ASCII folder for export: the parse cache's own handling of a name
    # the locale cannot encode is another matter, tested with the cache.)
    ascii_path = hostile_dataset(tmp_path / "ascii", broken, OSC_TITLE)
    for argv, code in (
        (["validate", "--data", str(path)], 1),
        (["export", "--data", str(ascii_path)], 1),
        (["export", "--data", str(MINI), "--speaker", "Sh\u00e9rmann\u2014"], 2),
        (["export", "--data", str(MINI), "\u00e9"], 2),
        (["--help"], 0),
        (["export", "--help"], 0),
    ):
        done = run(*argv, env=env)
        assert done.returncode == code, (argv, done.stderr)
        assert b"Traceback" not in done.stderr and b"Error" not in done.stderr, done.stderr
        assert_safe(done.stdout + done.stderr)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain G\u00e8neve \u2014 \u201cok\u201d", "plain G\u00e8neve \u2014 \u201cok\u201d"),
        (OSC_TITLE, "\\x1b]0;evil\\x07"),
        ("a\tb\nc\rd\x00\x7f", "a\\tb\\nc\\rd\\x00\\x7f"),
        ("\x85\x9b\u202a\u202e\u2066\u2069\u200f\u061c\u2028", "\\x85\\x9b\\u202a\\u202e"
         "\\u2066\\u2069\\u200f\\u061c\\u2028"),
        (os.fsdecode(b"\xff\x9b"), "\\xff\\x9b"),  # bytes of a name that is not UTF-8
        ("\ud800", "\\ud800"),
    ],
)  # fmt: skip
def test_shown(text: str, expected: str) -> None:
    from genevatui.core.text import shown

    assert shown(text) == expected
    assert shown(expected) == expected  # what it shows is safe as it is
    expected.encode("ascii" if expected.isascii() else "utf-8")  # and always encodable
