"""The machinery of test_fuzz.py: keys, step strategies, invariants, one app session.

Design: Hypothesis draws an example as a list of *steps* (a key, typed text,
a picker or palette gesture, a terminal resize). All examples of a test run
in ONE `run_test` session, held open in a background thread with its own
event loop; the (synchronous) Hypothesis test hands it one keystroke at a
time and waits for the answer with a timeout. Before each example the
session is reset: modal screens popped, the size and theme restored, and a
fresh MainScreen pushed (~0.1 s instead of ~1 s for a new app). If the app
died or hung, the next reset starts a new app. So each example starts from
the same state, shrinking works, and the shrunk list of steps is printed by
Hypothesis as a literal that `replay()` (a fresh app, no thread) accepts.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from pilot_helpers import (
    counts_text,
    expected_counts,
    shown_assessments,
    shown_events,
    shown_quotes,
)
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.worker import WorkerState

from genevatui import create_app
from genevatui.core.models import Dataset
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.help import HelpScreen
from genevatui.tui.screens.layout import LayoutScreen
from genevatui.tui.screens.main import NARROW, MainScreen
from genevatui.tui.screens.picker import PickerScreen
from genevatui.tui.widgets.filter_bar import SearchInput
from genevatui.tui.widgets.picker_list import PickerList
from genevatui.tui.widgets.source_view import SourceView
from genevatui.tui.widgets.statements import Statements
from genevatui.tui.widgets.timeline import Timeline
from genevatui.tui.widgets.virtual_list import VirtualList

BASE_SIZE = (120, 40)
MIN_SIZE = (20, 6)
MAX_SIZE = (300, 100)
STEP_TIMEOUT = 60.0  # seconds one keystroke may take before "the app stopped answering"

Step = tuple[Any, ...]
"""("key", k) | ("type", text) | ("resize", w, h) | ("search", text, finish)
| ("picker", opener, text, moves, finish) | ("palette", text, moves, finish)"""

Action = tuple[Any, ...]
"""An atomic action: ("press", key) or ("resize", w, h)."""

# -- the keys -------------------------------------------------------------------
# GenevaApp last: Hypothesis favours the first key of the pool, which should
# not be `q` (a quit, absorbed by the harness: a wasted keystroke).
BOUND_CLASSES: tuple[type, ...] = (
    MainScreen,
    LayoutScreen,
    VirtualList,
    Statements,
    Timeline,
    SourceView,
    PickerScreen,
    PickerList,
    SearchInput,
    HelpScreen,
    GenevaApp,
)


def _binding_keys(classes: Iterable[type]) -> list[str]:
    """Every key of every BINDINGS entry of `classes` and their bases (in order)."""
    seen: dict[str, None] = {}
    for cls in classes:
        for base in cls.__mro__:
            for binding in base.__dict__.get("BINDINGS", ()):
                keys = binding.key if isinstance(binding, Binding) else binding[0]
                for key in keys.split(","):
                    seen.setdefault(key.strip(), None)
    return list(seen)


def own_binding_keys() -> list[str]:
    """Keys declared by the app's own classes (not inherited from Textual)."""
    keys: dict[str, None] = {}
    for cls in BOUND_CLASSES:
        for binding in cls.__dict__.get("BINDINGS", ()):
            spec = binding.key if isinstance(binding, Binding) else binding[0]
            for key in spec.split(","):
                keys.setdefault(key.strip(), None)
    return list(keys)


def all_keys() -> list[str]:
    """The fuzzer's key pool: the app's own keys, then what Textual's base
    classes (App, Screen, Input, ScrollView…) bind, then the few keys every
    screen reacts to without a BINDINGS entry (ctrl+p opens the palette)."""
    keys = dict.fromkeys(own_binding_keys())
    keys.update(dict.fromkeys(_binding_keys(BOUND_CLASSES)))
    keys.update(dict.fromkeys(["ctrl+p", "tab", "shift+tab", "escape", "enter", "space"]))
    keys.update(dict.fromkeys(["backspace", "left", "right", "up", "down"]))
    return list(keys)


# -- strategies -------------------------------------------------------------------
def vocabulary(index: Index) -> list[str]:
    """Words a user would type: names, aliases, titles and topic ids of the dataset."""
    spec = index.dataset.spec
    names: list[str] = []
    for p in spec.people:
        names += [p.name, *p.aliases]
    names += [v.name for v in spec.venues]
    names += [n for d in spec.delegations for n in (d.name, *d.aliases)]
    names += [n for t in spec.topics for n in (t.id, t.label)]
    names += [e.title for e in spec.events]
    words = {w for name in names for w in name.split() if w}
    return sorted(words)[:400] or ["a"]


PALETTE_WORDS = [
    "",
    "filter ",
    "speaker ",
    "venue ",
    "topic ",
    "delegation ",
    "go to ",
    "event ",
    "quote ",
    "theme",
    "keys",
    "quit",
    "screenshot",
    "max",
    "min",
]
INTERESTING_SIZES = [
    MIN_SIZE,
    MAX_SIZE,
    (MIN_SIZE[0], MAX_SIZE[1]),
    (MAX_SIZE[0], MIN_SIZE[1]),
    (80, 24),
    (109, 24),  # NARROW - 1: panes stack, the timeline hides
    (110, 24),  # NARROW
    (111, 40),
    (21, 7),
    (40, 12),
]


def sizes() -> st.SearchStrategy[tuple[int, int]]:
    return st.one_of(
        st.sampled_from(INTERESTING_SIZES),
        st.tuples(st.integers(MIN_SIZE[0], MAX_SIZE[0]), st.integers(MIN_SIZE[1], MAX_SIZE[1])),
    )


def printable_text(max_size: int = 8) -> st.SearchStrategy[str]:
    ascii_printable = st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        min_size=1,
        max_size=max_size,
    )
    # Letters, marks, digits, punctuation, symbols and spaces of any script:
    # accents, Cyrillic, wide CJK, emoji, markup-ish brackets.
    unicode_printable = st.text(
        alphabet=st.characters(
            categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x7f"
        ),
        min_size=1,
        max_size=max_size,
    )
    return st.one_of(ascii_printable, unicode_printable)


def typed_text(words: Sequence[str]) -> st.SearchStrategy[str]:
    prefix = st.tuples(st.sampled_from(list(words)), st.integers(1, 8)).map(lambda t: t[0][: t[1]])
    return st.one_of(prefix, printable_text())


def steps(index: Index, max_steps: int) -> st.SearchStrategy[list[Step]]:
    """Lists of steps for the dataset of `index` (its names make the typed text)."""
    words = vocabulary(index)
    # The app's own keys twice as often as everything Textual's bases bind.
    own, pool = st.sampled_from(own_binding_keys()), st.sampled_from(all_keys())
    key = st.one_of(own, own, pool).map(lambda k: ("key", k))
    text = typed_text(words).map(lambda t: ("type", t))
    resize = sizes().map(lambda s: ("resize", s[0], s[1]))
    picker_moves = st.lists(
        st.sampled_from(["tab", "shift+tab", "space", "down", "up", "backspace", "end"]),
        max_size=6,
    ).map(tuple)
    picker = st.tuples(
        st.just("picker"),
        st.sampled_from(["s", "v", "d", "t"]),
        st.one_of(st.just(""), typed_text(words)),
        picker_moves,
        st.sampled_from(["enter", "escape"]),
    )
    palette_text = st.tuples(
        st.sampled_from(PALETTE_WORDS),
        st.one_of(st.just(""), typed_text(words).map(lambda t: t[:6])),
    ).map("".join)
    palette = st.tuples(
        st.just("palette"),
        palette_text,
        st.lists(st.sampled_from(["down", "up", "tab", "backspace"]), max_size=3).map(tuple),
        st.sampled_from(["enter", "escape"]),
    )
    search = st.tuples(
        st.just("search"),
        typed_text(words),
        st.sampled_from(["enter", "escape", ""]),  # "": leave the box open
    )
    step = st.one_of(key, key, key, resize, text, resize, search, picker, palette)
    # The length is drawn first (uniformly, not st.lists' short average) so
    # long runs get long examples, yet a failure still shrinks to a few steps.
    return st.integers(1, max_steps).flatmap(lambda n: st.lists(step, min_size=n, max_size=n))


def expand(step: Step) -> list[Action]:
    """The atomic actions of a step, in order."""
    kind = step[0]
    if kind == "key":
        return [("press", step[1])]
    if kind == "type":
        return [("press", ch) for ch in step[1]]
    if kind == "resize":
        return [("resize", step[1], step[2])]
    if kind == "search":
        _, text, finish = step
        return [("press", k) for k in ("slash", *text, *([finish] if finish else []))]
    if kind == "picker":
        _, opener, text, moves, finish = step
        return [("press", k) for k in (opener, *text, *moves, finish)]
    if kind == "palette":
        _, text, moves, finish = step
        return [("press", k) for k in ("ctrl+p", *text, *moves, finish)]
    raise ValueError(f"unknown step {step!r}")


def as_pilot_calls(steps: Sequence[Step]) -> str:
    """The steps as the Pilot calls that reproduce them (for failure reports)."""
    lines: list[str] = []
    keys: list[str] = []
    for step in steps:
        for action in expand(step):
            if action[0] == "press":
                keys.append(action[1])
                continue
            if keys:
                lines.append(f"await pilot.press(*{keys!r})")
                keys = []
            lines.append(f"await pilot.resize_terminal({action[1]}, {action[2]})")
    if keys:
        lines.append(f"await pilot.press(*{keys!r})")
    return "\n".join(lines)


# -- bookkeeping ------------------------------------------------------------------
@dataclass
class Stats:
    """What a fuzz run did, for the summary line."""

    keys: int = 0
    resizes: int = 0
    examples: int = 0
    steps: int = 0
    apps: int = 0
    crashes: int = 0  # examples that crashed the app or hung it (shrinking included)
    broken: int = 0  # examples that broke an invariant (shrinking included)
    quits_blocked: int = 0
    reset_failures: int = 0
    sizes: Counter[tuple[int, int]] = field(default_factory=Counter)
    keys_pressed: Counter[str] = field(default_factory=Counter)

    def add(self, other: Stats) -> None:
        for name in (
            "keys",
            "resizes",
            "examples",
            "steps",
            "apps",
            "crashes",
            "broken",
            "quits_blocked",
            "reset_failures",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.sizes.update(other.sizes)
        self.keys_pressed.update(other.keys_pressed)

    def summary(self, label: str) -> str:
        sizes = self.sizes
        widths = [w for w, _ in sizes] or [0]
        heights = [h for _, h in sizes] or [0]
        narrow = sum(n for (w, _), n in sizes.items() if w < NARROW)
        small = sum(n for (w, h), n in sizes.items() if w < 40 or h < 12)
        return (
            f"fuzz[{label}]: {self.keys} keystrokes ({len(self.keys_pressed)} distinct keys), "
            f"{self.resizes} resizes, {self.examples} examples, {self.steps} steps, "
            f"{self.apps} app session(s), {self.crashes} crash(es), "
            f"{self.broken} broken invariant(s), "
            f"{self.quits_blocked} quit(s) absorbed, {self.reset_failures} failed reset(s); "
            f"{len(sizes)} distinct sizes, width {min(widths)}–{max(widths)}, "
            f"height {min(heights)}–{max(heights)}, "
            f"{narrow} resizes below {NARROW} columns, {small} tiny (<40×12)"
        )


# -- invariants -------------------------------------------------------------------
class AppCrashed(AssertionError):
    """The app died: an unhandled exception, or it exited on its own."""


async def settle(pilot: Pilot[Any], app: GenevaApp) -> None:
    """Wait until the app is idle; with the palette open, until its search is done
    (the palette fills its list from a worker: without this, what `enter`
    picks would depend on timing and Hypothesis could not replay a failure)."""
    await pilot.pause()
    for _ in range(500):
        screen = app.screen
        if not isinstance(screen, CommandPalette):
            return
        busy = [
            w
            for w in app.workers
            if w.node is screen and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]
        if not busy:
            break
        await asyncio.sleep(0.005)
    await pilot.pause()


def assert_alive(app: GenevaApp, where: str) -> None:
    exc = app._exception
    if exc is not None:
        raise AppCrashed(f"{where}: the app crashed: {type(exc).__name__}: {exc}") from exc
    if not app.is_running or app.return_code is not None:
        raise AppCrashed(f"{where}: the app stopped (return code {app.return_code})")


def assert_invariants(app: GenevaApp, index: Index, where: str) -> None:
    """Counts line == Index.run(filter); panes == the result; the source's
    selected passage is exactly its record's anchor."""
    assert_alive(app, where)
    screen = next((s for s in reversed(app.screen_stack) if isinstance(s, MainScreen)), None)
    if screen is None:
        return
    dataset = index.dataset
    if app.screen is screen:
        flt = screen.filter
        counts = counts_text(app)
        assert counts == expected_counts(index, flt), f"{where}: counts {counts!r} for {flt!r}"
        result = index.run(flt)
        assert sorted(shown_quotes(app)) == sorted(result.quotes), (
            f"{where}: statements differ from Index.run({flt!r})"
        )
        assert sorted(shown_assessments(app)) == sorted(result.assessments), (
            f"{where}: assessments differ from Index.run({flt!r})"
        )
        assert sorted(shown_events(app)) == sorted(result.events), (
            f"{where}: timeline differs from Index.run({flt!r})"
        )
    source = screen.query_one("#source", SourceView)
    span = source.current_span
    if span is None:
        return
    if span.kind == "quote":
        anchor = dataset.quote_anchors[span.key]
        assert (span.start, span.end) == (anchor.start, anchor.end), (
            f"{where}: quote {span.key} shown at {span.start}:{span.end}, "
            f"anchored at {anchor.start}:{anchor.end}"
        )
        assert source.text == dataset.texts[anchor.source], (
            f"{where}: quote {span.key} shown in the wrong article"
        )
    elif span.kind == "assessment":
        anchor = dataset.assessment_anchors[span.key]
        assert (span.start, span.end) == (anchor.start, anchor.end), (
            f"{where}: assessment {span.key} shown at {span.start}:{span.end}, "
            f"anchored at {anchor.start}:{anchor.end}"
        )
        assert source.text == dataset.texts[anchor.source], (
            f"{where}: assessment {span.key} shown in the wrong article"
        )
    else:
        assert span.kind == "event", f"{where}: unknown span kind {span.kind!r}"
        places = {
            (a.start, a.end)
            for a in dataset.event_anchors[span.key]
            if dataset.texts[a.source] == source.text
        }
        assert (span.start, span.end) in places, (
            f"{where}: event {span.key} shown at {span.start}:{span.end}, "
            f"not one of its anchors {sorted(places)}"
        )


# -- running steps ------------------------------------------------------------------
def guard(app: GenevaApp, stats: Stats) -> None:
    """Make `q` / ctrl+q / the palette's Quit harmless, and screenshots go nowhere.

    A real quit would end the session; it is tested once, for real, at the
    end of each test. Everything else runs as shipped.
    """

    async def absorbed_quit() -> None:
        stats.quits_blocked += 1

    app.action_quit = absorbed_quit  # type: ignore[method-assign]
    app.deliver_screenshot = lambda *args, **kwargs: None  # type: ignore[method-assign]


async def perform(
    pilot: Pilot[Any], app: GenevaApp, index: Index, action: Action, stats: Stats, where: str
) -> None:
    """One atomic action, then every invariant."""
    assert_alive(app, where)
    if action[0] == "press":
        stats.keys += 1
        stats.keys_pressed[action[1]] += 1
        await pilot.press(action[1])
    else:
        size = (action[1], action[2])
        stats.resizes += 1
        stats.sizes[size] += 1
        await pilot.resize_terminal(*size)
    assert_alive(app, where)
    await settle(pilot, app)  # "the app still answers": this must return
    assert_invariants(app, index, where)


def where_text(steps: Sequence[Step], n: int, k: int, action: Action) -> str:
    return f"step {n} {steps[n]!r}, action {k} {action!r}"


# -- one app session in a thread ---------------------------------------------------
Job = Callable[[Pilot[Any]], Awaitable[Any]]


class Session:
    """A GenevaApp inside `run_test`, in a background thread, driven by calls.

    `call(job)` runs `await job(pilot)` in the app's loop and returns its
    result (or raises its exception) within STEP_TIMEOUT seconds. All jobs
    run in the one task that holds `run_test` open, as in a plain Pilot test.
    """

    def __init__(self, make_app: Callable[[], GenevaApp], index: Index, stats: Stats) -> None:
        self.make_app = make_app
        self.index = index
        self.stats = stats
        self.app: GenevaApp | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[tuple[Job | None, concurrent.futures.Future[Any]]] | None = None
        self._theme = ""
        self._stuck = False  # a job timed out: never send this session another

    # lifecycle
    def start(self) -> None:
        app = self.make_app()
        guard(app, self.stats)
        self.app = app
        self.stats.apps += 1
        loop = asyncio.new_event_loop()
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._loop = loop

        def main() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve(app, ready))
            finally:
                loop.close()

        self._thread = threading.Thread(target=main, name="fuzz-app", daemon=True)
        self._thread.start()
        ready.result(timeout=STEP_TIMEOUT)
        self._theme = app.theme

    async def _serve(self, app: GenevaApp, ready: concurrent.futures.Future[None]) -> None:
        queue: asyncio.Queue[tuple[Job | None, concurrent.futures.Future[Any]]] = asyncio.Queue()
        self._queue = queue
        try:
            async with app.run_test(size=BASE_SIZE) as pilot:
                await pilot.pause()
                ready.set_result(None)
                while True:
                    job, done = await queue.get()
                    if job is None:
                        done.set_result(None)
                        return
                    try:
                        result = await job(pilot)
                    except Exception as exc:  # handed to the calling thread
                        if not done.done():
                            done.set_exception(exc)
                    else:
                        if not done.done():
                            done.set_result(result)
        except Exception as exc:  # run_test re-raises the app's own exception on exit
            if not ready.done():
                ready.set_exception(exc)

    def call(self, job: Job, timeout: float = STEP_TIMEOUT) -> Any:
        assert self._loop is not None and self._queue is not None and self._thread is not None
        done: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self._loop.call_soon_threadsafe(self._queue.put_nowait, (job, done))
        waited = 0.0
        while True:
            try:
                return done.result(0.5)
            except concurrent.futures.TimeoutError:
                waited += 0.5
            if not self._thread.is_alive():
                self._stuck = True
                raise AppCrashed("the app's session ended unexpectedly")
            if waited >= timeout:
                self._stuck = True  # the job still runs: this session is abandoned
                raise AppCrashed(f"the app did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """End the session (the app's own errors on the way out are ignored)."""
        if self._thread is None or self._loop is None or self._queue is None:
            return
        done: concurrent.futures.Future[Any] = concurrent.futures.Future()
        if self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._queue.put_nowait, (None, done))
            except RuntimeError:  # the loop is already closed
                pass
            # A hung app is left behind (a daemon thread) rather than waited for.
            self._thread.join(timeout=1.0 if self._stuck else STEP_TIMEOUT)
        self._thread = None
        self._stuck = False
        self.app = None

    @property
    def healthy(self) -> bool:
        app = self.app
        return (
            app is not None
            and not self._stuck
            and self._thread is not None
            and self._thread.is_alive()
            and app.is_running
            and app._exception is None
            and app.return_code is None
        )

    # examples
    def reset(self) -> None:
        """Back to the state of a freshly started app (a new app if this one died)."""
        if not self.healthy:
            self.stop()
            self.start()
            return
        theme = self._theme

        async def job(pilot: Pilot[Any]) -> None:
            app = pilot.app
            assert isinstance(app, GenevaApp) and app.index is not None
            while len(app.screen_stack) > 1:
                await app.pop_screen()
            app.theme = theme
            app.clear_notifications()
            await pilot.resize_terminal(*BASE_SIZE)
            await app.push_screen(MainScreen(app.index, app.initial_filter, None))
            await pilot.pause()

        try:
            self.call(job)
        except Exception:
            # Counted and shown in the summary: an example that passed left an
            # app that could not be reset (a new one is started instead).
            self.stats.reset_failures += 1
            self.stop()
            self.start()

    def run_steps(self, steps: Sequence[Step]) -> None:
        """Reset, then every action of `steps` with the invariants after each."""
        self.reset()
        self.stats.examples += 1
        index, stats = self.index, self.stats
        app = self.app
        assert app is not None
        self.call(lambda pilot: _check_start(app, index))
        for n, step in enumerate(steps):
            stats.steps += 1
            for k, action in enumerate(expand(step)):
                where = where_text(steps, n, k, action)

                async def job(
                    pilot: Pilot[Any], action: Action = action, where: str = where
                ) -> None:
                    await perform(pilot, app, index, action, stats, where)

                try:
                    self.call(job)
                except AppCrashed:
                    stats.crashes += 1
                    raise
                except AssertionError:
                    stats.broken += 1
                    raise
                except Exception:  # e.g. Pilot's WaitForScreenTimeout
                    stats.crashes += 1
                    raise

    def quit_for_real(self) -> int | None:
        """Close any modal, press `q` with the real quit action: the app must
        end cleanly with return code 0."""
        app = self.app
        assert app is not None

        async def job(pilot: Pilot[Any]) -> None:
            while len(app.screen_stack) > 2:
                await app.pop_screen()
            await pilot.pause()
            del app.action_quit  # the class's own action again
            app.screen.set_focus(app.screen.query_one("#statements"))
            await pilot.press("q")
            await pilot.pause()

        self.call(job)
        assert self._thread is not None
        return app.return_code


async def _check_start(app: GenevaApp, index: Index) -> None:
    assert_invariants(app, index, "after reset")


# -- replay: a fresh app, in this thread -------------------------------------------
def replay(
    data: Dataset | str | Path, steps: Sequence[Step], size: tuple[int, int] = BASE_SIZE
) -> Stats:
    """Run `steps` on a new app (guarded like the fuzzer's) with every invariant.

    This is how a shrunk failing example is reproduced and how a regression
    test pins it.
    """
    app = create_app(data)
    assert app.index is not None
    index = Index(app.index.dataset)  # the core's answer, apart from the app's Index
    stats = Stats()
    guard(app, stats)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert_invariants(app, index, "at start")
            for n, step in enumerate(steps):
                for k, action in enumerate(expand(step)):
                    await perform(pilot, app, index, action, stats, where_text(steps, n, k, action))

    asyncio.run(main())
    return stats
