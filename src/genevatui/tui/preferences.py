"""The user's settings in the app (issue 11 §5): the config file read at
start, its keymap and theme applied, a theme chosen in the palette saved.

Nothing here stops the app: a bad file, a bad value or a failed save is a
notification (each problem once, at start), and the defaults hold.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..core.settings import Settings, load_settings, save_theme
from ..core.userfiles import UserFileError


@functools.cache
def binding_ids() -> frozenset[str]:
    """Every binding id of the app's screens and widgets (what a keymap may name).

    Imports every module of `genevatui.tui`: the help and the dialogs are
    otherwise imported when first used."""
    from . import app as app_module

    package = app_module.__package__ or "genevatui.tui"
    root = importlib.import_module(package)
    modules = [root]
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        modules.append(importlib.import_module(info.name))
    ids = set()
    for module in modules:
        for value in vars(module).values():
            for binding in getattr(value, "__dict__", {}).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return frozenset(ids)


class _Lazy(Collection[str]):
    """Names made only when a value is there to check against them: the
    binding ids import every TUI module, the copy formats the citation code,
    neither of which start-up needs when the config file does not ask."""

    def __init__(self, make: Callable[[], Collection[str]]) -> None:
        self._make = make

    @functools.cached_property
    def _names(self) -> Collection[str]:
        return self._make()

    def __contains__(self, item: object) -> bool:
        return item in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _copy_formats() -> Collection[str]:
    from ..core.cite_text import CITE_FORMATS

    return tuple(CITE_FORMATS)


def _ids() -> Collection[str]:
    return sorted(binding_ids())


def config_problems(path: Path | None = None) -> list[str]:
    """What is wrong with the config file, checked as the app checks it
    (binding ids, copy formats, theme names): `genevatui config`."""
    from textual.theme import BUILTIN_THEMES

    return load_settings(_Lazy(_ids), _Lazy(_copy_formats), path, tuple(BUILTIN_THEMES))[1]


class Preferences:
    """The settings `app` runs with (`settings`), and the theme it saved last."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.settings = Settings()
        self.saved_theme: str | None = None
        """The theme in use once loaded (the file's, else the app's default):
        changing to it writes nothing; None: not loaded yet, nothing saved."""

    def load(self) -> None:
        """Read the config file; apply its keymap and theme; say what was wrong."""
        settings, warnings = load_settings(
            _Lazy(_ids), _Lazy(_copy_formats), themes=tuple(self.app.available_themes)
        )
        self.settings = settings
        if settings.keymap:
            self.app.set_keymap(settings.keymap)
        if settings.theme:
            self.app.theme = settings.theme
        self.saved_theme = self.app.theme  # starting is not a change to save
        if warnings:
            self.app.notify(
                "\n".join(warnings),
                title="Config file: problems ignored, defaults used",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def theme_changed(self, theme: str) -> None:
        """The theme changed (the palette's "Change theme"): remember it."""
        if self.saved_theme is None or theme == self.saved_theme:
            return
        try:
            save_theme(theme)
        except UserFileError as exc:
            self.app.notify(str(exc), title="Theme not saved", severity="warning", markup=False)
            return
        self.saved_theme = theme
