"""Snapshot fixtures: no animations and no blinking cursor, so SVGs are stable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"


@pytest.fixture(autouse=True)
def _steady(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import textual.constants
    from textual.widgets import Input

    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    # The reactive's default decides whether a new Input blinks.
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
