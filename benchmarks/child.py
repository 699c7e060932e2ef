"""One measured process, started by benchmarks/run.py (never imported by it).

    python benchmarks/child.py tti bare
    python benchmarks/child.py tti app [DATASET]     (default: the bundled one)
    python benchmarks/child.py keys DATASET [--keys N] [--picks N] [--jumps N]

Prints one line, `BENCH {json}`, after the app has exited: `time.time()`
stamps (the parent subtracts the stamp it took just before starting us),
latency samples in seconds, and the peak RSS (VmHWM) of this process.
Imports are done inside the functions so that `tti bare` loads only Textual.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter
from itertools import cycle
from pathlib import Path
from typing import Any

SIZE = (120, 40)  # wide enough for the three-pane layout with the timeline
NOOP = "f12"  # bound nowhere in genevatui; not printable, so the Input ignores it too
POLL = 0.002  # seconds between readiness checks
TIMEOUT = 300  # seconds to wait for the main screen (a cold 100k load takes ~30 s)


def peak_rss_kb() -> int:
    """This process's peak resident set size (VmHWM), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def emit(out: dict[str, Any]) -> None:
    out["peak_rss_kb"] = peak_rss_kb()
    sys.stdout.write("BENCH " + json.dumps(out) + "\n")
    sys.stdout.flush()


# -- time to interactive ---------------------------------------------------------
def tti_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    out: dict[str, Any] = {}

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_ready(self) -> None:
            out["ready"] = time.time()
            self.exit()

    out["imported"] = time.time()
    Bare().run(headless=True, size=SIZE)
    emit(out)


async def wait_for_main(app: Any, out: dict[str, Any]) -> bool:
    """Poll until the main screen has been laid out (its first frame is drawn
    in the same refresh); also stamp the first frame of a loading screen."""
    from textual.worker import WorkerState

    from genevatui.tui.screens.loading import LoadingScreen
    from genevatui.tui.screens.main import MainScreen
    from genevatui.tui.widgets.statements import Statements

    deadline = time.monotonic() + TIMEOUT
    while app.is_running:
        for worker in app.workers:  # the loader runs with exit_on_error=False
            if worker.state == WorkerState.ERROR:
                raise RuntimeError(f"the loading worker failed: {worker.error!r}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"no main screen after {TIMEOUT} s")
        screen = app.screen
        if isinstance(screen, MainScreen) and screen.is_mounted:
            if screen.query_one(Statements).size.height > 0:
                out["ready"] = time.time()
                return True
        elif isinstance(screen, LoadingScreen) and "loading" not in out and screen.is_mounted:
            if screen.query_one("#loading-title").size.height > 0:
                out["loading"] = time.time()
        await asyncio.sleep(POLL)
    return False


def tti_app(path: str | None) -> None:
    from genevatui import create_app

    out: dict[str, Any] = {"imported": time.time()}
    app = create_app(path)
    out["created"] = time.time()

    async def pilot_fn(pilot: Any) -> None:
        await wait_for_main(app, out)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot_fn)
    if "ready" not in out:
        raise SystemExit(f"the app never showed its main screen: {app.problems}")
    emit(out)


# -- keystroke latency -------------------------------------------------------------
def search_words(app: Any, count: int = 6) -> list[str]:
    """Real words of the dataset, from very common to rarer ones."""
    quotes = app.index.dataset.spec.quotes[:3000]
    words = Counter(w for q in quotes for w in re.findall(r"[a-z]{5,9}", q.text.lower()))
    ranked = [w for w, _ in words.most_common()]
    return ranked[:: max(len(ranked) // count, 1)][:count] or ["security"]


def speaker_prefixes(app: Any) -> list[str]:
    """Three lower-case ASCII letters that start a speaker's name, busiest first."""
    spec = app.index.dataset.spec
    busy = Counter(q.speaker for q in spec.quotes)
    names = {p.id: p.name for p in spec.people}
    out = []
    for pid, _ in busy.most_common():
        head = names[pid][:3].lower()
        if re.fullmatch(r"[a-z]{3}", head):
            out.append(head)
    return out or ["ser"]


class Session:
    """Times keys pressed through a Pilot, each paired with a no-op key."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.samples: dict[str, dict[str, list[float]]] = {}
        self.flip = False

    async def timed(self, key: str, row: dict[str, list[float]], side: str) -> None:
        """Wall time of the press, and the CPU time this process spent in it
        (the CPU time is not rounded up to pilot's 20 ms idle checks)."""
        cpu, start = time.process_time(), time.perf_counter()
        await self.pilot.press(key)
        row[side].append(time.perf_counter() - start)
        row[side + "_cpu"].append(time.process_time() - cpu)

    async def pair(self, name: str, key: str) -> None:
        """Press `key` and the no-op, in alternating order to cancel drift."""
        row = self.samples.setdefault(name, {"op": [], "noop": [], "op_cpu": [], "noop_cpu": []})
        self.flip = not self.flip
        for side in ("op", "noop") if self.flip else ("noop", "op"):
            await self.timed(key if side == "op" else NOOP, row, side)

    def state(self) -> tuple[Any, ...]:
        app = self.app
        screen = app.screen
        box = app.focused
        return (
            len(app.screen_stack),
            type(screen).__name__,
            getattr(screen, "filter", None),
            box,
            getattr(box, "value", None),
            getattr(box, "cursor", None),
            getattr(screen, "shown", None),
        )

    async def check_noop(self) -> None:
        """The no-op key is bound nowhere here and changes nothing we can see."""
        if NOOP in self.app.active_bindings:
            raise SystemExit(f"{NOOP} is bound on {type(self.app.screen).__name__}")
        before = self.state()
        await self.pilot.press(NOOP)
        if self.state() != before:
            raise SystemExit(f"{NOOP} changed the app: {before} -> {self.state()}")


async def filter_keys(s: Session, count: int) -> None:
    """Type words letter by letter in the search box, backspacing each word."""
    from genevatui.tui.widgets.filter_bar import SearchInput

    await s.pilot.press("slash")
    box = s.app.focused
    assert isinstance(box, SearchInput), box
    await s.check_noop()
    typed = 0
    for word in cycle(search_words(s.app)):
        word = word[: count - typed]
        for i, letter in enumerate(word):
            await s.pair("filter_type", letter)
            assert s.app.screen.filter.text == word[: i + 1], s.app.screen.filter
        for _ in word:
            await s.pair("filter_backspace", "backspace")
        assert s.app.screen.filter.text == ""
        typed += len(word)
        if typed >= count:
            break
    await s.pilot.press("enter")  # leave the box; the (empty) text is kept


async def picker_keys(s: Session, rounds: int) -> None:
    """`s`, three letters, `enter` in the speaker picker; then `x` clears."""
    from genevatui.tui.screens.main import MainScreen
    from genevatui.tui.screens.picker import PickerScreen

    await s.check_noop()
    for prefix in list(dict.fromkeys(speaker_prefixes(s.app)))[:rounds]:
        await s.pair("picker_open", "s")
        assert isinstance(s.app.screen, PickerScreen), s.app.screen
        await s.check_noop()
        for letter in prefix:
            await s.pair("picker_type", letter)
        await s.pair("picker_apply", "enter")
        screen = s.app.screen
        assert isinstance(screen, MainScreen) and screen.filter.speakers, screen
        await s.pair("clear", "x")
        assert s.app.screen.filter.is_empty


async def jump_keys(s: Session, jumps: int) -> None:
    """`enter` on a statement (jump to its passage), moving with `j` between."""
    from genevatui.tui.widgets.source_view import SourceView
    from genevatui.tui.widgets.statements import Statements

    statements = s.app.screen.query_one(Statements)
    for _ in range(jumps):
        statements.focus()  # enter moved the focus to the source; not timed
        await s.pilot.pause()
        await s.pilot.press("j")
        await s.check_noop()
        await s.pair("jump", "enter")
        assert isinstance(s.app.focused, SourceView), s.app.focused


def keys(path: str, count: int, picks: int, jumps: int) -> None:
    from genevatui import create_app

    app = create_app(path)
    out: dict[str, Any] = {}

    async def pilot_fn(pilot: Any) -> None:
        try:
            if not await wait_for_main(app, out):
                return
            await pilot.pause()
            session = Session(pilot)
            await filter_keys(session, count)
            await picker_keys(session, picks)
            await jump_keys(session, jumps)
            out["samples"] = session.samples
        finally:
            app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot_fn)
    if "samples" not in out:
        raise SystemExit(f"the key session did not finish: {app.problems}")
    emit(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    tti = sub.add_parser("tti")
    tti.add_argument("kind", choices=["bare", "app"])
    tti.add_argument("path", nargs="?")
    k = sub.add_parser("keys")
    k.add_argument("path")
    k.add_argument("--keys", type=int, default=40)
    k.add_argument("--picks", type=int, default=5)
    k.add_argument("--jumps", type=int, default=20)
    args = parser.parse_args()
    if args.cmd == "keys":
        keys(args.path, args.keys, args.picks, args.jumps)
    elif args.kind == "bare":
        tti_bare()
    else:
        tti_app(args.path)


if __name__ == "__main__":
    main()
