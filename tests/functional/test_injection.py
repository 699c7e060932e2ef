"""Hostile dataset text (tests/data/injection) everywhere it reaches a screen or a file.

Markup, terminal escapes (CSI, OSC 0/52, NUL, C1, bidi), wide and zero-width
characters, a 20,000-character quote and a 5,000-character line: at 120×40 and
80×24, in every pane, picker, the palette and the help, they must show
literally, run no action, reach neither the screen nor the real terminal as
control characters, and leave every line exactly as wide as its widget.
(test_markup_safety.py covers the markup basics on the mini dataset.)
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import chips_text, filter_bar, main_screen, run, source, statements, type_text
from pty_helpers import Tui
from rich.cells import cell_len
from textual.command import CommandList
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from genevatui import create_app
from genevatui.core.filters import Filter
from genevatui.core.loader import load_dataset
from genevatui.core.models import Dataset
from genevatui.tui.app import GenevaApp
from genevatui.tui.screens.help import HelpScreen
from genevatui.tui.screens.picker import PickerScreen
from genevatui.tui.widgets.picker_list import PickerList
from genevatui.tui.widgets.source_view import SourceView
from genevatui.tui.widgets.virtual_list import VirtualList

DATA = Path(__file__).resolve().parents[1] / "data" / "injection" / "events.yaml"
GENEVATUI = Path(sys.executable).with_name("genevatui")
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
CLICK = "[@click=app.quit]click[/]"
LINK = "[link=file:///etc/passwd]x[/link]"
# Never on screen: C0 but newline (a tab has no cell width to Rich but moves a
# real cursor), DEL, C1, and the bidi embeddings, overrides and isolates.
SCREEN_BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXPORT_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LINE_API = (VirtualList, SourceView, OptionList)


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(DATA)


def _names(data: Dataset) -> dict[str, str]:
    spec = data.spec
    return {
        "speaker": next(p.name for p in spec.people if p.id == "villain"),
        "venue": next(v.name for v in spec.venues if v.id == "markup-venue"),
        "delegation": next(d.name for d in spec.delegations if d.id == "ruritania"),
        "topic": next(t.label for t in spec.topics if t.id == "markup-topic"),
        "event": next(e.title for e in spec.events if e.id == "markup-talks"),
        "title": next(s.title for s in spec.sources if s.id == "attack-article"),
    }


def _quote(data: Dataset, quote_id: str) -> int:
    return next(i for i, q in enumerate(data.spec.quotes) if q.id == quote_id)


def _anchored(data: Dataset) -> Any:
    return zip(data.spec.quotes, data.quote_anchors, strict=True)


def test_dataset_validates_and_every_passage_anchors_exactly(data: Dataset) -> None:
    done = subprocess.run([GENEVATUI, "validate", "--data", DATA], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stderr and "0 tolerant, 0 fuzzy" in done.stdout
    anchors = [*data.quote_anchors, *(a for row in data.event_anchors for a in row)]
    assert {a.status for a in anchors} == {"exact"}
    quotes = {q.id: q.text for q in data.spec.quotes}
    assert quotes == {q.id: data.texts[a.source][a.start : a.end] for q, a in _anchored(data)}
    assert len(quotes["long-quote"]) == 20_000 and len(quotes["long-line"]) == 5_000
    assert not any(ch.isspace() for ch in quotes["long-line"])
    # The article keeps its raw controls on disk; loaded, each is one U+FFFD.
    raw = (DATA.parent / "seeds" / "attack.txt").read_text(encoding="utf-8")
    assert all(c in raw for c in ("\x1b[2J", "\x1b]52;c;SGVsbG8=\x07", "\x1b]0;title\x07", "\x00"))
    article = data.texts["attack-article"]
    assert len(article) == len(raw) and "\ufffd]52;c;SGVsbG8=\ufffd" in article
    assert not SCREEN_BAD.search(article.replace("\t", " "))
    # YAML strings lost theirs: what is left is printable and still markup.
    names = _names(data)
    assert names["speaker"] == f"Ivan [bold]x [/] {CLICK} Villain]0;title"
    assert LINK in names["title"] and "]52;c;SGVsbG8=" in names["title"]
    assert not any(SCREEN_BAD.search(n) for n in names.values())


def _run(app: GenevaApp, body: Any, size: tuple[int, int] = (120, 40)) -> None:
    """pilot_helpers.run, recording every action: keys and `@click` both run them."""
    ran: list[str] = []
    run_action = app.run_action

    async def recording(action: Any, *args: Any, **kwargs: Any) -> bool:
        ran.append(str(action))
        return await run_action(action, *args, **kwargs)

    app.run_action = recording  # type: ignore[method-assign]
    run(app, body, size=size)
    assert not [a for a in ran if "quit" in a or "click" in a], ran  # the data acted


async def _settled(pilot: Pilot[Any], app: GenevaApp) -> None:
    """Wait (bounded) for the first frame drawn at the new size: under load a
    resize can be checked before the layout has caught up with it."""
    for _ in range(200):
        if app.screen.size == app.size and app.screen._compositor.size == app.size:
            return
        await pilot.pause(0.01)


def check(app: GenevaApp, *literal: str) -> str:
    """The screen is clean and aligned and shows each of `literal`; returns its text."""
    assert app.is_running and app.return_code is None
    width, height = app.size
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    rows = [[seg for strip in line for seg in strip] for line in update.strips]  # type: ignore[attr-defined]
    lines = ["".join(seg.text for seg in row) for row in rows]
    assert len(lines) == height
    for y, line in enumerate(lines):
        assert not SCREEN_BAD.search(line), (y, line)
        assert cell_len(line) == width, (y, cell_len(line), line)
    for seg in (seg for row in rows for seg in row if seg.style):
        assert not seg.style.link, seg  # no [link=…] became a hyperlink
        assert "@click" not in seg.style.meta, seg  # no [@click=…] became an action
    for widget in (w for w in app.screen.query("*") if w.display and w.region.area):
        # The Line API panes draw each line at the exact width; other widgets
        # are padded later, by render_lines, which is checked for every widget.
        lined = isinstance(widget, LINE_API)
        expect = widget.scrollable_content_region.width
        for y in range(widget.size.height):
            text = widget.render_line(y).text
            assert not SCREEN_BAD.search(text), (widget, y, text)
            assert not lined or cell_len(text) == expect, (widget, y, expect, text)
        outer = widget.outer_size
        for y, strip in enumerate(widget.render_lines(Region(0, 0, *outer))):
            assert cell_len(strip.text) == outer.width, (widget, y, strip.text)
    whole = "\n".join(lines)
    for text in literal:
        assert text in whole, (text, whole)
    return whole


def _drawn(widget: Widget) -> str:
    """What `widget` puts on the screen, border included."""
    return "\n".join(s.text for s in widget.render_lines(Region(0, 0, *widget.outer_size)))


def _chips(app: GenevaApp) -> str:
    return chips_text(app)


@pytest.mark.parametrize("size", SIZES)
def test_statements_source_citation_and_timeline(data: Dataset, size: tuple[int, int]) -> None:
    names = _names(data)
    cut = size[0] // 3

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        check(app, "[/]", "[bold]x", names["speaker"][:cut], "Long elif [bold]x 🙂")
        pane = statements(app)
        seen = {pane.cursor_key}
        for _ in data.spec.quotes:  # every statement, with its source following
            await pilot.press("j")
            seen.add(pane.cursor_key)
            check(app, "[/]")
        assert seen == set(range(len(data.spec.quotes)))
        pane.move_to_key(_quote(data, "villain-markup"))
        await pilot.press("enter")  # the jump: source title and citation block
        await pilot.pause()
        check(app, names["speaker"][:cut], "[bold]x [/]", "Attack [link=file:")
        info = str(main_screen(app).query_one("#source-info-text").render())
        for name in ("speaker", "delegation", "event", "venue"):
            assert names[name] in info, (name, info)
        view = source(app)
        lines: list[str] = []
        for _ in range(len(view.spans)):  # every passage of the article
            await pilot.press("n")
            await pilot.pause()
            lines += check(app).split("\n")
        assert any("\ufffd]52;c;SGVsbG8=\ufffd" in line for line in lines)
        assert any("漢字かな交じり文" in line for line in lines)
        if size[0] < 110:
            await pilot.press("T")  # the narrow layout hides the timeline until asked
        main_screen(app).query_one("#timeline").focus()
        await pilot.press("home")
        for _ in data.spec.events:
            await pilot.press("j")
            check(app, "[/]")
        event = _chips(app)
        await pilot.press("end", "enter")  # narrow to the last event: a chip
        await pilot.pause()
        assert f"event: {names['event']}" in _chips(app) != event
        check(app, "event: Markup [bold]x [/]"[: cut // 2])

    _run(create_app(data), body, size=size)


PICKS = [("s", "speaker", "villain"), ("v", "venue", "gen"), ("d", "delegation", "ruri")]


async def _palette(pilot: Pilot[Any], app: GenevaApp, query: str) -> tuple[CommandList, list[str]]:
    await pilot.press("ctrl+p")
    await type_text(pilot, query)
    hits = app.screen.query_one(CommandList)
    for _ in range(100):
        await pilot.pause(0.02)
        if hits.option_count:
            break
    await pilot.pause(0.05)
    prompts = [hits.get_option_at_index(k).prompt for k in range(hits.option_count)]
    return hits, [str(p).split("\n")[0] for p in prompts]


@pytest.mark.parametrize("size", SIZES)
def test_pickers_palette_help_search_and_clicks(data: Dataset, size: tuple[int, int]) -> None:
    names = _names(data)
    cut = size[0] // 3

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        for key, kind, typed in PICKS:
            await pilot.press(key)
            assert isinstance(app.screen, PickerScreen)
            check(app, "[/]", names[kind][:cut])
            await type_text(pilot, typed)
            check(app, names[kind][:cut])
            await pilot.press("enter")
            assert main_screen(app) is app.screen
            assert f"{kind}: {names[kind]}" in _chips(app)
            check(app, f"{kind}: {names[kind]}"[:cut])
            await pilot.press("x")
        await pilot.press("t")
        check(app, names["topic"][:cut])
        await type_text(pilot, "markup")
        await pilot.press("enter")
        assert main_screen(app).filter.topics == ("markup-topic",)
        check(app, f"topic: {names['topic']}"[:cut])  # its label, not its id
        await pilot.press("x")
        _, prompts = await _palette(pilot, app, "go q")
        check(app, "Go to quote: ")
        assert any(CLICK in p and "Villain" in p for p in prompts), prompts
        await pilot.press("escape")
        hits, prompts = await _palette(pilot, app, "filt")
        check(app, "Filter by ")
        for kind in ("speaker", "venue", "delegation", "topic"):
            # speakers and delegations are listed with their aliases
            wanted = f"Filter by {kind}: {names[kind]}"
            assert any(p == wanted or p.startswith(wanted + " (") for p in prompts), kind
        hits.highlighted = next(
            k
            for k, p in enumerate(prompts)
            if p.startswith(f"Filter by speaker: {names['speaker']}")
        )
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).filter.speakers == (names["speaker"],)
        check(app, "speaker: Ivan [bold]x [/]")
        await pilot.press("x", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        check(app, "keys")
        await pilot.press("escape", "o")  # the orphans view (none here) is a modal too
        check(app, "No orphans")
        await pilot.press("escape", "slash")
        await type_text(pilot, "[/] at")
        await pilot.press("enter")
        assert main_screen(app).filter.text == "[/] at"
        check(app, "text: [/] at", "said nothing [/] at all.")
        await pilot.press("x")
        # Click every `[@click=app.quit]` on the screen: each must stay text.
        spots = [
            (cell_len(line[: m.start()]) + 3, y)
            for y, line in enumerate(check(app).split("\n"))
            for m in re.finditer(re.escape("[@click="), line)
        ]
        # At 80 columns the venue (last on a statement's line) is cut off.
        assert len(spots) >= (1 if app.size.width < 100 else 2)
        for x, y in spots:
            await pilot.click(offset=(x, y))
            check(app)

    _run(create_app(data), body, size=size)


@pytest.mark.parametrize("quote_id", ["villain-markup", "long-quote", "long-line"])
@pytest.mark.parametrize("size", SIZES)
def test_goto_the_nasty_quotes(data: Dataset, size: tuple[int, int], quote_id: str) -> None:
    """Start on each nasty quote, re-wrap at a new size, page to the end: all
    of it is drawn clean. (How fast is for the benchmarks, not for a test.)"""
    i = _quote(data, quote_id)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        view = source(app)
        assert view.current_span is not None and view.current_span.key == i
        assert statements(app).cursor_key == i
        check(app, "[/][bold]漢字🙂" if quote_id == "long-line" else "[bold]x [/]")
        await pilot.resize_terminal(size[0] - 7, size[1] - 3)  # re-wrap everything
        await _settled(pilot, app)
        check(app)
        span = view.current_span
        assert span is not None and span.key == i  # still on the quote after the re-wrap
        first = view.line_of(span.start)
        assert view.scroll_offset.y <= first < view.scroll_offset.y + view.size.height
        view.focus()
        await pilot.press("pagedown", "pagedown", "end")
        check(app)
        assert view.scroll_offset.y == view.max_scroll_y  # `end` reached the last line

    _run(create_app(data, goto=quote_id), body, size=size)


def test_a_line_break_in_a_name_hides_nothing(data: Dataset) -> None:
    name = next(p.name for p in data.spec.people if p.id == "line-break")
    # The YAML has a tab and a line break in it; one-line fields are collapsed
    # at load, so no one-line place can show only the first line.
    assert "\n" not in name and "\t" not in name

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        check(app)
        chips = filter_bar(app).query_one("#chips")
        places = {"chips": _drawn(chips), "statements": _drawn(statements(app))}
        await pilot.press("s")
        places["picker"] = _drawn(app.screen.query_one(PickerList))
        for place, text in places.items():
            assert "Shown Name hidden part" in " ".join(text.split()), (place, text)

    _run(create_app(data, Filter(speakers=(name,))), body)


def test_the_real_terminal_gets_no_data_escapes(data: Dataset) -> None:
    """Run genevatui in a pseudo-terminal and read every byte it writes."""
    ready = f"of {len(data.spec.quotes)} quotes".encode()
    with Tui(["--data", str(DATA)], size=(100, 30)) as tui:
        tui.wait_for(ready, 15)
        for keys in ("j", "j", "\r", "n", "/", "[/] at", "\r", "s", "vil", "\r", "?", "?", "q"):
            tui.send(keys)
            tui.drain(0.25)
        code = tui.finish(10)
        out = bytes(tui.out)
    assert code == 0, out[-2000:]
    text = out.decode("utf-8")  # strict: a stray 0x9b byte would fail here
    assert "\x1b]52" not in text  # the clipboard write
    assert "\x1b]0;title" not in text and "title\x07" not in text  # the window title
    assert "\x1b]8;" not in text  # no [link=…] became a terminal hyperlink
    assert "\x1b[2J" not in text  # Textual 8.2.8 never clears this way: it is data
    assert "\x00" not in text
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert "[bold]x [/]" in text and "[@click=app.quit]click[/]" in text
    assert "[/] at" in text  # the search chip: the keys did arrive


def test_validate_never_echoes_control_characters(tmp_path: Path) -> None:
    """A problem's field path names the YAML key: an escaped one, never raw."""
    shutil.copytree(DATA.parent / "seeds", tmp_path / "seeds")
    text = DATA.read_text(encoding="utf-8")
    old = "  - id: ruritania\n"
    assert text.count(old) == 1
    bad = old + '    "x\\e]0;title\\a\\u202ey": 1\n'  # an unknown field, named in escapes
    (tmp_path / "events.yaml").write_text(text.replace(old, bad), encoding="utf-8")
    done = subprocess.run(
        [GENEVATUI, "validate", "--data", tmp_path / "events.yaml"], capture_output=True
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "unknown field" in err
    assert not EXPORT_BAD.search(err), err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_exports_are_clean(data: Dataset, fmt: str) -> None:
    done = subprocess.run(
        [GENEVATUI, "export", "--data", DATA, "--format", fmt], capture_output=True
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    out = done.stdout.decode("utf-8")
    assert not EXPORT_BAD.search(out), EXPORT_BAD.findall(out)
    slices = {q.id: data.texts[a.source][a.start : a.end] for q, a in _anchored(data)}
    if fmt == "markdown":
        items = [line for line in out.split("\n") if line.startswith("- **")]
        assert len(items) == len(slices)
        assert not re.search(r"(?<!\\)[\[\]]", out)  # every bracket escaped
        assert r"\[@click=app.quit\]click\[/\]" in out and r"\[bold\]x \[/\]" in out
        assert any(len(line) > 20_000 for line in items)
        return
    if fmt == "csv":
        records = list(csv.DictReader(io.StringIO(out)))
    elif fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
    else:
        records = [r for section in json.loads(out).values() for r in section]
    assert {r["id"]: r["text"] for r in records if "text" in r} == slices
    values = [v for r in records for v in r.values()]  # JSON's escapes, decoded
    assert not any(EXPORT_BAD.search(str(v)) for v in values), values
