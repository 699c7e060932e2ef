"""What every `genevatui` subcommand shares: the --data and filter flags,
the checked filter, loading the dataset with its problems printed, safe
messages and UTF-8 data on stdout. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

from .core.bundled import bundled_dataset
from .core.dates import date_problem, in_order
from .core.filters import KIND_FIELDS, Filter, FilterKind
from .core.loader import load_dataset, load_index
from .core.models import Dataset
from .core.problems import DatasetError
from .core.query import Index, UnknownName
from .core.search import any_of
from .core.text import shown

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
# The filter kinds with a flag (`--speaker NAME`); an event is reached with --goto.
_KIND_HELP: dict[FilterKind, str] = {
    "speaker": "quotes by this person, and events they spoke at",
    "venue": "quotes and events at this venue",
    "delegation": "quotes by this delegation's people, and its events",
    "topic": "quotes on this topic, and events where it was raised",
    "source": "quotes from this article (its id, its file's name or number, or words of "
    "its title), and the events it reports",
}


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        # The message can quote what was typed (`unrecognized arguments: …`).
        self.exit(EXIT_USAGE, f"{self.prog}: error: {shown(message)}\n")


# What `add_subparsers` gives: each cli_* module adds its commands to it
# (generic for the type checker only: not subscriptable at run time on 3.11).
if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[Parser]
else:
    Subcommands = argparse._SubParsersAction


def data_path(value: str) -> str:
    if not value:
        # `--data "$UNSET"` must not quietly check the bundled dataset instead.
        raise argparse.ArgumentTypeError(
            "empty path (an unset variable?); leave --data out for the bundled dataset"
        )
    return value


def add_data(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=data_path,
        default=default,
        help="the dataset's YAML file, or - for standard input (read once, never cached; "
        "validate and export only) (default: the bundled dataset)",
    )


def add_filters(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
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


def say(line: str, stream: TextIO) -> None:
    """Print one message line. Every message goes through here: a path or a
    value the user typed, or a name quoted from the data, can never reach the
    terminal as a control sequence (OSC 0/8/52, CSI, bidi overrides)."""
    print(shown(line), file=stream)


def print_problems(exc: DatasetError, err: TextIO) -> None:
    for line in exc.report_lines():
        say(line, err)


def load(path: str | None, err: TextIO) -> Dataset | None:
    try:
        return load_dataset(path or bundled_dataset())
    except DatasetError as exc:
        print_problems(exc, err)
        return None


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


def dates_ok(args: argparse.Namespace, err: TextIO) -> bool:
    for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
        problem = value is not None and date_problem(value)
        if problem:
            say(f"genevatui: {flag}: {problem}", err)
            return False
    if not in_order(args.date_from, args.date_to):
        say(f"genevatui: --from {args.date_from} is after --to {args.date_to}", err)
        return False
    return True


def load_index_or_code(
    args: argparse.Namespace, err: TextIO, goto: str | None = None
) -> tuple[int, Index | None]:
    """The dataset's index with the filters (and `goto`) checked, or an exit code."""
    try:
        index = load_index(args.data or bundled_dataset())
        index.check(filter_from_args(args))
        if goto:
            index.target(goto)
    except DatasetError as exc:
        print_problems(exc, err)
        return EXIT_DATA, None
    except UnknownName as exc:
        say(f"genevatui: {exc}", err)
        return EXIT_USAGE, None
    return EXIT_OK, index


def write_data(text: str, out: TextIO) -> None:
    """An export is data: UTF-8 whatever the locale says, never altered."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a plain text stream (tests): it takes str as is
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()  # here, so that a closed pipe is seen inside main()
