"""Citations: one statement with everything a reader needs to find and trust it.

`Citer(index).quote(i)` / `.assessment(i)` / `.find(id)` build a `Citation`;
`render(citation, fmt)` writes it in one of `CITE_FORMATS` (plain, markdown,
csl-json, bare). Pure: no Textual, no Rich. The TUI's copy keys and the
`genevatui cite` command both go through here.

Whose words (the rule every format keeps):
- a direct quote is the speaker's words: in quotation marks, once
  (`text.quoted` gives way to a pair the article's slice already has);
- a reported one is the article's paraphrase: NEVER in quotation marks, in
  any format; it is written after "as reported (the article's paraphrase):"
  or marked "(reported)", outside any marks;
- an assessment is the article's own words about a party, never a statement
  by it: attributed to the article, labelled as such;
- an event's passage is the article's own account of it (its words, in
  quotation marks, attributed to the article).

Which curator's notes a citation carries, and why all of them: the notes of
this dataset are written as caveats (where the quotation was cut, who really
said it, "borderline", a garbled paragraph, a fact from outside the
articles), and nothing in the data tells a caveat from context; a dropped
caveat misleads the reader, an extra line of context costs nothing. Beside
the note, the caveats are: a title that is the curator's description, not
the article's words; a passage matched to the article only tolerantly or
fuzzily; and the disagreements between articles concerning the statement
(`disagreements.concerning`: about it, a `same_as` partner, or its speaker).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .dates import format_date
from .disagreements import concerning, who_differs
from .models import AnchorStatus, Dataset, Source
from .names import UnknownName
from .paragraphs import ParagraphIndex, pilcrow
from .query import Index
from .text import quoted

CiteKind = Literal["direct", "reported", "assessment", "event"]


@dataclass(frozen=True, slots=True)
class Locator:
    """Where the words are: paragraphs `first`..`last` (1-based, see
    `core.paragraphs`) and the characters `start:end` of the article's file."""

    file: str
    first: int
    last: int
    start: int
    end: int

    @property
    def pilcrow(self) -> str:
        """`¶ 12` or `¶ 12–13`."""
        return pilcrow(self.first, self.last)

    def __str__(self) -> str:
        return f"{self.pilcrow}, chars {self.start}–{self.end} of {self.file}"


@dataclass(frozen=True, slots=True)
class Citation:
    """One quote or assessment, cited. Text fields are the dataset's (clean
    of control characters at load); formats escape them for their syntax."""

    record: Literal["quote", "assessment", "event"]
    id: str
    kind: CiteKind
    words: str
    """The article's own characters at the locator (empty when lost)."""
    speaker: str
    """Who spoke; for an assessment, the party the article's words are about;
    for an event, the event's title (nobody speaks: the article narrates)."""
    speaker_title: str | None
    """The title as the quote's own article gives it (None for assessments)."""
    title_verbatim: bool | None
    """False: the title is the curator's description, not the article's words."""
    delegation: str | None
    date: str | None
    venue: str | None
    occasion: str | None
    """The event's title, or "said before/after <title>"."""
    source: Source
    """The article: title, plus outlet, author, published and url when known."""
    locator: Locator | None
    """None when the passage was lost (the article changed)."""
    anchoring: AnchorStatus
    anchoring_score: float
    note: str | None
    disputes: tuple[str, ...]
    """What the articles disagree on about it (each disagreement's `about`)."""
    differ: tuple[str, ...] = ()
    """Who disagrees, for each of them ("3 articles disagree"), in the same order."""
    dispute_ids: tuple[str, ...] = ()
    """The ids of those disagreements, in the same order."""

    @property
    def title_shown(self) -> str | None:
        """The title, flagged when it is the curator's description."""
        if self.speaker_title and self.title_verbatim is False:
            return f"{self.speaker_title}, curator's description"
        return self.speaker_title

    @property
    def who(self) -> str:
        """`Name (Title; Delegation)`."""
        inside = "; ".join(x for x in (self.title_shown, self.delegation) if x)
        return f"{self.speaker} ({inside})" if inside else self.speaker

    @property
    def when_where(self) -> str:
        """`said before Geneva talks, 10 Jan 2022, Geneva` (what is known)."""
        parts = (self.occasion, format_date(self.date), self.venue)
        return ", ".join(x for x in parts if x)

    @property
    def article(self) -> str:
        """`Title, Outlet, by Author, 10 Jan 2022, URL` (what is known)."""
        s = self.source
        by = f"by {s.author}" if s.author else None
        parts = (s.title, s.outlet, by, format_date(s.published), s.url)
        return ", ".join(x for x in parts if x)

    @property
    def caveats(self) -> list[str]:
        """One line each: anchoring, disputes, the curator's note."""
        return self.caveats_but(disputes=True)

    def caveats_but(self, *, disputes: bool) -> list[str]:
        """The caveats, with or without a line per dispute (a document that
        lists the disagreements itself names them once, by id)."""
        lines = []
        if self.locator is None:
            lines.append("Lost: the article changed; the words can no longer be found in it.")
        elif self.anchoring in ("tolerant", "fuzzy"):
            how = "tolerantly" if self.anchoring == "tolerant" else "fuzzily"
            lines.append(
                f"Matched {how} (score {self.anchoring_score:.0f}): the curated "
                "text differs from the article's; the words given are the article's."
            )
        if disputes:
            lines += [
                f"Disputed ({who}): {about}"
                for who, about in zip(self.differ, self.disputes, strict=True)
            ]
        elif self.dispute_ids:
            lines.append(f"Disputed: see {', '.join(self.dispute_ids)}")
        if self.note:
            lines.append(f"Curator's note: {self.note}")
        return lines


class Citer:
    """Builds citations over one `Index`; keeps each article's paragraphs,
    so citing many statements scans each article once."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.paragraphs = ParagraphIndex(index.dataset.texts)

    def _locator(self, source: str, start: int, end: int, status: AnchorStatus) -> Locator | None:
        if status == "orphan":
            return None
        first, last = self.paragraphs.span(source, start, end)
        return Locator(self.index.sources[source].file, first, last, start, end)

    def quote(self, i: int) -> Citation:
        """Quote `i` (an index into `spec.quotes`), cited."""
        v = self.index.quote_view(i)
        dataset = self.index.dataset
        return Citation(
            record="quote",
            id=v.id,
            kind=v.kind,
            words=v.text,
            speaker=v.speaker,
            speaker_title=v.speaker_title,
            title_verbatim=v.speaker_title_verbatim,
            delegation=v.delegation_name,
            date=v.date,
            venue=v.venue_name,
            occasion=v.occasion,
            source=self.index.sources[v.source],
            locator=self._locator(v.source, v.start, v.end, v.anchoring),
            anchoring=v.anchoring,
            anchoring_score=v.anchoring_score,
            note=v.note,
            **_disputes(dataset, concerning(dataset, "quote", i)),
        )

    def assessment(self, i: int) -> Citation:
        """Assessment `i`: the article's words about a party, cited as such."""
        index = self.index
        dataset = index.dataset
        item = dataset.spec.assessments[i]
        anchor = dataset.assessment_anchors[i]
        party = index.people[item.party]
        event = index.events.get(item.event or "")
        venue = index.venues.get(event.venue or "") if event else None
        return Citation(
            record="assessment",
            id=item.id,
            kind="assessment",
            words=dataset.words(anchor),
            speaker=party.name,
            speaker_title=None,
            title_verbatim=None,
            delegation=index.delegations[party.delegation].name,
            date=index.assessment_date(i),
            venue=venue.name if venue else None,
            occasion=event.title if event else None,
            source=index.sources[item.source],
            locator=self._locator(item.source, anchor.start, anchor.end, anchor.status),
            anchoring=anchor.status,
            anchoring_score=anchor.score,
            note=item.note,
            **_disputes(dataset, concerning(dataset, "assessment", i)),
        )

    def event(self, i: int, source: str | None = None) -> Citation:
        """Event `i` with its first passage in article `source` (the one the
        source pane shows; default: its first placed passage). ValueError
        when the event has no passage: there is no article to cite."""
        dataset = self.index.dataset
        item = dataset.spec.events[i]
        anchors = dataset.event_anchors[i]
        if not anchors:
            raise ValueError(f"event {item.id} has no passage in any article")
        placed = [a for a in anchors if a.status != "orphan"] or list(anchors)
        anchor = next((a for a in placed if a.source == source), placed[0])
        venue = self.index.venues.get(item.venue or "")
        return Citation(
            record="event",
            id=item.id,
            kind="event",
            words=dataset.words(anchor),
            speaker=item.title,
            speaker_title=None,
            title_verbatim=None,
            delegation=None,
            date=item.date,
            venue=venue.name if venue else None,
            occasion=None,
            source=self.index.sources[anchor.source],
            locator=self._locator(anchor.source, anchor.start, anchor.end, anchor.status),
            anchoring=anchor.status,
            anchoring_score=anchor.score,
            note=item.note,
            **_disputes(dataset, concerning(dataset, "event", i)),
        )

    def find(self, record_id: str) -> Citation:
        """The quote or assessment with this id; `UnknownName` (with close
        matches) when there is none."""
        at = self._ids.get(record_id)
        if at is None:
            close = difflib.get_close_matches(record_id, list(self._ids), n=3, cutoff=0.6)
            raise UnknownName("quote or assessment id", record_id, close)
        kind, i = at
        return self.quote(i) if kind == "quote" else self.assessment(i)

    @functools.cached_property
    def _ids(self) -> dict[str, tuple[str, int]]:
        spec = self.index.dataset.spec
        ids = {a.id: ("assessment", i) for i, a in enumerate(spec.assessments)}
        ids.update({q.id: ("quote", i) for i, q in enumerate(spec.quotes)})
        return ids


def _disputes(dataset: Dataset, indices: list[int]) -> dict[str, tuple[str, ...]]:
    items = [dataset.spec.disagreements[d] for d in indices]
    return {
        "disputes": tuple(d.about for d in items),
        "differ": tuple(who_differs(dataset, i) for i in indices),
        "dispute_ids": tuple(d.id for d in items),
    }


# -- formats -------------------------------------------------------------

_REPORTED = "as reported (the article's paraphrase, not a quotation)"
ASSESSMENT_LABEL = "The article's own words about {who}: an assessment, not a statement by them."
EVENT_LABEL = "The article's own account of the event, not a statement by anyone."


def plain(c: Citation) -> str:
    """A few lines of plain text: who and what, when and where, the article
    and the locator, then the caveats."""
    if c.kind == "direct":
        head = f"{c.who}: {quoted(c.words)}"
    elif c.kind == "reported":
        head = f"{c.who}, {_REPORTED}: {c.words}"
    elif c.kind == "event":
        what = ", ".join(x for x in (c.speaker, c.when_where) if x)
        head = f"Event: {what}\n{quoted(c.words)}\n{EVENT_LABEL}"
    else:
        head = f"{c.source.title}: {quoted(c.words)}\n{ASSESSMENT_LABEL.format(who=c.who)}"
    lines = [head]
    if c.when_where and c.kind != "event":
        lines.append(c.when_where)
    lines.append(f"Source: {c.article}")
    if c.locator is not None:
        lines.append(f"Locator: {c.locator}")
    lines += c.caveats
    return "\n".join(lines) + "\n"


def bare(c: Citation) -> str:
    """The words alone: a direct quote in quotation marks; reported speech
    without, followed by "(reported)"; an assessment's marked as the article's."""
    if c.kind == "direct":
        return quoted(c.words) + "\n"
    if c.kind == "reported":
        return f"{c.words} (reported)\n"
    if c.kind == "event":
        return f"{quoted(c.words)} (the article's account of the event)\n"
    return f"{quoted(c.words)} (the article's assessment)\n"


_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|"})


def md_escape(text: str) -> str:
    """Escape Markdown syntax so the text renders literally (one line)."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def md_line(c: Citation, *, occasion: bool = True) -> str:
    """The citation as one Markdown line (the export's brief lists these):
    `**Name** (Title; Delegation), when, where: words (direct|reported) —
    *Article*, outlet…, file, chars 147–166, ¶ 12`; an assessment as
    `*Article* on **Party** (date): “words” — file, chars …, ¶ 12`.
    `occasion=False`: the event is left out when it was said at it (a
    heading names it already); "said before/after <event>" always stays."""
    if c.kind == "assessment":
        when = f" ({format_date(c.date)})" if c.date else ""
        head = f"*{md_escape(c.source.title)}* on **{md_escape(c.speaker)}**{when}"
        return f"{head}: {md_escape(quoted(c.words))} — {md_locator(c)}"
    if c.kind == "event":
        where = f", {md_escape(c.when_where)}" if c.when_where else ""
        words = md_escape(quoted(c.words))
        return f"**{md_escape(c.speaker)}**{where}: {words} (event) — {md_source(c)}"
    when_where = c.when_where
    if not occasion and c.occasion and c.occasion == c.when_where.split(", ")[0]:
        if not c.occasion.startswith("said "):
            when_where = ", ".join(x for x in (format_date(c.date), c.venue) if x)
    where = f", {md_escape(when_where)}" if when_where else ""
    words = quoted(c.words) if c.kind == "direct" else c.words
    return f"{md_speaker(c)}{where}: {md_escape(words)} ({c.kind}) — {md_source(c)}"


def md_speaker(c: Citation) -> str:
    """`**Name** (Title; Delegation)`: the title as the quote's article gives it."""
    inside = "; ".join(x for x in (c.title_shown, c.delegation) if x)
    return f"**{md_escape(c.speaker)}**" + (f" ({md_escape(inside)})" if inside else "")


def md_source(c: Citation) -> str:
    """`*Title*, Outlet, by Author, date, <url>, file, chars 147–166, ¶ 12`."""
    s = c.source
    parts = [f"*{md_escape(s.title)}*"]
    parts += [md_escape(x) for x in (s.outlet, s.author and f"by {s.author}") if x]
    if s.published:
        parts.append(format_date(s.published))
    if s.url:
        parts.append(f"<{s.url.translate(_MD_SPECIAL)}>")
    return ", ".join([*parts, md_locator(c)])


def md_locator(c: Citation) -> str:
    """`file, chars 147–166, ¶ 12`, or that the words were lost."""
    loc = c.locator
    if loc is None:
        return "(lost: the article changed)"
    return f"{md_escape(loc.file)}, chars {loc.start}–{loc.end}, {loc.pilcrow}"


def markdown(c: Citation) -> str:
    """The Markdown line, then each caveat as a paragraph of its own (an
    assessment first says whose words they are)."""
    lines = c.caveats
    if c.kind == "assessment":
        lines = [ASSESSMENT_LABEL.format(who=c.who), *lines]
    elif c.kind == "event":
        lines = [EVENT_LABEL, *lines]
    caveats = "".join(f"\n\n{md_escape(line)}" for line in lines)
    return md_line(c) + caveats + "\n"


def csl_json(c: Citation) -> str:
    """A CSL-JSON file holding this one item (see `core.csl`)."""
    from .csl import csl_document  # csl builds on this module

    return csl_document([c])


Format = Callable[[Citation], str]
CITE_FORMATS: dict[str, Format] = {
    "plain": plain,
    "markdown": markdown,
    "csl-json": csl_json,
    "bare": bare,
}
"""Name -> renderer; `render` and the CLI's `--format` choose from these."""


def render(c: Citation, fmt: str = "plain") -> str:
    """`c` in format `fmt` (a key of `CITE_FORMATS`); ValueError otherwise."""
    try:
        return CITE_FORMATS[fmt](c)
    except KeyError:
        raise ValueError(
            f"unknown citation format {fmt!r}; choose from {', '.join(CITE_FORMATS)}"
        ) from None


def cite(index: Index, record_id: str, fmt: str = "plain") -> str:
    """The quote or assessment `record_id` cited in `fmt` (one-shot helper)."""
    return render(Citer(index).find(record_id), fmt)
