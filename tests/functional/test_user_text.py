"""Text the user supplies (root cause 9, TUI part) is drawn with its control
characters escaped: `--search` and name flags in the filter chips and the
search box, a paste into a box, the dataset path in the loading title.

(The real-terminal check of the loading title is in test_shutdown_and_signals.)
"""

from __future__ import annotations

import re
from typing import Any

from pilot_helpers import chips_text, filter_bar, main_screen, run
from textual import events
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.text import shown as visible
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.picker import PickerScreen
from genevatui.tui.widgets.filter_bar import SearchInput

# C0 (tab and newline too: no one-line place may hold them), DEL, C1, bidi.
BAD = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OSC = (
    "a\x1b]0;title\x07b"  # window title
    " \x1b]52;c;SGVsbG8=\x07"  # clipboard write
    " \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\"  # hyperlink
    " \u202eevil"
)


def assert_clean(app: GenevaApp) -> str:
    """No control character in any line the compositor would send; the text."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    lines = ["".join(seg.text for strip in line for seg in strip) for line in update.strips]  # type: ignore[attr-defined]
    for y, line in enumerate(lines):
        assert not BAD.search(line), (y, line)
    for widget in app.screen.query("*"):
        if widget.display and widget.region.area:
            for y in range(widget.size.height):
                assert not BAD.search(widget.render_line(y).text), (widget, y)
    return "\n".join(lines)


def test_visible_escapes_what_a_terminal_would_act_on() -> None:
    assert visible("plain é 漢 🙂") == "plain é 漢 🙂"
    assert visible("a\x1b]0;t\x07\tb\nc\u202ed\x9b") == "a\\x1b]0;t\\x07\\tb\\nc\\u202ed\\x9b"
    assert visible("\udcff") == "\\xff"  # a byte of an undecodable file name, as the byte
    assert visible(OSC).isprintable()


def test_the_search_chip_and_box_show_escapes() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        chips = chips_text(app)
        assert "text: a\\x1b]0;title\\x07b" in chips and "\\x1b]52;c;SGVsbG8=\\x07" in chips
        assert "\\u202eevil" in chips
        assert "a\\x1b]0;title\\x07b" in assert_clean(app)
        await pilot.press("slash")  # the box opens on the text, escaped
        box = filter_bar(app).query_one(SearchInput)
        assert box.value == visible(OSC)
        assert_clean(app)
        await pilot.press("escape")
        assert main_screen(app).filter.text == OSC  # escape kept the flag's text

    run(create_app(flt=Filter(text=OSC)), body)


def test_a_paste_into_a_box_is_escaped() -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("slash")
        box = filter_bar(app).query_one(SearchInput)
        box.post_message(events.Paste("x\x1b[2Jy"))
        await pilot.pause()
        assert box.value == "x\\x1b[2Jy"
        assert main_screen(app).filter.text == "x\\x1b[2Jy"
        assert_clean(app)
        await pilot.press("enter", "s")
        assert isinstance(app.screen, PickerScreen)
        picker_box = app.screen.query_one("#picker-input")
        picker_box.post_message(events.Paste("Ry\x1b]0;t\x07"))
        await pilot.pause()
        assert_clean(app)

    run(create_app(), body)


def test_a_name_flag_with_a_control_character_is_escaped_in_its_chip() -> None:
    # \x1f is whitespace to str.split, so the name still resolves, as on the
    # command line; the chip names the one person it resolves to, and never
    # shows the control character (a value naming no one is shown escaped:
    # tests/unit/test_chips_and_why.py).
    name = "Sergei\x1fRyabkov"

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        chips = chips_text(app)
        assert "speaker: Sergei Ryabkov" in chips and "\x1f" not in chips
        assert_clean(app)

    run(create_app(flt=Filter(speakers=(name,))), body)
