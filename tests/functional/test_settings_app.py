"""Settings in the app (issue 11 §5): the config file is read at start, its
keymap rebinds keys by binding id, its theme is applied, a theme chosen in
the palette is saved (keeping the rest of the file), and a bad file is a
notification naming its line, with the defaults: never a crash."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import filter_bar, main_screen, run
from textual.pilot import Pilot

from genevatui import create_app
from genevatui.tui.app import GenevaApp
from genevatui.tui.preferences import binding_ids

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "events.yaml"
SIZE = (100, 30)


@pytest.fixture
def config(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TMUX", raising=False)
    # tests/conftest.py points GENEVATUI_CONFIG_DIR at this test's own folder
    path = Path(os.environ["GENEVATUI_CONFIG_DIR"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def notices(app: GenevaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_every_binding_id_is_known_including_the_dialogs() -> None:
    ids = binding_ids()
    assert {"copy.copy", "copy.choose", "main.search", "app.quit", "help.close"} <= ids
    assert "copy_dialog.write" in ids  # a module imported only when first used


def test_the_keymap_rebinds_keys_by_binding_id(config: Path) -> None:
    config.write_text('[keymap]\n"copy.copy" = "ctrl+y"\n"main.search" = "f"\n')

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        main_screen(app).select_target(("quote", 1))
        await pilot.press("y")
        assert app.clipboard == ""  # y is no longer the copy key
        await pilot.press("ctrl+y")
        assert app.clipboard.startswith("Wendy Sherman (United States), as reported")
        await pilot.press("f")
        assert filter_bar(app).query_one("#search").has_focus
        assert notices(app)[-1].startswith("Copied: ")  # no warning was shown

    run(create_app(MINI), body, SIZE)


def test_the_theme_is_applied_at_start_and_starting_writes_nothing(config: Path) -> None:
    text = '# mine\ntheme = "nord"  # kept\n'
    config.write_text(text)

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert app.theme == "nord" and notices(app) == []

    run(create_app(MINI), body, SIZE)
    assert config.read_text() == text


def test_no_config_file_is_none_written_at_start(config: Path) -> None:
    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert app.theme == "textual-dark" and notices(app) == []

    run(create_app(MINI), body, SIZE)
    assert not config.exists()


def test_a_theme_chosen_in_the_palette_is_saved_and_comes_back(config: Path) -> None:
    config.write_text('copy_format = "markdown"  # mine\n')

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        await pilot.press("ctrl+p", *"theme", "enter")  # "Theme: change the current theme"
        await pilot.pause()
        await pilot.press(*"gruvbox", "enter")
        await pilot.pause()
        assert app.theme == "gruvbox"

    run(create_app(MINI), body, SIZE)
    assert config.read_text() == 'copy_format = "markdown"  # mine\ntheme = "gruvbox"\n'

    async def again(pilot: Pilot[Any], app: GenevaApp) -> None:
        assert app.theme == "gruvbox"

    run(create_app(MINI), again, SIZE)


def test_a_bad_config_file_is_a_notification_and_the_defaults(config: Path) -> None:
    config.write_text('theme = "nord"\n[keymap]\n"copy.copy" = = "c"\n')

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert str(warning.message).startswith(f"{config}:3:")
        assert "using the defaults" in str(warning.message)
        assert app.theme == "textual-dark"  # the file's theme is not half-applied
        main_screen(app).select_target(("quote", 1))
        await pilot.press("y")
        assert app.clipboard.startswith("Wendy Sherman")  # y, in plain text
        # The file could not be read: a theme changed now is not written over it.
        app.theme = "nord"
        await pilot.pause()
        assert "theme not saved" in notices(app)[-1]

    run(create_app(MINI), body, SIZE)
    assert config.read_text() == 'theme = "nord"\n[keymap]\n"copy.copy" = = "c"\n'


def test_bad_values_are_each_named_and_the_rest_applies(config: Path) -> None:
    config.write_text(
        'theme = "no-such-theme"\ncopy_format = "bibtex"\n'
        '[keymap]\n"copy.nothing" = "c"\n"main.search" = "f"\n'
    )

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        (warning,) = [str(n.message) for n in app._notifications]
        lines = warning.splitlines()
        assert [line.split(" ", 1)[0] for line in lines] == [
            f"{config}:1:1:",
            f"{config}:2:1:",
            f"{config}:4:1:",
        ]
        assert "unknown theme 'no-such-theme'" in lines[0]
        assert "unknown format 'bibtex'" in lines[1]
        assert "keymap.copy.nothing: no binding has this id" in lines[2]
        await pilot.press("f")
        assert filter_bar(app).query_one("#search").has_focus

    run(create_app(MINI), body, SIZE)


def test_a_config_folder_that_cannot_be_written_is_a_notification(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = config.parent / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("GENEVATUI_CONFIG_DIR", str(blocker / "config"))  # under a file

    async def body(pilot: Pilot[Any], app: GenevaApp) -> None:
        app.theme = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        assert "cannot save" in notices(app)[-1]

    run(create_app(MINI), body, SIZE)


def test_the_help_shows_each_keys_binding_id_for_the_keymap() -> None:
    import io

    from rich.console import Console
    from textual.binding import Binding

    from genevatui.tui.screens.help import SECTIONS, help_table

    console = Console(file=io.StringIO(), width=200)
    console.print(help_table())
    text = console.file.getvalue()  # type: ignore[attr-defined]
    ids = {
        b.id
        for _, cls in SECTIONS
        for b in cls.__dict__.get("BINDINGS", [])
        if isinstance(b, Binding) and b.id
    }
    assert {"copy.copy", "main.search", "main.export", "list.down"} <= ids
    assert [i for i in sorted(ids) if i not in text] == []
