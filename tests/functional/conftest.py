"""Fixtures for the Pilot tests: no animations, no cursor blink, a temp XDG home.

Textual reads TEXTUAL_ANIMATIONS once, when `textual.constants` is imported,
so it is set here at import time as well as per test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from genevatui.core.bundled import bundled_dataset  # noqa: E402
from genevatui.core.loader import load_dataset  # noqa: E402
from genevatui.core.models import Dataset  # noqa: E402
from genevatui.core.query import Index  # noqa: E402

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "events.yaml"


@pytest.fixture(autouse=True)
def _quiet_textual(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import textual.constants
    from textual.widgets import Input

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))
    # A blinking cursor keeps repainting the Input; the reactive's default
    # decides whether a new Input blinks.
    monkeypatch.setattr(Input.cursor_blink, "_default", False)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled dataset, loaded once (tests read expectations from it)."""
    return load_dataset(bundled_dataset())


@pytest.fixture(scope="session")
def index(dataset: Dataset) -> Index:
    return Index(dataset)


@pytest.fixture(scope="session")
def mini() -> Dataset:
    return load_dataset(MINI)
