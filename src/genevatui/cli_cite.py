"""`genevatui cite ID [--format plain|markdown|csl-json|bare]`: one quote or
assessment with its citation, on stdout. Never imports Textual.

Exit codes as the rest of the CLI: 0 ok, 1 bad dataset, 2 usage (an
unknown id: one line naming it, with the closest ids).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .cli_common import (
    EXIT_OK,
    EXIT_USAGE,
    Subcommands,
    add_data,
    load_index_or_code,
    say,
    write_data,
)
from .core.cite import Citer
from .core.cite_text import CITE_FORMATS, render
from .core.query import Index, UnknownName

_HELP = (
    "plain (default): who, the words, when and where, the article and the "
    "paragraph (¶) and character locator, the curator's caveats; markdown: the "
    "same as Markdown; csl-json: a CSL-JSON item for Zotero or pandoc --citeproc; "
    "bare: the words alone. Reported speech is never put in quotation marks"
)


def add_cite_parser(sub: Subcommands) -> None:
    """Add the `cite` subcommand to the subparsers `sub`."""
    parser = sub.add_parser(
        "cite",
        help="print one quote or assessment with its citation",
        description="Print the quote or assessment ID with its citation: the speaker "
        "with the title the article gives, direct or reported, date and venue, the "
        "article, the paragraph (¶) and character offsets, and the curator's caveats.",
    )
    add_data(parser, argparse.SUPPRESS)
    parser.add_argument("id", metavar="ID", help="a quote's or an assessment's id")
    parser.add_argument(
        "--format", dest="cite_format", choices=tuple(CITE_FORMATS), default="plain", help=_HELP
    )


def cite_text(args: argparse.Namespace, index: Index) -> str:
    """The citation `args` ask for; `UnknownName` for an unknown id."""
    return render(Citer(index).find(args.id), args.cite_format)


def run_cite(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Load the dataset (its problems are printed), cite, write `out`."""
    code, index = load_index_or_code(args, err)
    if index is None:
        return int(code)
    try:
        text = cite_text(args, index)
    except UnknownName as exc:
        say(f"genevatui: {exc}", err)
        return EXIT_USAGE
    write_data(text, out)
    return EXIT_OK
