"""Command line: `genevatui [validate|export|cite] …`.

Thin on purpose: parse arguments, call the core, print. `validate` and
`export` and `cite` never import Textual. Exit codes: 0 ok, 1 bad dataset, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from . import __version__, cli_user
from .cli_cite import add_cite_parser, run_cite
from .core.brief import GROUP_BY
from .core.bundled import bundled_dataset
from .core.dates import date_problem, in_order
from .core.export import export
from .core.files import is_stdin
from .core.filters import KIND_FIELDS, Filter, FilterKind
from .core.loader import load_dataset, load_index
from .core.models import Dataset
from .core.problems import DatasetError
from .core.query import Index, UnknownName
from .core.search import any_of
from .core.session import SessionMode
from .core.text import shown
from .core.writers import FORMATS

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2

_FILTERS_HELP = (
    "Each flag narrows what is shown (the TUI) or written (export). Names match "
    "ids, names and aliases, ignoring case and accents (--delegation washington, "
    "--speaker ryabikov); part of a name (2+ letters) matches when no name does. "
    "Repeat a flag to OR its values (--speaker sherman --speaker ryabkov); "
    "different flags combine with AND."
)
_SEARCH_HELP = (
    "words that must all occur, in any order, in a quote (its text, the speaker's "
    'names, its event\'s title) or an event (title, summary, passages); "a phrase" '
    "in double quotes must occur as written; A | B or A OR B matches either; parts "
    "of words match; case and accents are ignored. Repeated, the values are ORed"
)
_DATE_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD: only what happened {when} (a date known only to "
    "the month or year counts when its span overlaps)"
)
_FORMAT_HELP = (
    "json (default): one document with the sources, people, matching events and "
    "quotes; jsonl: one quote per line; csv: one quote per row; markdown: a brief "
    "with citations; csl-json: CSL-JSON items (Zotero, pandoc --citeproc); "
    "chronology: the events in date order with their articles. Always UTF-8"
)


# The filter kinds with a flag (`--speaker NAME`); an event is reached with --goto.
_KIND_HELP: dict[FilterKind, str] = {
    "speaker": "quotes by this person, and events they spoke at",
    "venue": "quotes and events at this venue",
    "delegation": "quotes by this delegation's people, and its events",
    "topic": "quotes on this topic, and events where it was raised",
    "source": "quotes from this article (its id, its file's name or number, or words of "
    "its title), and the events it reports",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        # The message can quote what was typed (`unrecognized arguments: …`).
        self.exit(EXIT_USAGE, f"{self.prog}: error: {shown(message)}\n")


def _data_path(value: str) -> str:
    if not value:
        # `--data "$UNSET"` must not quietly check the bundled dataset instead.
        raise argparse.ArgumentTypeError(
            "empty path (an unset variable?); leave --data out for the bundled dataset"
        )
    return value


def _add_data(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=_data_path,
        default=default,
        help="the dataset's YAML file, or - for standard input (read once, never cached; "
        "validate and export only) (default: the bundled dataset)",
    )


def _add_filters(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    # In a subcommand, a flag left out keeps the value given before it
    # (`genevatui --speaker x export`), as --data does; one given replaces it.
    many: object = argparse.SUPPRESS if sub else []
    one: object = argparse.SUPPRESS if sub else None
    group = parser.add_argument_group("filters", _FILTERS_HELP)
    for kind, what in _KIND_HELP.items():
        group.add_argument(
            f"--{kind}",
            dest=KIND_FIELDS[kind],
            action="append",
            default=many,
            metavar="NAME",
            help=what,
        )
    for kind in _KIND_HELP:
        group.add_argument(
            f"--not-{kind}",
            dest=f"not_{KIND_FIELDS[kind]}",
            action="append",
            default=many,
            metavar="NAME",
            help=f"hide what --{kind} NAME would keep (a filter-out; repeat to hide several)",
        )
    group.add_argument("--search", action="append", default=many, metavar="TEXT", help=_SEARCH_HELP)
    # Text search (issue 10): --search also looks in the curator's notes.
    group.add_argument(
        "--search-notes",
        dest="in_notes",
        action="store_true",
        default=argparse.SUPPRESS if sub else False,
        help="--search also looks in the curator's notes on quotes, events and assessments",
    )
    for flag, dest, when in (("--from", "date_from", "after"), ("--to", "date_to", "before")):
        help_text = _DATE_HELP.format(when=f"on or {when} it")
        group.add_argument(flag, dest=dest, default=one, metavar="DATE", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="genevatui",
        description="Explore who said what, where and when at the January 2022 "
        "Russia–West security talks, with every quote anchored in its article. "
        "Without a COMMAND, opens the explorer (it needs a terminal).",
    )
    parser.add_argument("--version", action="version", version=f"genevatui {__version__}")
    _add_data(parser, None)
    _add_filters(parser)
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
        parser_class=_Parser,
        help="what to do instead of opening the explorer",
    )
    validate = sub.add_parser(
        "validate",
        help="check a dataset; list every problem",
        description="Check a dataset: print a summary and exit 0, or print every "
        "problem as file:line:col: field: message and exit 1.",
    )
    _add_data(validate, argparse.SUPPRESS)
    export = sub.add_parser(
        "export",
        help="write quotes to stdout",
        description="Write the quotes (and, in json, the events) that pass the filters to stdout.",
    )
    _add_data(export, argparse.SUPPRESS)
    export.add_argument("--format", choices=FORMATS, default="json", help=_FORMAT_HELP)
    export.add_argument("--events", action="store_true", help="same as --format chronology")
    export.add_argument("--group-by", choices=GROUP_BY, default="event", help="markdown's groups")
    _add_filters(export, sub=True)
    for name in cli_user.add_commands(sub):  # marks, config (issue 11)
        _add_data(sub.choices[name], argparse.SUPPRESS)
    add_cite_parser(sub, _add_data)
    return parser


def say(line: str, stream: TextIO) -> None:
    """Print one message line. Every message goes through here: a path or a
    value the user typed, or a name quoted from the data, can never reach the
    terminal as a control sequence (OSC 0/8/52, CSI, bidi overrides)."""
    print(shown(line), file=stream)


def _print_problems(exc: DatasetError, err: TextIO) -> None:
    for line in exc.report_lines():
        say(line, err)


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


def filter_from_args(args: argparse.Namespace) -> Filter:
    flt = Filter(
        text=any_of(args.search),  # repeated, like every filter flag: OR
        in_notes=args.in_notes,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    for kind in _KIND_HELP:
        flt = flt.with_values(kind, getattr(args, KIND_FIELDS[kind]))
        flt = flt.excluding(kind, getattr(args, f"not_{KIND_FIELDS[kind]}"))
    return flt


def _dates_ok(args: argparse.Namespace, err: TextIO) -> bool:
    for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
        problem = value is not None and date_problem(value)
        if problem:
            say(f"genevatui: {flag}: {problem}", err)
            return False
    if not in_order(args.date_from, args.date_to):
        say(f"genevatui: --from {args.date_from} is after --to {args.date_to}", err)
        return False
    return True


def _load_index(
    args: argparse.Namespace, err: TextIO, goto: str | None = None
) -> tuple[int, Index | None]:
    """The dataset's index with the filters (and `goto`) checked, or an exit code."""
    try:
        index = load_index(args.data or bundled_dataset())
        index.check(filter_from_args(args))
        if goto:
            index.target(goto)
    except DatasetError as exc:
        _print_problems(exc, err)
        return EXIT_DATA, None
    except UnknownName as exc:
        say(f"genevatui: {exc}", err)
        return EXIT_USAGE, None
    return EXIT_OK, index


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not _dates_ok(args, err):
        return EXIT_USAGE
    code, index = _load_index(args, err)
    if index is None:
        return code
    dataset = index.dataset
    fmt = "chronology" if args.events else args.format
    flt = filter_from_args(args)
    _write_data(export(dataset, fmt, flt, index, group_by=args.group_by), out)
    if dataset.orphans:
        say(
            f"genevatui: warning: {len(dataset.orphans)} orphaned quote(s) left out "
            "(their articles changed; see `genevatui validate`)",
            err,
        )
    return EXIT_OK


def _write_data(text: str, out: TextIO) -> None:
    """An export is data: UTF-8 whatever the locale says, never altered."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a plain text stream (tests): it takes str as is
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()  # here, so that a closed pipe is seen inside main()


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
    if not _dates_ok(args, err):
        return EXIT_USAGE
    from .tui.terminal import unfit_terminal  # imports no Textual

    missing = _no_terminal()
    why = f"the explorer needs a terminal, and {missing} is not one" if missing else None
    if why := why or unfit_terminal():
        # Load anyway: a bad dataset or name is reported as validate and
        # export report it, whatever runs the command.
        code, _ = _load_index(args, err, args.goto)
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
        _print_problems(exc, err)
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
            return _export(args, out, err)
        if args.command == "cite":
            return run_cite(args, _load_index, _write_data, say, out, err)
        code = cli_user.run(args, out, err, say)
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
