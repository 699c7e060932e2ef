"""`validate` and `export` must never import Textual (they stay quick, the core stays pure)."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import MINI, REPO, subprocess_env

SCRIPT = """
import contextlib, io, json, sys
import genevatui.core
from genevatui.cli import main
codes = []
with contextlib.redirect_stdout(io.StringIO()) as out:
    codes.append(main(["validate", "--data", sys.argv[1]]))
    for fmt in ("json", "jsonl", "csv", "markdown"):
        codes.append(main(["export", "--data", sys.argv[1], "--format", fmt,
                           "--speaker", "ryabkov", "--from", "2022"]))
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"codes": codes, "textual": loaded, "out": len(out.getvalue())}))
"""


def run(script: str, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_validate_and_export_do_not_import_textual() -> None:
    result = run(SCRIPT, str(MINI))
    assert result["codes"] == [0, 0, 0, 0, 0]
    assert isinstance(result["out"], int) and result["out"] > 0
    assert result["textual"] == []


def test_the_check_can_see_textual() -> None:
    # Control: the same check does notice Textual once something imports it.
    result = run(
        SCRIPT.replace("import genevatui.core", "import genevatui.core, textual.app"), str(MINI)
    )
    assert "textual" in result["textual"] and "textual.app" in result["textual"]
