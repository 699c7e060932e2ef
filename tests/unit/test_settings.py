"""Settings (issue 11 §5): a TOML config file with a keymap by binding id, the
theme and the copy format; a bad one is named with its line, then defaults;
the theme is written back keeping the rest of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import call

from genevatui.core.settings import Settings, config_path, load_settings, save_theme
from genevatui.core.userfiles import UserFileError

IDS = {"main.search", "app.quit", "main.copy"}
FORMATS = ("plain", "markdown", "csl-json", "bare")


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENEVATUI_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    return path


def test_the_file_lives_in_the_config_folder(config: Path) -> None:
    assert config_path() == config


def test_no_file_is_the_defaults_without_a_word(config: Path) -> None:
    assert load_settings(IDS, FORMATS) == (Settings(), [])
    assert Settings().copy_format == "plain" and Settings().theme is None


def test_a_good_file_sets_everything(config: Path) -> None:
    config.write_text(
        '# mine\ntheme = "nord"\ncopy_format = "markdown"\n'
        '[keymap]\n"main.search" = "f"\n"app.quit" = "q,ctrl+q"\n'
    )
    settings, warnings = load_settings(IDS, FORMATS)
    assert warnings == []
    assert settings == Settings(
        theme="nord", copy_format="markdown", keymap={"main.search": "f", "app.quit": "q,ctrl+q"}
    )


def test_a_file_that_is_not_toml_names_its_line_and_column_then_defaults(config: Path) -> None:
    config.write_text('theme = "nord"\ncopy_format = = "x"\n')
    settings, [warning] = load_settings(IDS, FORMATS)
    assert settings == Settings()
    assert warning.startswith(f"{config}:2:15: ") and warning.endswith("using the defaults")


def test_a_file_that_is_not_utf8_is_the_defaults(config: Path) -> None:
    config.write_bytes(b'theme = "\xff"\n')
    settings, [warning] = load_settings(IDS, FORMATS)
    assert settings == Settings() and warning.startswith(f"{config}: not UTF-8")


def test_each_bad_value_is_named_with_its_line_and_the_rest_applies(config: Path) -> None:
    config.write_text(
        "theme = 3\n"
        'copy_format = "bibtex"\n'
        'colour = "red"\n'
        "[keymap]\n"
        '"main.search" = "f"\n'
        '  "main.nothing" = "g"\n'
        '"app.quit" = ""\n'
    )
    settings, warnings = load_settings(IDS, FORMATS)
    assert settings == Settings(keymap={"main.search": "f"})
    assert warnings == [
        f"{config}:1:1: theme: must be a theme's name (a string); ignored",
        f"{config}:2:1: copy_format: unknown format 'bibtex'; choose from plain, markdown, "
        "csl-json, bare; ignored",
        f"{config}:3:1: colour: unknown setting (known: theme, copy_format, [keymap]); ignored",
        f"{config}:6:3: keymap.main.nothing: no binding has this id (each key's id is shown "
        "in the help, ?); ignored",
        f'{config}:7:1: keymap.app.quit: keys must be a string such as "f" or "ctrl+f,f3"; ignored',
    ]


def test_a_keymap_that_is_not_a_table_is_refused(config: Path) -> None:
    config.write_text('keymap = "f"\n')
    settings, [warning] = load_settings(IDS, FORMATS)
    assert settings == Settings() and warning.startswith(f"{config}:1:1: keymap: must be a table")


def test_a_warning_never_carries_a_control_character(config: Path) -> None:
    config.write_text('"\\u001b]0;x\\u0007" = 1\n')
    _, [warning] = load_settings(IDS, FORMATS)
    assert "\x1b" not in warning and "\\x1b" in warning


def test_a_directory_in_place_of_the_file_is_the_defaults(config: Path) -> None:
    config.mkdir()
    settings, [warning] = load_settings(IDS, FORMATS)
    assert settings == Settings() and warning.startswith(f"{config}: is a directory")


def test_saving_the_theme_keeps_the_rest_of_the_file(config: Path) -> None:
    text = (
        '# my settings\ncopy_format = "markdown"  # for my notes\n\n[keymap]\n"main.search" = "f"\n'
    )
    config.write_text(text)
    save_theme("gruvbox")
    saved = config.read_text()
    assert saved.startswith(text.split("\n\n")[0]) and '"main.search" = "f"' in saved
    assert load_settings(IDS, FORMATS)[0] == Settings(
        theme="gruvbox", copy_format="markdown", keymap={"main.search": "f"}
    )
    save_theme("nord")
    assert saved.replace("gruvbox", "nord") == config.read_text()


def test_saving_the_theme_makes_the_file(config: Path) -> None:
    save_theme("nord")
    assert load_settings(IDS, FORMATS) == (Settings(theme="nord"), [])


def test_saving_the_theme_never_writes_over_a_file_it_cannot_read(config: Path) -> None:
    config.write_text("copy_format = = oops\n")
    with pytest.raises(UserFileError, match="theme not saved"):
        save_theme("nord")
    assert config.read_text() == "copy_format = = oops\n"


def test_genevatui_config_path_prints_where_the_file_is(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call(capsys, "config", "--path") == (0, f"{config}\n", "")


def test_genevatui_config_checks_the_file(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "config")
    assert code == 0 and out == f"no config file at {config}; defaults\n"
    config.write_text('theme = "nord"\n')
    assert call(capsys, "config") == (0, f"ok: {config}\n", "")
    config.write_text("theme = [\n")
    code, out, err = call(capsys, "config")
    assert code == 1 and out == ""
    assert err == f"{config}:2:1: Invalid value at the end; using the defaults\n"


def test_genevatui_config_checks_what_the_app_checks(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Theme names, copy formats and binding ids, as the app would: before,
    `config` said "ok" for a file the app then warned about three times."""
    config.write_text(
        'theme = "no-such-theme"\ncopy_format = "html"\n[keymap]\n"nope.x" = "g"\n'
        '"copy.copy" = "ctrl+y"\n'
    )
    code, out, err = call(capsys, "config")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["theme", "copy_format", "keymap.nope.x"]
    assert all(line.startswith(f"{config}:") for line in lines)


def test_a_theme_the_app_does_not_have_is_named_and_the_default_kept(config: Path) -> None:
    config.write_text('copy_format = "bare"\n\ntheme = "solarised"\n')
    settings, warnings = load_settings(IDS, FORMATS, themes={"nord", "textual-dark"})
    assert settings == Settings(copy_format="bare")
    assert warnings == [
        f"{config}:3:1: theme: unknown theme 'solarised' (ctrl+p, then 'theme', lists them); "
        "ignored"
    ]


def test_the_default_copy_format_is_one_the_citer_has() -> None:
    from genevatui.core.cite_text import CITE_FORMATS

    assert Settings().copy_format in CITE_FORMATS
