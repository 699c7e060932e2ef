"""Make `import genevatui` work from a source checkout that is not pip-installed."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

if importlib.util.find_spec("genevatui") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

# Tests never read or write the user's parse cache.
if "GENEVATUI_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["GENEVATUI_CACHE_DIR"] = tempfile.mkdtemp(prefix="genevatui-test-cache-")

# Nor the user's marks, notes, sessions or settings (issue 11).
for _name in ("GENEVATUI_DATA_DIR", "GENEVATUI_CONFIG_DIR"):
    if _name not in os.environ:
        import tempfile

        os.environ[_name] = tempfile.mkdtemp(prefix=f"genevatui-test-{_name[10:-4].lower()}-")


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The app saves a theme chosen in the palette (issue 11 §5): one test's
    # theme or keymap must not reach the next test in the same process.
    monkeypatch.setenv("GENEVATUI_CONFIG_DIR", str(tmp_path / "genevatui-config"))
