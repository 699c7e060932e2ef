"""Helpers shared by the Pilot tests: run an app, read panes back as text.

Named `pilot_helpers` (not `helpers`) because tests/unit has a `helpers`
module and pytest's default import mode puts both folders on sys.path.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from genevatui.core.query import Filter, Index, Result
from genevatui.core.spans import Target
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.main import MainScreen
from genevatui.tui.widgets.filter_bar import FilterBar
from genevatui.tui.widgets.source_view import SourceView
from genevatui.tui.widgets.statements import Statements
from genevatui.tui.widgets.timeline import Timeline

SIZE = (120, 40)
Body = Callable[[Pilot[Any], GenevaApp], Awaitable[None]]


def run(app: GenevaApp, body: Body, size: tuple[int, int] = SIZE) -> None:
    """Run `body(pilot, app)` inside `app.run_test`, without a pytest plugin."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(pilot, app)

    asyncio.run(main())


def main_screen(app: GenevaApp) -> MainScreen:
    """The MainScreen, wherever it is in the stack (a modal may be on top)."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, MainScreen):
            return screen
    raise AssertionError(f"no MainScreen in {app.screen_stack}")


def targets(screen: MainScreen) -> tuple[Target, ...]:
    """The targets of the jump history's places (each also holds its filter)."""
    return tuple(target for target, _ in screen.history.places)


def statements(app: GenevaApp) -> Statements:
    return main_screen(app).query_one("#statements", Statements)


def timeline(app: GenevaApp) -> Timeline:
    return main_screen(app).query_one("#timeline", Timeline)


def source(app: GenevaApp) -> SourceView:
    return main_screen(app).query_one("#source", SourceView)


def filter_bar(app: GenevaApp) -> FilterBar:
    return main_screen(app).query_one("#filter-bar", FilterBar)


def chips_text(app: GenevaApp) -> str:
    """Every line of chips in the filter bar (beside the counts and below)."""
    bar = filter_bar(app)
    return "\n".join(
        str(bar.query_one(f"#{part}", Static).content) for part in ("chips", "chips-more")
    )


def counts_text(app: GenevaApp) -> str:
    return str(filter_bar(app).query_one("#counts", Static).content)


def expected_counts(index: Index, flt: Filter) -> str:
    result = index.run(flt)
    spec = index.dataset.spec
    return (
        f"{len(result.quotes)} of {len(spec.quotes)} quotes · "
        f"{len(result.events)} of {len(spec.events)} events"
    )


def shown_quotes(app: GenevaApp) -> list[int]:
    """Quote indices of the item rows of the statements pane, top to bottom."""
    pane = statements(app)
    return [row.key for row in pane.rows if not row.header and row.key < pane.base]


def shown_assessments(app: GenevaApp) -> list[int]:
    """Assessment indices of the statements pane's last group, top to bottom."""
    pane = statements(app)
    return [row.key - pane.base for row in pane.rows if not row.header and row.key >= pane.base]


def shown_events(app: GenevaApp) -> list[int]:
    return [row.key for row in timeline(app).rows if not row.header]


def assert_shows(app: GenevaApp, index: Index, flt: Filter) -> Result:
    """The panes and the counts line show exactly what Index.run(flt) returns;
    narrowed to one event, the timeline lists the events around it (those
    that pass the rest of the filter)."""
    result = index.run(flt)
    assert main_screen(app).filter == flt
    assert sorted(shown_quotes(app)) == sorted(result.quotes)
    assert sorted(shown_assessments(app)) == sorted(result.assessments)
    around = index.run(flt.with_values("event", ())) if len(flt.events) == 1 else result
    assert sorted(shown_events(app)) == sorted(around.events)
    assert counts_text(app) == expected_counts(index, flt)
    return result


def widget_lines(widget: Widget) -> list[str]:
    """The visible lines of a Line API widget, as plain text."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def screen_text(app: GenevaApp) -> str:
    """Everything on the terminal (the active screen over those behind it)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def squash(text: str) -> str:
    """Whitespace runs to one space, ends trimmed."""
    return " ".join(text.split())


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Press the keys that type `text` (space and punctuation by key name)."""
    names = {" ": "space", ":": "colon", "/": "slash", "?": "question_mark", "-": "minus"}
    await pilot.press(*(names.get(ch, ch) for ch in text))


def recording_notifications(app: GenevaApp) -> list[str]:
    """The messages `app` will notify, in order (the list fills as it runs):
    `app._notifications` forgets a toast once it times out."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs: Any) -> None:
        said.append(message)
        notify(message, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return said
