"""The source pane's wrap: linear on any text, and what it measures is what it draws.

Root causes 3 (a 5 MB word: the wrap was quadratic and the TUI never
painted) and 10 (a tab counted 0 cells by the wrap but drawn as 1, so text
after 60 tabs was pushed off the pane).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pilot_helpers import run, screen_text, source, widget_lines
from rich.cells import split_graphemes
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.tui.app import GenevaApp
from genevatui.tui.widgets import source_view
from genevatui.tui.widgets.source_view import drawn_len, wrap_offsets

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one grapheme, two cells


def check_wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The wrap's invariants: lines in order, no gaps (a newline between two
    lines is the only thing left out), nothing but trailing whitespace past
    `width` unless one grapheme is wider, no grapheme cut in two."""
    lines = wrap_offsets(text, width)
    assert lines and lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (start, _) in zip(lines, lines[1:], strict=False):
        assert start == end or (start == end + 1 and text[end] == "\n"), (end, start)
    inside = {  # offsets inside a grapheme cluster of a word
        word.start() + k
        for word in re.finditer(r"\S+", text)
        for start, end, _ in split_graphemes(word.group())[0]
        for k in range(start + 1, end)
    }
    for start, end in lines:
        body = text[start:end].rstrip()
        assert "\n" not in text[start:end]
        assert drawn_len(body) <= width or len(split_graphemes(body)[0]) == 1, (body, width)
        assert start not in inside and end not in inside, (start, end)
    return lines


def test_an_over_wide_word_is_cut_at_exact_offsets() -> None:
    text = "ab " + "x" * 25 + " cd"
    assert check_wrap(text, 10) == [(0, 3), (3, 13), (13, 23), (23, 31)]
    assert check_wrap("x" * 30, 10) == [(0, 10), (10, 20), (20, 30)]
    assert check_wrap("漢" * 7, 5) == [(0, 2), (2, 4), (4, 6), (6, 7)]  # 2 cells each
    # A cluster of code points is never split, and counts its real width.
    word = "ab" + FAMILY * 3
    n = len(FAMILY)
    assert check_wrap(word, 3) == [(0, 2), (2, 2 + n), (2 + n, 2 + 2 * n), (2 + 2 * n, 2 + 3 * n)]
    assert check_wrap(word, 4) == [(0, 2 + n), (2 + n, 2 + 3 * n)]


def test_a_tab_is_one_cell_in_the_wrap_as_on_screen() -> None:
    text = "said:" + "\t" * 60 + "We need a result."
    lines = check_wrap(text, 50)
    # "said:" and its tabs take 65 cells: the passage starts the next line.
    assert lines == [(0, 65), (65, len(text))]
    assert drawn_len("\t\t") == 2


def test_random_text_keeps_the_invariants() -> None:
    rng = random.Random(8)
    alphabet = ["a", "b", "é", "漢", " ", " ", "\t", "\n", FAMILY, "x" * 40, "ж" * 30]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        check_wrap(text, rng.randint(2, 40))


def test_a_resize_rewraps_only_for_a_new_width(monkeypatch: Any) -> None:
    calls: list[int] = []
    real = source_view.wrap_offsets

    def counting(text: str, width: int) -> list[tuple[int, int]]:
        calls.append(width)
        return real(text, width)

    monkeypatch.setattr(source_view, "wrap_offsets", counting)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.resize_terminal(120, 30)  # taller or shorter: same width
        await pilot.pause()
        assert calls == []
        await pilot.resize_terminal(150, 30)
        await pilot.pause()
        assert len(calls) == 1
        await pilot.resize_terminal(120, 40)  # back to a width already wrapped for
        await pilot.pause()
        assert len(calls) == 1

    app = create_app(MINI / "events.yaml")
    run(app, lambda pilot, app: _after_start(pilot, app, calls, body))


async def _after_start(pilot: Pilot[Any], app: GenevaApp, calls: list[int], body: Any) -> None:
    calls.clear()  # the first wrap, at start-up
    await body(pilot, app)


def _mini_with(tmp_path: Path, article: str, extra_quotes: str = "") -> Path:
    shutil.copytree(MINI, tmp_path / "mini")
    (tmp_path / "mini" / "seeds" / "article.txt").write_text(article, encoding="utf-8")
    events = tmp_path / "mini" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + extra_quotes, encoding="utf-8")
    return events


ARTICLE = (MINI / "seeds" / "article.txt").read_text(encoding="utf-8")


def test_a_passage_after_60_tabs_is_on_screen_at_130_columns(tmp_path: Path) -> None:
    article = ARTICLE.replace("Ryabkov said: ", "Ryabkov said:" + "\t" * 60)
    assert article != ARTICLE
    data = _mini_with(tmp_path, article)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        assert view.current_span is not None and view.current_span.key == 0
        lines = widget_lines(view)
        assert any("“We need a result." in line for line in lines), lines
        assert "“We need a result." in screen_text(app)

    run(create_app(data, goto="ryabkov-result"), body, size=(130, 40))


RUN_CHILD = """
import asyncio, json, sys
from genevatui import create_app
from genevatui.tui.screens.main import MainScreen
from genevatui.tui.widgets.source_view import SourceView

async def main():
    app = create_app(sys.argv[1], goto="after-the-run")
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for size in ((80, 24), (100, 30), (61, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            view = app.screen.query_one(SourceView)
            seen.append([view.render_line(y).text for y in range(view.size.height)])
    print(json.dumps(seen))

asyncio.run(main())
"""


def test_a_5_mb_word_is_painted(tmp_path: Path) -> None:
    """In a child process, with a generous timeout: it used to never paint."""
    article = ARTICLE + "\n" + "x" * 5_000_000 + " After the run, the end marker.\n"
    quote = """  - id: after-the-run
    speaker: ryabkov
    source: article
    text: After the run, the end marker.
    kind: reported
    event: geneva-talks-2022-01-10
"""
    data = _mini_with(tmp_path, article, quote)
    done = subprocess.run(
        [sys.executable, "-c", RUN_CHILD, str(data)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    screens = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(screens) == 4
    for lines in screens:
        assert any("After the run" in line for line in lines), lines
        assert any("x" * 30 in line for line in lines), lines  # the run itself, above it
