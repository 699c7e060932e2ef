"""The jump history and the article spans: pure core, tested without Textual."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from helpers import MINI, MINI_ARTICLE, MINI_YAML, REPO, edit, make_dataset, subprocess_env

from genevatui.core import load_dataset
from genevatui.core.filters import Filter
from genevatui.core.history import History, Place, jump_history
from genevatui.core.spans import Span, SpanIndex, anchors_of, placed


def test_a_jump_records_where_the_user_stood_then_where_it_went() -> None:
    h: History[str] = History()
    assert (h.places, h.pos) == ((), -1)
    h.jump(None, "a")  # from nowhere worth returning to
    assert (h.places, h.pos) == (("a",), 0)
    h.jump("a", "b")  # "a" is already last: not recorded twice
    h.jump("c", "d")  # stood on "c" (reached without a jump): back goes there
    assert (h.places, h.pos) == (("a", "b", "c", "d"), 3)


def test_stepping_like_a_browser() -> None:
    h: History[str] = History()
    h.jump("a", "b")
    assert h.step(1) is None and h.pos == 1  # nothing ahead: no move
    assert h.step(-1) == "a" and h.pos == 0
    assert h.step(-1) is None and h.pos == 0  # nothing before
    assert h.step(1) == "b"
    h.step(-1)
    h.jump("a", "c")  # a jump from the middle drops what lay ahead
    assert (h.places, h.pos) == (("a", "c"), 1)


SHERMAN = Filter(speakers=("sherman",))
Q1: Place = (("quote", 1), Filter())
Q2: Place = (("quote", 2), Filter())


def test_a_place_holds_its_filter_and_back_restores_it() -> None:
    h = jump_history()
    h.jump(None, Q1)
    # `s sherman ⏎`: the filter changed without a jump; back returns to the
    # place before it, forward comes back to the filtered one
    here: Place = (("quote", 5), SHERMAN)
    assert h.step(-1, here) == Q1
    assert h.places == (Q1, here)
    assert h.step(1, Q1) == here
    assert h.step(-1, here) == Q1  # no new place: the filter is the place's own


def test_moving_the_cursor_is_not_a_place_only_a_filter_change_is() -> None:
    h = jump_history()
    h.jump(Q1, (("quote", 3), Filter()))
    cursor_moved: Place = (("quote", 4), Filter())  # j, j: the same filter
    assert h.step(-1, cursor_moved) == Q1
    assert len(h.places) == 2
    # a filter changed after going back: a new place, and what lay ahead is dropped
    assert h.step(-1, (("quote", 1), SHERMAN)) == Q1
    assert h.places == (Q1, (("quote", 1), SHERMAN))


def test_stepping_from_nowhere_records_where_the_user_stands() -> None:
    h = jump_history()
    assert h.step(-1, Q2) is None  # nothing earlier; Q2 is now the start
    assert h.places == (Q2,) and h.pos == 0


def test_by_default_any_difference_is_a_place() -> None:
    h: History[str] = History()
    h.jump(None, "a")
    assert h.step(-1, "b") == "a" and h.places == ("a", "b")
    assert h.step(1) == "b"


def test_spans_by_position_with_every_kind() -> None:
    dataset = load_dataset(MINI)
    index = SpanIndex(dataset, Span)
    spans = index.of("article")
    assert [(s.start, s.end) for s in spans] == sorted((s.start, s.end) for s in spans)
    assert {s.kind for s in spans} == {"quote", "event"}
    assert len(spans) == len(dataset.spec.quotes) + 1  # three quotes, one event passage
    assert index.of("article") is spans  # built once
    assert index.of("no-such-article") == []
    for span in spans:
        (anchor,) = anchors_of(dataset, (span.kind, span.key))
        assert index.position((span.kind, span.key), anchor) == spans.index(span)


def test_an_orphan_has_no_span_and_no_position(tmp_path: Path) -> None:
    # The article changed after curation (its sha256 differs): an orphan.
    sha = hashlib.sha256(MINI_ARTICLE.encode("utf-8")).hexdigest()
    yaml = edit(
        MINI_YAML, ("    written: During the talks\n", f"    written: x\n    sha256: {sha}\n")
    )
    changed = MINI_ARTICLE.replace("said nothing new", "said zilch")
    dataset = load_dataset(make_dataset(tmp_path, yaml, changed))
    lost = next(i for i, q in enumerate(dataset.spec.quotes) if q.id == "state-department-nothing")
    assert lost in dataset.orphans
    assert placed(anchors_of(dataset, ("quote", lost))) == []
    assert lost not in {s.key for s in SpanIndex(dataset, Span).of("article") if s.kind == "quote"}


def test_history_and_spans_need_neither_textual_nor_rich() -> None:
    script = (
        "import sys, genevatui.core.history, genevatui.core.spans; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr
