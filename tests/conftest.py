"""Make `import genevatui` work from a source checkout that is not pip-installed."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

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
