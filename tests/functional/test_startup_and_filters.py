"""Start-up and filtering given on the command line (create_app's arguments)."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import (
    assert_shows,
    counts_text,
    expected_counts,
    main_screen,
    run,
    shown_quotes,
)
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.query import Filter, Index, UnknownName
from genevatui.tui.app import GenevaApp


def test_startup_counts_line() -> None:
    """The default (bundled) dataset; the oracle is a fresh Index of what the app loaded."""

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        index = Index(app.index.dataset)
        spec = index.dataset.spec
        assert main_screen(app).filter == Filter()
        n = len(spec.quotes)
        m = len(spec.events)
        assert counts_text(app) == f"{n} of {n} quotes · {m} of {m} events"
        assert counts_text(app) == expected_counts(index, Filter())
        assert sorted(shown_quotes(app)) == list(range(n))

    run(create_app(), body)


FLAG_CASES = [
    pytest.param({"speakers": ["ryabkov"]}, id="speaker-id"),
    pytest.param({"speakers": ["Wendy Sherman"]}, id="speaker-name"),
    pytest.param({"speakers": ["S. Ryabkov"]}, id="speaker-alias"),
    pytest.param({"speakers": ["ryabkov", "sherman"]}, id="two-speakers-or"),
    pytest.param({"venues": ["geneva"]}, id="venue"),
    pytest.param({"delegations": ["russia"]}, id="delegation"),
    pytest.param({"delegations": ["US"]}, id="delegation-alias"),
    pytest.param({"topics": ["nato-expansion"]}, id="topic"),
    pytest.param({"text": "nuclear"}, id="text"),
    pytest.param({"speakers": ["ryabkov"], "topics": ["nato-expansion"]}, id="speaker-and-topic"),
]


@pytest.mark.parametrize("flags", FLAG_CASES)
def test_filter_flag(index: Index, flags: dict[str, Any]) -> None:
    flt = Filter(**{k: v if isinstance(v, str) else tuple(v) for k, v in flags.items()})
    total = len(index.dataset.spec.quotes)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        result = assert_shows(app, index, flt)
        # A filter that keeps nothing or everything would prove nothing.
        assert 0 < len(result.quotes) < total

    run(create_app(index.dataset, flt), body)


def _expected_by_hand(index: Index, kind: str, ident: str) -> set[int]:
    """The quotes that a one-value filter must keep, worked out from the records."""
    spec = index.dataset.spec
    out = set()
    for i, q in enumerate(spec.quotes):
        if kind == "speakers" and q.speaker == ident:
            out.add(i)
        elif kind == "delegations" and index.people[q.speaker].delegation == ident:
            out.add(i)
        elif kind == "topics" and ident in q.topics:
            out.add(i)
        elif kind == "venues" and index.quote_venue(q) == ident:
            out.add(i)
    return out


@pytest.mark.parametrize(
    ("kind", "ident"),
    [
        ("speakers", "ryabkov"),
        ("delegations", "united-states"),
        ("topics", "nato-expansion"),
        ("venues", "geneva"),
    ],
)
def test_filter_flag_matches_the_records(index: Index, kind: str, ident: str) -> None:
    """An oracle independent of Index.run: read speaker/topic/venue off each quote."""
    want = _expected_by_hand(index, kind, ident)
    assert want

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert set(shown_quotes(app)) == want
        assert counts_text(app).startswith(f"{len(want)} of ")

    run(create_app(index.dataset, Filter(**{kind: (ident,)})), body)


@pytest.mark.parametrize(
    "flags",
    [
        {"speakers": ["Nobody Atall"]},
        {"venues": ["Atlantis"]},
        {"delegations": ["Narnia"]},
        {"topics": ["basket-weaving"]},
        {"speakers": ["ryabkov", "Nobody Atall"]},
    ],
)
def test_unknown_name_raises(flags: dict[str, Any]) -> None:
    with pytest.raises(UnknownName):
        create_app(flt=Filter(**{k: tuple(v) for k, v in flags.items()}))


def test_unknown_name_suggests_close_match() -> None:
    with pytest.raises(UnknownName) as info:
        create_app(flt=Filter(speakers=("Ryabkof",)))
    assert info.value.kind == "speaker"
    assert info.value.suggestions, str(info.value)


def test_create_app_takes_a_filter_never_loose_keywords() -> None:
    # Before: `create_app(speaker=["sherman"])` dropped the misspelt key and
    # opened unfiltered.
    with pytest.raises(TypeError):
        create_app(speaker=["sherman"])  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="must be a Filter"):
        create_app(None, {"speakers": ["sherman"]})  # type: ignore[arg-type]
    app = create_app(flt=Filter(speakers=("sherman",)), goto="geneva-talks-2022-01-10")
    assert app.initial_filter == Filter(speakers=("sherman",))
    assert app.goto == "geneva-talks-2022-01-10"
