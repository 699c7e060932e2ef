"""Ending the app: a failing load, keys typed with `q`, and signals.

Whatever ends the app, it ends: a clear message and a code, never a hung
screen, never a traceback, and a real terminal is given back (alternate
screen left, mouse reports off, cursor shown).
"""

from __future__ import annotations

import asyncio
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import run
from pty_helpers import MINI, ROOT, Tui, assert_terminal_restored
from textual import events
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.bundled import bundled_dataset
from genevatui.core.loader import load_index
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.loading import LoadingScreen
from genevatui.tui.screens.main import MainScreen

READY = b"quotes \xc2\xb7 "  # the counts line, "N of M quotes · …": the main screen is up


def _run_loader(loader: Any, label: str) -> GenevaApp:
    """Run a GenevaApp on `loader` until it ends by itself (or 30 s of idling)."""
    app = GenevaApp(loader=loader, label=label)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(600):
                if app.return_code is not None:
                    break
                await asyncio.sleep(0.05)
            else:
                await pilot.pause()

    asyncio.run(main())
    return app


def test_an_unexpected_error_in_the_loader_ends_the_app_with_70() -> None:
    """Root cause 1: any exception, not only DatasetError, ends the load."""

    def loader(progress: Any) -> Index:
        progress("reading YAML", 1.0)
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    app = _run_loader(loader, "/data/big.yaml")
    assert app.return_code == 70
    assert app.problems == [
        "genevatui: internal error while loading /data/big.yaml: ValueError: "
        "Exceeds the limit (4300 digits) for integer string conversion"
    ]


def test_the_internal_error_line_is_one_safe_line() -> None:
    def loader(progress: Any) -> Index:
        raise KeyError("x\x1b]0;owned\x07\ny")

    app = _run_loader(loader, "evil\x1b]0;title\x07.yaml")
    assert app.return_code == 70
    (line,) = app.problems
    assert line.startswith("genevatui: internal error while loading evil\\x1b]0;title\\x07.yaml: ")
    assert line.isprintable(), line  # no ESC, BEL or newline


def test_a_dataset_error_in_the_loader_still_exits_1() -> None:
    bad = ROOT / "tests" / "data" / "bad"
    path = next(p for p in sorted(bad.rglob("*.yaml")) if p.is_file())

    def loader(progress: Any) -> Index:
        return load_index(path, use_cache=False, progress=progress)

    app = _run_loader(loader, str(path))
    assert app.return_code == 1 and app.problems and "nothing loaded" in app.problems[-1]


def test_a_good_load_opens_the_main_screen() -> None:
    def loader(progress: Any) -> Index:
        return load_index(bundled_dataset(), progress=progress)

    app = GenevaApp(loader=loader, label="bundled")

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(600):
                if isinstance(app.screen, MainScreen):
                    break
                await asyncio.sleep(0.05)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen) and app.return_code is None

    asyncio.run(main())


def test_the_loading_title_shows_a_hostile_path_escaped() -> None:
    started = asyncio.Event()

    def loader(progress: Any) -> Index:
        raise RuntimeError("never mind")

    app = GenevaApp(loader=loader, label="/tmp/\x1b]0;pwned\x07\u202eevil.yaml")
    seen: list[str] = []

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        screen = next(s for s in app.screen_stack if isinstance(s, LoadingScreen))
        seen.append(str(screen.query_one("#loading-title").render()))
        started.set()

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await body(pilot, app)

    asyncio.run(main())
    assert started.is_set()
    assert seen == ["Loading /tmp/\\x1b]0;pwned\\x07\\u202eevil.yaml"]


# -- keys typed in the same burst as `q` (root cause 11) ---------------------------
BURST = ["s", "t", "d", "v", "slash", "ctrl+p", "question_mark", "o"]
CHARS = {"slash": "/", "question_mark": "?", "ctrl+p": None}


@pytest.mark.parametrize("key", BURST)
def test_keys_queued_behind_q_do_not_crash(key: str) -> None:
    """The keys arrive together (as from a terminal), not one per idle wait."""

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        for name in ("q", key, "j", "enter", "n", key):
            app.post_message(events.Key(name, CHARS.get(name, name)))
        await pilot.pause()
        await pilot.pause()

    app = create_app()
    run(app, body)
    assert app._exception is None
    if key == "ctrl+p":
        # ctrl+p is a priority binding: Textual runs it before the `q` that
        # waits its turn in the focused pane, so the palette opens instead.
        assert app.return_code is None
    else:
        assert app.return_code == 0


@pytest.mark.parametrize("key", ["s", "t", "d", "v", "/", "\x10", "?", "o"])
def test_q_and_another_key_at_once_in_a_real_terminal(key: str) -> None:
    with Tui(["--data", str(MINI)]) as tui:
        tui.wait_for(READY)
        tui.send("q" + key)
        if key == "\x10":  # ctrl+p: the palette won (see above); close it, then quit
            tui.drain(1.0)
            tui.send("\x1b")
            tui.drain(1.0)
            tui.send("q")
        code = tui.finish()
        out = bytes(tui.out)
    assert b"Traceback" not in out and b"NoMatches" not in out, out[-3000:]
    assert code == 0, out[-3000:]
    assert_terminal_restored(out)


# -- signals (root cause 12) -------------------------------------------------------
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_ends_the_app_and_gives_the_terminal_back(signum: int) -> None:
    with Tui(["--data", str(MINI)]) as tui:
        tui.wait_for(READY)
        tui.signal(signum)
        code = tui.finish()
        out = bytes(tui.out)
    assert code == 128 + signum, out[-3000:]
    assert b"Traceback" not in out
    assert_terminal_restored(out)


@pytest.fixture(scope="module")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated dataset large enough (> 2 MiB) to load behind the progress screen."""
    out = tmp_path_factory.mktemp("big")
    subprocess.run(
        [sys.executable, "-m", "benchmarks.synth", str(out), "--quotes", "40000"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out / "events.yaml"


@pytest.mark.parametrize("how", ["SIGINT", "ctrl+c"])
def test_interrupting_a_load_exits_130(big_dataset: Path, how: str) -> None:
    with Tui(["--data", str(big_dataset)]) as tui:
        tui.wait_for(b"Loading")
        tui.drain(0.3)
        assert READY not in tui.out  # still loading when interrupted
        if how == "SIGINT":
            tui.signal(signal.SIGINT)
        else:
            tui.send("\x03")
        code = tui.finish()
        out = bytes(tui.out)
    assert code == 130, out[-3000:]
    assert READY not in out and b"Traceback" not in out
    assert_terminal_restored(out)


def test_the_loading_title_reaches_a_real_terminal_escaped(
    big_dataset: Path, tmp_path: Path
) -> None:
    """Root cause 9: the path as given is drawn, its escapes made visible."""
    name = "x\x1b]0;pwned\x07y"
    folder = tmp_path / name
    folder.symlink_to(big_dataset.parent, target_is_directory=True)
    # relative, so that the title is short enough to stay on one line
    with Tui([f"--data={name}/events.yaml"], cwd=tmp_path) as tui:
        tui.wait_for(b"Loading")
        tui.drain(1.0, until=b"pwned")
        tui.send("q")
        code = tui.finish()
        out = bytes(tui.out)
    assert code == 0, out[-3000:]
    assert b"\x1b]0;" not in out
    # Textual's own OSC 22 (pointer shape) ends in BEL; no other BEL is written.
    assert b"\x07" not in re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", out)
    assert b"x\\x1b]0;pwned\\x07y" in out
    assert_terminal_restored(out)
