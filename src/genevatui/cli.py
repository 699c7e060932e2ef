"""Command line: `genevatui [validate|export|cite] …`.

Thin on purpose: parse arguments, call the core, print. `validate` and
`export` and `cite` never import Textual. Exit codes: 0 ok, 1 bad dataset, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__, cli_user
from .cli_cite import add_cite_parser, run_cite
from .cli_common import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    add_data,
    add_filters,
    dates_ok,
    filter_from_args,
    load,
    load_index_or_code,
    print_problems,
    say,
)
from .cli_export import add_export_parser, run_export
from .core.files import is_stdin
from .core.models import Dataset
from .core.problems import DatasetError
from .core.query import UnknownName
from .core.session import SessionMode


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="genevatui",
        description="Explore who said what, where and when at the January 2022 "
        "Russia–West security talks, with every quote anchored in its article. "
        "Without a COMMAND, opens the explorer (it needs a terminal).",
    )
    parser.add_argument("--version", action="version", version=f"genevatui {__version__}")
    add_data(parser, None)
    add_filters(parser)
    parser.add_argument("--goto", metavar="ID", help="open the explorer on this event or quote")
    # Issue 11 §3: the explorer comes back where it was left, unless --fresh.
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="start clean instead of where you left this dataset (filter flags "
        "and --goto always win over the saved session)",
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=Parser,
        help="what to do instead of opening the explorer",
    )
    validate = sub.add_parser(
        "validate",
        help="check a dataset; list every problem",
        description="Check a dataset: print a summary and exit 0, or print every "
        "problem as file:line:col: field: message and exit 1.",
    )
    add_data(validate, argparse.SUPPRESS)
    add_export_parser(sub)
    for name in cli_user.add_commands(sub):  # marks, config (issue 11)
        add_data(sub.choices[name], argparse.SUPPRESS)
    add_cite_parser(sub)
    return parser


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    dataset = load(args.data, err)
    if dataset is None:
        return EXIT_DATA
    spec = dataset.spec
    anchors = dataset.all_anchors()
    statuses = ("exact", "tolerant", "fuzzy", "orphan")
    counts = {s: sum(a.status == s for a in anchors) for s in statuses}
    direct = sum(q.kind == "direct" for q in spec.quotes)
    # A same_as link is listed on both of its quotes: count each pair once.
    links = {frozenset((q.id, other)) for q in spec.quotes for other in q.same_as}
    for line in dataset.warnings:
        say(f"warning: {line}", err)
    orphans = _orphan_lines(dataset)
    say(
        f"{'ok' if not orphans else 'orphans'}: {dataset.path}: {len(spec.sources)} sources, "
        f"{len(spec.people)} people, {len(spec.venues)} venues, {len(spec.events)} events, "
        f"{len(spec.quotes)} quotes ({direct} direct, {len(spec.quotes) - direct} reported), "
        f"{len(spec.assessments)} assessments, {len(spec.disagreements)} disagreements, "
        f"{len(links)} same_as links; "
        f"{len(anchors)} passages anchored: {counts['exact']} exact, "
        f"{counts['tolerant']} tolerant, {counts['fuzzy']} fuzzy, {counts['orphan']} orphaned",
        out,
    )
    for line in orphans:
        say(line, err)
    # Orphaned passages are a curation task: the article changed under them.
    return EXIT_DATA if orphans else EXIT_OK


def _orphan_lines(dataset: Dataset) -> list[str]:
    """One line per quote, assessment or disagreement reading whose passage
    was lost when its article changed (event passages are only context)."""
    spec = dataset.spec
    lines = [
        f"orphan: quote {q.id!r} ({q.speaker}): {q.text[:70]!r}"
        for q in map(spec.quotes.__getitem__, dataset.orphans)
    ]
    lines += [
        f"orphan: assessment {a.id!r} ({a.party}): {a.text[:70]!r}"
        for a, anchor in zip(spec.assessments, dataset.assessment_anchors, strict=True)
        if anchor.status == "orphan"
    ]
    lines += [
        f"orphan: disagreement {d.id!r} reading {j + 1} ({r.source}): {r.text[:70]!r}"
        for d, anchors in zip(spec.disagreements, dataset.reading_anchors, strict=True)
        for j, (r, anchor) in enumerate(zip(d.readings, anchors, strict=True))
        if anchor.status == "orphan"
    ]
    return lines


def _no_terminal() -> str | None:
    """Which standard stream is not a terminal, if any. The explorer reads
    keys from stdin and draws on stderr; without a terminal Textual spins at
    full CPU forever instead of failing."""
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            if stream is None or not stream.isatty():
                return name
        except ValueError:  # closed
            return name
    return None


def _tui(args: argparse.Namespace, err: TextIO) -> int:
    if not dates_ok(args, err):
        return EXIT_USAGE
    from .tui.terminal import unfit_terminal  # imports no Textual

    missing = _no_terminal()
    why = f"the explorer needs a terminal, and {missing} is not one" if missing else None
    if why := why or unfit_terminal():
        # Load anyway: a bad dataset or name is reported as validate and
        # export report it, whatever runs the command.
        code, _ = load_index_or_code(args, err, args.goto)
        if code:
            return code
        say(f"genevatui: {why}; for scripts, use `genevatui export` or `genevatui validate`", err)
        return EXIT_USAGE
    from . import create_app  # Textual is imported only here

    try:
        mode: SessionMode = "fresh" if args.fresh else "restore"
        if args.data and is_stdin(args.data):
            mode = "off"  # standard input has no identity to save a session under
        app = create_app(args.data, filter_from_args(args), args.goto, session=mode)
    except DatasetError as exc:
        print_problems(exc, err)
        return EXIT_DATA
    except UnknownName as exc:
        say(f"genevatui: {exc}", err)
        return EXIT_USAGE
    app.run()
    for line in app.problems:  # a large dataset's load failed inside the app
        say(line, err)
    return app.return_code or EXIT_OK


def _never_fail_to_print() -> None:
    # Messages, help and usage must print whatever the locale's encoding
    # (PYTHONIOENCODING=ascii): what it cannot encode is shown as \xe9.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `genevatui` console script."""
    _never_fail_to_print()
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "validate":
            return _validate(args, out, err)
        if args.command == "export":
            return run_export(args, out, err)
        if args.command == "cite":
            return run_cite(args, out, err)
        code = cli_user.run(args, out, err)
        if code is not None:
            return code
        return _tui(args, err)
    except BrokenPipeError:
        # `genevatui export | head` closed the pipe: not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for users; GENEVATUI_DEBUG=1 shows it
        if os.environ.get("GENEVATUI_DEBUG"):
            raise
        say(f"genevatui: internal error: {type(exc).__name__}: {exc}", err)
        return 70
