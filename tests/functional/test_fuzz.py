"""Fuzzed keystrokes and terminal sizes: Hypothesis drives one Pilot session per dataset.

Each Hypothesis example is a list of steps drawn from every key the app binds
(GenevaApp, MainScreen, VirtualList, Statements, Timeline, SourceView,
PickerScreen, PickerList, SearchInput, HelpScreen and the Textual bases they
inherit keys from), printable text in any script, picker gestures (open,
type, tab, space, enter/escape), command-palette gestures (ctrl+p, type,
enter/escape) and terminal resizes from 20×6 to 300×100.

Design (see fuzz_helpers): all examples of a test share ONE app session
(~1 s to start) held in a background thread; each example starts from a
reset (modals popped, size and theme restored, a fresh MainScreen), so
Hypothesis can shrink. After every keystroke and resize: the app is still
running with no exception, `pilot.pause()` returns, the counts line equals
`Index.run(filter)`, both lists show exactly that result, and the source's
selected passage is its quote's anchor (or one of its event's anchors).

A failure prints the shrunk example as `steps=[...]`, which
`fuzz_helpers.replay(dataset, steps)` reruns on a fresh app, and notes the
same steps as Pilot calls.

Budget: by default ~100 keystrokes per dataset (~0.15 s each: about a
minute for the file), derandomized: the same examples on every run, so CI
is reproducible. GENEVATUI_FUZZ_KEYS=10000 (`make fuzz`) makes it a long,
random run: at least that many keystrokes over the file, split evenly
between the datasets.

A dataset that is missing or does not load fails its test: a fuzzer that
skips quietly tests nothing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from fuzz_helpers import (
    Session,
    Stats,
    all_keys,
    as_pilot_calls,
    own_binding_keys,
    replay,
    steps,
)
from hypothesis import HealthCheck, Phase, given, note, settings

from genevatui import create_app
from genevatui.core.bundled import bundled_dataset
from genevatui.core.loader import load_dataset
from genevatui.core.models import Dataset
from genevatui.core.problems import DatasetError
from genevatui.core.query import Index

DATA = Path(__file__).resolve().parents[1] / "data"
DATASETS: dict[str, Path] = {
    "bundled": Path(bundled_dataset()),
    "mini": DATA / "mini" / "events.yaml",
    "injection": DATA / "injection" / "events.yaml",
    "assess": DATA / "assess" / "events.yaml",  # assessments apart from the quotes
}

CI_KEYS_PER_DATASET = 100
TOTAL = Stats()  # over the tests of this file that ran
LONG_KEYS = int(os.environ.get("GENEVATUI_FUZZ_KEYS", "0") or 0)
LONG = LONG_KEYS > 0


def _load(path: Path) -> Dataset:
    """The dataset, or a failure naming every problem (never a skip)."""
    assert path.is_file(), f"{path} is missing: nothing to fuzz"
    try:
        return load_dataset(path)
    except DatasetError as exc:
        pytest.fail(f"{path} does not load:\n" + "\n".join(exc.report_lines()), pytrace=False)


def keys_target() -> int:
    """Keystrokes for one dataset's test."""
    if LONG:
        return math.ceil(LONG_KEYS / len(DATASETS))
    return CI_KEYS_PER_DATASET


def test_the_key_pool_holds_every_bound_key() -> None:
    """The fuzzer presses every key the app's classes bind (collected, not listed)."""
    pool = all_keys()
    own = own_binding_keys()
    assert set(own) <= set(pool)
    # A few that must be there, whatever is added later:
    for key in ("q", "question_mark", "slash", "s", "n", "N", "T", "enter", "escape", "space"):
        assert key in own, key
    assert "ctrl+p" in pool and "tab" in pool


@pytest.mark.parametrize("name", list(DATASETS))
def test_fuzz_keys_and_sizes(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = DATASETS[name]
    dataset = _load(path)
    index = Index(dataset)  # the core's answer, independent of the app's own Index
    stats = Stats()
    session = Session(lambda: create_app(dataset), index, stats)
    target = keys_target()
    max_steps = 60 if LONG else 15  # long examples reach deeper states
    failed = False

    @settings(
        max_examples=200,  # the keystroke budget ends the run, not this
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
        # CI runs the same examples every time; a long run explores.
        derandomize=not LONG,
        # No "explain" phase: it reruns the failing example many more times.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )
    @given(steps=steps(index, max_steps))
    def fuzz(steps: list[tuple[object, ...]]) -> None:
        nonlocal failed
        if stats.keys >= target and not failed:
            return  # budget spent: the remaining examples cost nothing (not while shrinking)
        note(f"dataset {name}: {path}")
        note("as Pilot calls:\n" + as_pilot_calls(steps))
        try:
            session.run_steps(steps)
        except Exception:
            failed = True
            raise

    session.start()
    try:
        while stats.keys < target:
            fuzz()
        # The one real quit: `q` on the main screen ends the app cleanly.
        assert session.quit_for_real() == 0
    finally:
        session.stop()
        TOTAL.add(stats)
        with capsys.disabled():
            print("\n" + stats.summary(name))
            if LONG:
                top = ", ".join(f"{k!r}×{n}" for k, n in stats.keys_pressed.most_common(12))
                print(f"fuzz[{name}]: most pressed: {top}")
                print(f"fuzz[{name}]: sizes: {sorted(stats.sizes)}")
            print(TOTAL.summary("file so far"))


def test_replay_runs_a_step_list_on_a_fresh_app() -> None:
    """The printed failing `steps` can be replayed as-is (this is the format)."""
    stats = replay(
        DATASETS["mini"],
        [
            ("key", "s"),
            ("type", "Wen"),
            ("key", "enter"),
            ("resize", 20, 6),
            ("picker", "t", "nato", ("tab", "space"), "enter"),
            ("palette", "go to event", ("down",), "enter"),
            ("resize", 300, 100),
            ("key", "n"),
            ("key", "left_square_bracket"),
        ],
    )
    assert stats.keys == 1 + 3 + 1 + (1 + 4 + 2 + 1) + (1 + 11 + 1 + 1) + 1 + 1
    assert stats.resizes == 2


def test_a_dataset_that_does_not_load_fails_rather_than_skips(tmp_path: Path) -> None:
    broken = tmp_path / "events.yaml"
    broken.write_text("version: 1\nquotes: [\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="does not load"):
        _load(broken)
    with pytest.raises(AssertionError, match="missing"):
        _load(tmp_path / "absent.yaml")
