"""`genevatui cite ID [--format plain|markdown|csl-json|bare]`: one quote or
assessment with its citation, on stdout. Never imports Textual.

Exit codes as the rest of the CLI: 0 ok, 1 bad dataset, 2 usage (an
unknown id: one line naming it, with the closest ids).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from .core.cite import CITE_FORMATS, Citer, render

_HELP = (
    "plain (default): who, the words, when and where, the article and the "
    "paragraph (¶) and character locator, the curator's caveats; markdown: the "
    "same as Markdown; csl-json: a CSL-JSON item for Zotero or pandoc --citeproc; "
    "bare: the words alone. Reported speech is never put in quotation marks"
)


def add_cite_parser(sub: Any, add_data: Callable[[argparse.ArgumentParser, object], None]) -> None:
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


def cite_text(args: argparse.Namespace, index: Any) -> str:
    """The citation `args` ask for; `UnknownName` for an unknown id."""
    return render(Citer(index).find(args.id), args.cite_format)


def run_cite(
    args: argparse.Namespace,
    load: Callable[[argparse.Namespace, TextIO], tuple[int, Any]],
    write: Callable[[str, TextIO], None],
    say: Callable[[str, TextIO], None],
    out: TextIO,
    err: TextIO,
) -> int:
    """Load the dataset (`load` reports its problems), cite, write `out`."""
    from .core.query import UnknownName

    code, index = load(args, err)
    if index is None:
        return int(code)
    try:
        text = cite_text(args, index)
    except UnknownName as exc:
        say(f"genevatui: {exc}", err)
        return 2
    write(text, out)
    return 0
