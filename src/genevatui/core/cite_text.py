"""Citations as text: `render(citation, fmt)` in one of `CITE_FORMATS`
(plain, markdown, csl-json, bare), and the Markdown pieces the brief
(`core.brief`) builds on. Whose words, and how each format marks them, is
set out in `core.cite`: a reported statement is never in quotation marks.
"""

from __future__ import annotations

from collections.abc import Callable

from .cite import Citation, Citer
from .dates import format_date
from .query import Index
from .text import quoted

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
    from .csl import csl_document  # csl builds on core.cite

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
