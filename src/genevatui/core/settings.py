"""Settings: the user's config file (TOML), read at start, the theme written back.

```toml
theme = "nord"              # remembered when changed in the palette
copy_format = "markdown"    # what `y` copies
[keymap]                    # by binding id: keys as Textual writes them
"main.search" = "f"
"app.quit" = "q,ctrl+q"
```

Read with `tomllib`. A file that is not TOML gives one line naming the
file, line and column, and every default. A bad value (an unknown key, a
binding id the app does not have, a theme that is not a string) gives one
line naming the file and the line of that key; that setting falls back to
its default and the rest still apply. The app writes only the theme, with
`tomlkit`, so the user's comments, order and other keys are kept; it never
writes over a file it could not read.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import msgspec

from .files import FileProblem
from .text import shown
from .userfiles import UserFileError, atomic_write, config_dir, locked, read_user_file

FILE_NAME = "config.toml"
DEFAULT_COPY_FORMAT = "plain"
"""The name `core.cite_text.CITE_FORMATS` and `genevatui cite --format` use."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """What the config file sets; every field has the app's default."""

    keymap: dict[str, str] = msgspec.field(default_factory=dict)
    """Keys by binding id, for `App.set_keymap`."""
    theme: str | None = None
    """The theme's name (None: the app's default)."""
    copy_format: str = DEFAULT_COPY_FORMAT
    """The format `y` copies in."""


def config_path() -> Path:
    """The config file (in GENEVATUI_CONFIG_DIR, else the user config folder)."""
    return config_dir() / FILE_NAME


def _where(text: str, table: str | None, key: str) -> str:
    """`line:col:` (1-based) where `key` is set in `table` (None: the top), or ""."""
    current: str | None = None
    header = re.compile(r"\s*\[\s*([^\]]*?)\s*\]")
    for number, line in enumerate(text.splitlines(), 1):
        if m := header.match(line):
            current = m.group(1).strip("\"'")
            continue
        m = re.match(rf"""(\s*)["']?{re.escape(key)}["']?\s*=""", line)
        if current == table and m:
            return f"{number}:{len(m.group(1)) + 1}:"
    return ""


def load_settings(
    binding_ids: Collection[str] | None = None,
    copy_formats: Collection[str] | None = None,
    path: Path | None = None,
    themes: Collection[str] | None = None,
) -> tuple[Settings, list[str]]:
    """The settings and one warning line per problem (`file:line:col: message`).

    `binding_ids`, `copy_formats` and `themes`, when given, are the ids,
    formats and theme names the app knows: anything else is refused with a
    warning. Never raises."""
    path = path or config_path()
    try:
        raw = read_user_file(path)
    except FileProblem as exc:
        return Settings(), [f"{path}: {exc.message}; using the defaults"]
    if raw is None:
        return Settings(), []
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return Settings(), [f"{path}: not UTF-8 (byte {exc.start}); using the defaults"]
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [f"{path}:{_toml_where(str(exc), text)}; using the defaults"]
    warnings: list[str] = []

    def warn(table: str | None, key: str, message: str) -> None:
        name = f"{table}.{key}" if table else key
        warnings.append(shown(f"{path}:{_where(text, table, key)} {name}: {message}; ignored"))

    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key == "theme":
            if not isinstance(value, str) or not value:
                warn(None, key, "must be a theme's name (a string)")
            elif themes is not None and value not in themes:
                warn(None, key, f"unknown theme {value!r} (ctrl+p, then 'theme', lists them)")
            else:
                settings["theme"] = value
        elif key == "copy_format":
            if not isinstance(value, str):
                warn(None, key, "must be a string")
            elif copy_formats is not None and value not in copy_formats:
                warn(None, key, f"unknown format {value!r}; choose from {', '.join(copy_formats)}")
            else:
                settings["copy_format"] = value
        elif key == "keymap" and isinstance(value, dict):
            settings["keymap"] = _keymap(value, binding_ids, warn)
        elif key == "keymap":
            warn(None, key, 'must be a table: [keymap] then "binding.id" = "keys"')
        else:
            warn(None, key, "unknown setting (known: theme, copy_format, [keymap])")
    return Settings(**settings), warnings


Warn = Callable[[str | None, str, str], None]


def _keymap(
    table: dict[str, Any], binding_ids: Collection[str] | None, warn: Warn
) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding, keys in table.items():
        if binding_ids is not None and binding not in binding_ids:
            where = "each key's id is shown in the help, ?"
            warn("keymap", binding, f"no binding has this id ({where})")
        elif not isinstance(keys, str) or not keys.strip():
            warn("keymap", binding, 'keys must be a string such as "f" or "ctrl+f,f3"')
        else:
            keymap[binding] = keys
    return keymap


def _toml_where(message: str, text: str) -> str:
    # tomllib ends its messages with "(at line 3, column 7)" or "(at end of document)".
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        return f"{m.group(1)}:{m.group(2)}: {shown(message[: m.start()])}"
    m = re.search(r"\s*\(at end of document\)$", message)
    if m:
        lines = text.split("\n")
        return f"{len(lines)}:{len(lines[-1]) + 1}: {shown(message[: m.start()])} at the end"
    return f" {shown(message)}"


def save_theme(theme: str, path: Path | None = None) -> None:
    """Remember `theme` in the config file, keeping the rest of it as written.

    Raises UserFileError (one line) if the file cannot be read as TOML (it
    is the user's: never overwritten then) or written."""
    import tomlkit
    import tomlkit.exceptions

    path = path or config_path()
    with locked(path):
        try:
            raw = read_user_file(path)
            doc = tomlkit.parse(raw.decode("utf-8")) if raw is not None else tomlkit.document()
        except FileProblem as exc:
            raise UserFileError(f"{path}: {exc.message}; theme not saved") from None
        except (UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
            raise UserFileError(shown(f"{path}: {exc}; theme not saved")) from None
        doc["theme"] = theme
        atomic_write(path, tomlkit.dumps(doc).encode("utf-8"))
