"""CSL-JSON: citations as items Zotero, Pandoc (`--citeproc`) and other
citation managers read (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).

The cited work is the article: `title`, `container-title` (the outlet),
`author`, `issued` and `URL`, each only when the dataset has it (never
guessed; an author is kept whole as a `literal` name, not split). What is
cited in it goes in `locator` (the paragraph number), `event`,
`event-place`, `event-date` and `note` (the statement, in words that keep the
rule of `core.cite`: reported speech is never in quotation marks), and all of
it, structured, under `custom.genevatui`: there, `speaker` is who spoke
(a quote), `party` whom an assessment is about (as in the json export),
`note` the curator's note and `user_note` the user's own, never mixed into
the CSL `note`. Every item validates against the official schema
(tests/data/csl/csl-data.json).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .cite import Citation
from .text import quoted


def date_parts(date: str | None) -> dict[str, Any] | None:
    """`2022-01-10` -> `{"date-parts": [[2022, 1, 10]]}` (a month or a year alone too)."""
    if not date:
        return None
    return {"date-parts": [[int(part) for part in date.split("-")]]}


def statement(c: Citation) -> str:
    """The cited words as a sentence for `note`."""
    if c.kind == "direct":
        return f"{c.who}: {quoted(c.words)} (direct quotation)"
    if c.kind == "reported":
        return f"{c.who}, as reported (the article's paraphrase, not a quotation): {c.words}"
    if c.kind == "event":
        return f"The article's own account of the event {c.speaker}: {quoted(c.words)}"
    return (
        f"The article's own words about {c.who} (an assessment, not a statement by them): "
        f"{quoted(c.words)}"
    )


def _event_name(occasion: str | None) -> str | None:
    return occasion if occasion and not occasion.startswith("said ") else None


def csl_item(c: Citation, user_note: str | None = None) -> dict[str, Any]:
    """One CSL-JSON item for citation `c` (its id is the statement's), with
    the user's own note on it, if any."""
    s = c.source
    item: dict[str, Any] = {
        "id": c.id,
        "type": "article-newspaper" if s.outlet else "article",
        "title": s.title,
    }
    optional: dict[str, Any] = {
        "container-title": s.outlet,
        "author": [{"literal": s.author}] if s.author else None,
        "issued": date_parts(s.published),
        "URL": s.url,
        "language": s.language,
        # the event's name; "said before/after <event>" stays in the note
        "event": c.speaker if c.kind == "event" else _event_name(c.occasion),
        "event-place": c.venue,
        "event-date": date_parts(c.date),
    }
    item.update({k: v for k, v in optional.items() if v is not None})
    loc = c.locator
    where = f"; {loc}" if loc else "; lost: the article changed"
    if loc is not None:
        item["locator"] = str(loc.first) if loc.first == loc.last else f"{loc.first}–{loc.last}"
    item["note"] = "\n".join([statement(c) + where, *c.caveats])
    item["custom"] = {
        "genevatui": {
            "record": c.record,
            "kind": c.kind,
            "text": c.words,
            "speaker": c.speaker if c.record == "quote" else None,
            "party": c.speaker if c.record == "assessment" else None,
            "event_title": c.speaker if c.kind == "event" else None,
            "speaker_title": c.speaker_title,
            "speaker_title_verbatim": c.title_verbatim,
            "delegation": c.delegation,
            "date": c.date,
            "venue": c.venue,
            "occasion": c.occasion,
            "source": s.id,
            "file": s.file,
            "paragraph": loc.first if loc else None,
            "paragraph_end": loc.last if loc else None,
            "start": loc.start if loc else None,
            "end": loc.end if loc else None,
            "anchoring": c.anchoring,
            "note": c.note,
            "disputes": list(c.disputes),
            "user_note": user_note or None,
        }
    }
    return item


def csl_document(citations: Iterable[Citation]) -> str:
    """A CSL-JSON file: an array of items, UTF-8 text, one trailing newline."""
    items = [csl_item(c) for c in citations]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
