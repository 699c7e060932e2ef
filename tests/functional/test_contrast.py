"""Every built-in theme is legible: text at WCAG AA (4.5:1) and borders and
scrollbars at 3:1 (WCAG's minimum for a component), measured on the colours
the app actually draws (theme variables resolved, alpha blended, `auto`
worked out), not judged by eye.

The ANSI themes are left out: their colours are the terminal's own palette,
which the app cannot know.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pilot_helpers import main_screen, run, timeline, type_text
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.query import Index
from genevatui.tui.app import GenevaApp
from genevatui.tui.contrast import AA, contrast

COMPONENT = 3.0  # WCAG 1.4.11: borders, scrollbar thumbs
DIM = 0.5  # a terminal draws `dim` text about half-way to its background


def _themes() -> list[str]:
    return sorted(t for t in GenevaApp().available_themes if "ansi" not in t)


def _is_graphic(text: str) -> bool:
    """Box drawing and block elements: borders and scrollbar thumbs."""
    return all(0x2500 <= ord(ch) <= 0x259F for ch in text)


def _rgb(color: RichColor | None) -> tuple[int, int, int] | None:
    if color is None or color.triplet is None:
        return None
    return color.triplet


def segments(app: GenevaApp) -> Iterator[tuple[int, int, Segment]]:
    """(row, column, segment) of everything on the terminal, modals over
    the screens behind them, as the compositor sends it."""
    update: Any = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    for y, chops in enumerate(update.strips):
        x = 0
        for strip in chops:
            for segment in strip:
                yield y, x, segment
                x += segment.cell_length


def too_faint(app: GenevaApp, where: str, only: str | None = None) -> list[str]:
    """Every run of visible text (or border) below its contrast threshold;
    with `only`, within that widget (a modal: the screen behind it is dimmed
    on purpose, as inactive)."""
    region = app.screen.query_one(only).region if only else app.screen.region
    faint = []
    for y, x, (text, style, _) in segments(app):
        if not text.strip() or style is None or (x, y) not in region:
            continue
        fg, bg = _rgb(style.color), _rgb(style.bgcolor)
        if style.reverse:
            fg, bg = bg, fg
        assert fg is not None and bg is not None, (where, y, x, text, style)
        if style.dim:
            fg = (
                round(bg[0] + (fg[0] - bg[0]) * DIM),
                round(bg[1] + (fg[1] - bg[1]) * DIM),
                round(bg[2] + (fg[2] - bg[2]) * DIM),
            )
        need = COMPONENT if _is_graphic(text.strip()) else AA
        ratio = contrast(fg, bg)
        if ratio < need:
            faint.append(f"{where} ({x},{y}) {text.strip()[:30]!r}: {ratio:.2f} < {need}")
    return faint


def test_contrast_formula() -> None:
    # WCAG's own reference points.
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((10, 20, 30), (10, 20, 30)) == 1


def test_there_are_themes_to_check() -> None:
    assert len(_themes()) >= 10
    assert "textual-dark" in _themes() and "textual-light" in _themes()


@pytest.mark.parametrize("theme", _themes())
def test_every_theme_meets_wcag_aa(index: Index, theme: str) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        app.theme = theme
        await pilot.pause()
        faint = too_faint(app, "statements focused")
        screen = main_screen(app)
        await pilot.press("n")  # a passage selected in the source
        screen.query_one("#source").focus()
        await pilot.pause()
        faint += too_faint(app, "source focused")
        timeline(app).focus()
        await pilot.press("down")
        faint += too_faint(app, "timeline focused")
        await pilot.press("slash")
        await type_text(pilot, "nuclear")
        faint += too_faint(app, "search box")
        await pilot.press("enter")
        faint += too_faint(app, "a filter chip")
        await pilot.press("question_mark")
        faint += too_faint(app, "help", "#help")
        await pilot.press("escape", "s")
        faint += too_faint(app, "speaker picker", "#picker")
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        faint += too_faint(app, "80x24")
        assert not faint, "\n".join(faint[:40])

    run(create_app(index.dataset), body)
