"""Command line: `genevatui [validate|export] …`.

Thin on purpose: parse arguments, call the core, print. `validate` and
`export` never import Textual. Exit codes: 0 ok, 1 bad dataset, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from . import __version__
from .core.bundled import bundled_dataset
from .core.dates import date_problem
from .core.loader import load_dataset, load_index
from .core.models import Dataset
from .core.problems import DatasetError
from .core.query import Filter, UnknownName

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_data(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        default=default,
        help="dataset YAML to load (default: the bundled dataset)",
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (repeat a flag to OR its values)")
    for flag, dest in (
        ("--speaker", "speakers"),
        ("--venue", "venues"),
        ("--delegation", "delegations"),
        ("--topic", "topics"),
    ):
        group.add_argument(flag, dest=dest, action="append", default=[], metavar="NAME")
    group.add_argument("--search", action="append", default=[], metavar="TEXT")
    group.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY[-MM[-DD]]")
    group.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY[-MM[-DD]]")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="genevatui",
        description="Explore who said what, where and when at the January 2022 "
        "Russia–West security talks, with every quote anchored in its article.",
    )
    parser.add_argument("--version", action="version", version=f"genevatui {__version__}")
    _add_data(parser, None)
    _add_filters(parser)
    parser.add_argument("--goto", metavar="ID", help="start on this event or quote")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    validate = sub.add_parser("validate", help="check a dataset; list every problem")
    _add_data(validate, argparse.SUPPRESS)
    export = sub.add_parser("export", help="write quotes to stdout")
    _add_data(export, argparse.SUPPRESS)
    export.add_argument("--format", choices=("json", "jsonl", "csv", "markdown"), default="json")
    _add_filters(export)
    return parser


def _print_problems(exc: DatasetError, err: TextIO) -> None:
    for line in exc.report_lines():
        print(line, file=err)


def _load(path: str | None, err: TextIO) -> Dataset | None:
    try:
        return load_dataset(path or bundled_dataset())
    except DatasetError as exc:
        _print_problems(exc, err)
        return None


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    dataset = _load(args.data, err)
    if dataset is None:
        return EXIT_DATA
    spec = dataset.spec
    anchors = list(dataset.quote_anchors) + [a for row in dataset.event_anchors for a in row]
    statuses = ("exact", "tolerant", "fuzzy", "orphan")
    counts = {s: sum(a.status == s for a in anchors) for s in statuses}
    direct = sum(q.kind == "direct" for q in spec.quotes)
    for line in dataset.warnings:
        print(f"warning: {line}", file=err)
    orphans = dataset.orphans
    print(
        f"{'ok' if not orphans else 'orphans'}: {dataset.path}: {len(spec.sources)} sources, "
        f"{len(spec.people)} people, {len(spec.venues)} venues, {len(spec.events)} events, "
        f"{len(spec.quotes)} quotes ({direct} direct, {len(spec.quotes) - direct} reported); "
        f"{len(anchors)} passages anchored: {counts['exact']} exact, "
        f"{counts['tolerant']} tolerant, {counts['fuzzy']} fuzzy, {counts['orphan']} orphaned",
        file=out,
    )
    for i in orphans:
        quote = spec.quotes[i]
        print(f"orphan: quote {quote.id!r} ({quote.speaker}): {quote.text[:70]!r}", file=err)
    # Orphaned quotes are a curation task: the article changed under them.
    return EXIT_DATA if orphans else EXIT_OK


def filter_from_args(args: argparse.Namespace) -> Filter:
    return Filter(
        speakers=tuple(args.speakers),
        venues=tuple(args.venues),
        delegations=tuple(args.delegations),
        topics=tuple(args.topics),
        text=" ".join(args.search),
        date_from=args.date_from,
        date_to=args.date_to,
    )


def _dates_ok(args: argparse.Namespace, err: TextIO) -> bool:
    for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
        problem = value is not None and date_problem(value)
        if problem:
            print(f"genevatui: {flag}: {problem}", file=err)
            return False
    return True


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not _dates_ok(args, err):
        return EXIT_USAGE
    try:
        index = load_index(args.data or bundled_dataset())
    except DatasetError as exc:
        _print_problems(exc, err)
        return EXIT_DATA
    from .core.export import export  # only the export path needs the writers

    dataset = index.dataset
    flt = filter_from_args(args)
    try:
        index.check(flt)
    except UnknownName as exc:
        print(f"genevatui: {exc}", file=err)
        return EXIT_USAGE
    out.write(export(dataset, args.format, flt, index))
    if dataset.orphans:
        print(
            f"genevatui: warning: {len(dataset.orphans)} orphaned quote(s) left out "
            "(their articles changed; see `genevatui validate`)",
            file=err,
        )
    return EXIT_OK


def _tui(args: argparse.Namespace, err: TextIO) -> int:
    if not _dates_ok(args, err):
        return EXIT_USAGE
    from . import create_app  # Textual is imported only here

    flt = filter_from_args(args)
    fields = {f: getattr(flt, f) for f in flt.__struct_fields__}
    try:
        app = create_app(args.data, **fields, goto=args.goto)
    except DatasetError as exc:
        _print_problems(exc, err)
        return EXIT_DATA
    except UnknownName as exc:
        print(f"genevatui: {exc}", file=err)
        return EXIT_USAGE
    app.run()
    for line in app.problems:  # a large dataset's load failed inside the app
        print(line, file=err)
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `genevatui` console script."""
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "validate":
            return _validate(args, out, err)
        if args.command == "export":
            return _export(args, out, err)
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
        print(f"genevatui: internal error: {type(exc).__name__}: {exc}", file=err)
        return 70
