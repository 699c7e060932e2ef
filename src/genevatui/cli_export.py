"""`genevatui export`: what passes the filters (or the user's marks, or the
chronology of events) written to stdout in one of the writers' formats.
With `--marked`, the user's notes go with the marks and the marked events
are written too; what a format cannot hold (csv and jsonl: quotes only) is
said on stderr. Never imports Textual."""

from __future__ import annotations

import argparse
import io
from typing import TextIO

from .cli_common import (
    EXIT_OK,
    EXIT_USAGE,
    Subcommands,
    add_data,
    add_filters,
    dates_ok,
    filter_from_args,
    load_index_or_code,
    say,
    write_data,
)
from .core.brief import GROUP_BY
from .core.bundled import bundled_dataset
from .core.export_file import user_notes
from .core.files import is_stdin
from .core.marks import MarkStore, listing
from .core.records import UserNotes
from .core.writers import FORMATS, write, writer_for

_FORMAT_HELP = (
    "json (default): one document with the sources, people, matching events and "
    "quotes; jsonl: one quote per line; csv: one quote per row; markdown: a brief "
    "with citations; csl-json: CSL-JSON items (Zotero, pandoc --citeproc); "
    "chronology: the events in date order with their articles. Always UTF-8"
)


def add_export_parser(sub: Subcommands) -> None:
    """Add the `export` subcommand to the subparsers `sub`."""
    parser = sub.add_parser(
        "export",
        help="write quotes to stdout",
        description="Write the quotes (and, in json, the events) that pass the filters to stdout.",
    )
    add_data(parser, argparse.SUPPRESS)
    parser.add_argument("--format", choices=FORMATS, default="json", help=_FORMAT_HELP)
    parser.add_argument("--events", action="store_true", help="same as --format chronology")
    parser.add_argument("--group-by", choices=GROUP_BY, default="event", help="markdown's groups")
    parser.add_argument(
        "--marked",
        action="store_true",
        help="only what you marked in the explorer (m) for this dataset; with the "
        "filters, what you marked among what they keep",
    )
    add_filters(parser, sub=True)


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not dates_ok(args, err):
        return EXIT_USAGE
    if args.marked and args.data and is_stdin(args.data):
        say("genevatui: --marked: marks are kept per dataset file; stdin has none", err)
        return EXIT_USAGE
    code, index = load_index_or_code(args, err)
    if index is None:
        return code
    flt = filter_from_args(args)
    notes: UserNotes | None = None
    if args.marked:
        store = MarkStore.for_dataset(args.data or bundled_dataset(), autosave=False)
        for line in store.warnings:
            say(f"genevatui: warning: {line}", err)
        index.set_marked(store.marked_by_kind())
        notes = user_notes(store.marks())
        flt = flt.with_marked(True)
        orphaned = [item for item in listing(store.marks(), index.dataset) if item.orphaned]
        if orphaned:
            say(
                f"genevatui: warning: {len(orphaned)} mark(s) or note(s) name records no "
                "longer in the dataset; they are kept (see `genevatui marks`)",
                err,
            )
    dataset = index.dataset
    fmt = "chronology" if args.events else args.format
    result = index.run(flt)
    text = io.StringIO()
    cite_events = args.marked  # the marked events are what the user chose
    write(
        index, result, fmt, text, group_by=args.group_by, user_notes=notes, cite_events=cite_events
    )
    write_data(text.getvalue(), out)
    left_out = writer_for(fmt).left_out_words(result, cite_events=cite_events, index=index)
    if left_out:
        say(f"genevatui: {left_out}", err)
    if dataset.orphans:
        say(
            f"genevatui: warning: {len(dataset.orphans)} orphaned quote(s) left out "
            "(their articles changed; see `genevatui validate`)",
            err,
        )
    return EXIT_OK
