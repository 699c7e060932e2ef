"""Shared helpers: build small datasets in tmp folders and read back problems."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from genevatui.cli import main
from genevatui.core import DatasetError, load_dataset

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
MINI_DIR = REPO / "tests" / "data" / "mini"
MINI = MINI_DIR / "events.yaml"
MINI_YAML = MINI.read_text(encoding="utf-8")
MINI_ARTICLE = (MINI_DIR / "seeds" / "article.txt").read_text(encoding="utf-8")
BUNDLED = REPO / "data" / "events.yaml"


def edit(text: str, *pairs: tuple[str, str]) -> str:
    """Replace each `old` by `new`; each `old` must occur exactly once."""
    for old, new in pairs:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def make_dataset(
    folder: Path,
    yaml_text: str | None = None,
    article: str | None = None,
    *,
    yaml_bytes: bytes | None = None,
    article_bytes: bytes | None = None,
) -> Path:
    """Write `events.yaml` and `seeds/article.txt` under `folder` (mini by default)."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    path = folder / "events.yaml"
    if yaml_bytes is None:
        yaml_bytes = (MINI_YAML if yaml_text is None else yaml_text).encode("utf-8")
    path.write_bytes(yaml_bytes)
    if article_bytes is None:
        article_bytes = (MINI_ARTICLE if article is None else article).encode("utf-8")
    (folder / "seeds" / "article.txt").write_bytes(article_bytes)
    return path


@dataclass(frozen=True)
class Line:
    """One `file:line:col: message` line of a DatasetError."""

    line: int
    col: int
    message: str


def problems(path: Path) -> list[Line]:
    """Load `path`, expect a DatasetError, and parse its `file:line:col:` lines."""
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    text = str(info.value)
    out = []
    for row in text.splitlines():
        assert row.startswith(f"{path}:"), row
        line, col, message = row[len(f"{path}:") :].split(":", 2)
        out.append(Line(int(line), int(col), message.strip()))
    assert len(out) == len(info.value.problems)
    return out


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, col) of the `nth` occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col


def find(found: list[Line], line: int, col: int | None, fragment: str) -> Line:
    """The problem at `line`(:`col`) whose message contains `fragment`."""
    for p in found:
        if p.line == line and (col is None or p.col == col) and fragment in p.message:
            return p
    raise AssertionError(f"no problem at {line}:{col} with {fragment!r} in {found}")


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("GENEVATUI_DEBUG", None)
    # Buffered stdout, as for a user: then a closed pipe really raises BrokenPipeError.
    env.pop("PYTHONUNBUFFERED", None)
    return env


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genevatui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        cwd=REPO,
        timeout=timeout,
    )


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `main(argv)` in-process; argparse's SystemExit becomes the exit code."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err
