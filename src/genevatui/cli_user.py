"""Command line for the user's own files: `genevatui marks` and `genevatui config`.

Kept out of cli.py (which stays a thin dispatcher); neither command loads
Textual. Marks are reachable here without the TUI, orphans included.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from .cli_common import EXIT_DATA, EXIT_OK, EXIT_USAGE, Subcommands, load_index_or_code, say
from .core.files import is_stdin
from .core.marks import MarkStore, listing
from .core.settings import config_path
from .core.text import shown
from .core.userfiles import data_dir


def add_commands(sub: Subcommands) -> list[str]:
    """Add `marks` and `config` to the subcommands; return the names of
    those that take `--data` (the caller adds it, as for its own)."""
    marks = sub.add_parser(
        "marks",
        help="list your marks and notes on this dataset",
        description="List the marks and notes saved for the dataset (in "
        f"{shown(str(data_dir()))}; GENEVATUI_DATA_DIR overrides it). One whose quote, assessment "
        "or event is no longer in the dataset is listed as orphaned: it is kept.",
    )
    marks.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one line per mark; json: one document",
    )
    config = sub.add_parser(
        "config",
        help="check the config file, or print where it is",
        description="Check the config file (keymap, theme, copy_format) and list "
        "its problems; GENEVATUI_CONFIG_DIR overrides its folder.",
    )
    config.add_argument("--path", action="store_true", help="only print where the file is")
    return ["marks"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int | None:
    """Run `marks` or `config` if that is the command; None otherwise."""
    if args.command == "config":
        return _config(args, out, err)
    if args.command == "marks":
        return _marks(args, out, err)
    return None


def _config(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = config_path()
    if args.path:
        say(str(path), out)
        return EXIT_OK
    # Checked as the app checks it: binding ids, copy formats and theme names
    # are the app's, so this one command imports Textual.
    from .tui.preferences import config_problems

    problems = config_problems(path)
    for line in problems:
        say(line, err)
    if not problems:
        say(f"ok: {path}" if path.exists() else f"no config file at {path}; defaults", out)
    return EXIT_DATA if problems else EXIT_OK


def _marks(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .core.bundled import bundled_dataset

    if args.data and is_stdin(args.data):
        say("genevatui: marks are kept per dataset file; standard input has none", err)
        return EXIT_USAGE
    code, index = load_index_or_code(args, err)
    if index is None:
        return code
    path = args.data or bundled_dataset()
    store = MarkStore.for_dataset(path, autosave=False)
    for line in store.warnings:
        say(f"genevatui: warning: {line}", err)
    listed = listing(store.marks(), index.dataset)
    if args.format == "json":
        rows = [
            {
                "kind": item.mark.kind,
                "id": item.mark.id,
                "marked": item.mark.marked,
                "note": item.mark.note,
                "updated": item.mark.updated,
                "orphaned": item.orphaned,
            }
            for item in listed
        ]
        # ensure_ascii: a note's control characters or bidi overrides arrive escaped.
        out.write(json.dumps({"dataset": str(path), "marks": rows}, indent=2) + "\n")
        return EXIT_OK
    if not listed:
        say(f"no marks or notes for {path}", err)
    for item in listed:
        mark = item.mark
        parts = [f"{mark.kind} {mark.id}"]
        if mark.marked:
            parts.append("marked")
        if item.orphaned:
            parts.append(f"orphaned (no such {mark.kind} in the dataset now)")
        if mark.note:
            parts.append(f"note: {mark.note}")  # say() shows a newline as \n: one line
        say("  ".join(parts), out)
    return EXIT_OK
