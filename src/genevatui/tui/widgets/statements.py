"""The statements pane: quotes grouped by delegation, then by speaker; then
the articles' assessments, apart, as the articles' words about a party.

Row keys: a quote's index, or `len(spec.quotes) + i` for assessment `i`
(`key_of` / `target_of` translate), so one virtual list holds both kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from ...core.dates import format_date
from ...core.marklist import glyphs
from ...core.marks import MarkStore
from ...core.query import Index
from ...core.search import Query, excerpt
from ...core.views import source_tag
from .virtual_list import Header, ItemMessage, VirtualList

ITEM_HEIGHT = 3  # a meta line and two lines of text
INDENT = 4
# Two header lines, so a narrow pane still shows what the group is.
ASSESSMENTS_HEADER = "Articles' assessments"
ASSESSMENTS_NOTE = "  the author's words about a party, not statements"
Kind = Literal["quote", "assessment"]


class Statements(VirtualList):
    """Quotes that pass the filters, under delegation and speaker headers;
    then, under a header of their own, the assessments that pass them."""

    COMPONENT_CLASSES = VirtualList.COMPONENT_CLASSES | {
        "statements--assessment",
        "statements--match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Read in source",
            tooltip="Jump into the passage in the source",
            id="statements.choose",
        ),
    ]

    class QuoteHighlighted(ItemMessage):
        """The cursor moved to quote `index` (an index into spec.quotes)."""

    class QuoteChosen(ItemMessage):
        """The user asked to see quote `index` in its article."""

    class AssessmentHighlighted(ItemMessage):
        """The cursor moved to assessment `index` (an index into spec.assessments)."""

    class AssessmentChosen(ItemMessage):
        """The user asked to see assessment `index` in its article."""

    item_height = ITEM_HEIGHT
    highlighted_message = QuoteHighlighted
    chosen_message = QuoteChosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: Index | None = None
        self.base = 0  # row key of assessment 0: the number of quotes
        self.search_query: Query = ()
        self.marks: MarkStore | None = None
        """The user's marks and notes (issue 11 §2): a sign in each row's gutter."""

    def key_of(self, kind: str, i: int) -> int:
        """The row key of quote or assessment `i`."""
        return self.base + i if kind == "assessment" else i

    def target_of(self, key: int) -> tuple[Kind, int]:
        """("quote" | "assessment", index) of row key `key`."""
        return ("assessment", key - self.base) if key >= self.base else ("quote", key)

    def cursor_moved(self, key: int) -> None:
        kind, i = self.target_of(key)
        message = self.AssessmentHighlighted if kind == "assessment" else self.QuoteHighlighted
        self.post_message(message(i))

    def chosen(self, key: int) -> None:
        kind, i = self.target_of(key)
        self.post_message((self.AssessmentChosen if kind == "assessment" else self.QuoteChosen)(i))

    def show(
        self,
        index: Index,
        quotes: list[int],
        assessments: Sequence[int] = (),
        keep: int | None = None,
    ) -> None:
        """Display `quotes`, which come grouped (`Index.run(..., by_speaker=True)`),
        then `assessments` under their own header. `keep` is a row key.

        One pass over runs of the same speaker (`Index.speaker_runs`) adds
        the headers; the items go in as slices, so 100,000 quotes cost
        milliseconds, not a Python loop per quote.
        """
        self.index = index
        self.base = len(index.dataset.spec.quotes)
        keys: list[int] = []
        headers: list[Header] = []
        delegation_header = -1
        delegation_total = 0
        current = None
        pos = 0
        for speaker, count in index.speaker_runs(quotes):
            delegation = index.people[speaker].delegation
            if delegation != current:
                if delegation_header >= 0:
                    headers[delegation_header] = _delegation_header(
                        index, current, delegation_total
                    )
                current, delegation_total = delegation, 0
                delegation_header = len(headers)
                headers.append(Header(""))
                keys.append(-len(headers))
            delegation_total += count
            headers.append(
                Header(f"  {index.people[speaker].name}  ({count})", "virtual-list--accent")
            )
            keys.append(-len(headers))
            keys.extend(quotes[pos : pos + count])
            pos += count
        if delegation_header >= 0:
            headers[delegation_header] = _delegation_header(index, current, delegation_total)
        if assessments:
            headers.append(Header(f"{ASSESSMENTS_HEADER}  ({len(assessments)})"))
            keys.append(-len(headers))
            headers.append(Header(ASSESSMENTS_NOTE, "virtual-list--dim"))
            keys.append(-len(headers))
            keys.extend(self.base + i for i in assessments)
        self.set_rows(keys, headers, keep_key=keep)

    def highlight(self, query: Query) -> None:
        """Mark where `query` (the text search) matches in the rows."""
        if query != self.search_query:
            self.search_query = query
            self.refresh()

    def item_version(self, key: int) -> object:
        # A row drawn for another search, or before it was marked, is drawn again.
        return (self.search_query, self._signs(key))

    def _signs(self, key: int) -> str:
        """The row's gutter (two cells of the indent): "●" marked, "✎" noted."""
        if self.marks is None or self.index is None:
            return "  "
        spec = self.index.dataset.spec
        if key >= self.base:
            return glyphs(self.marks.get("assessment", spec.assessments[key - self.base].id))
        return glyphs(self.marks.get("quote", spec.quotes[key].id))

    def _meta(self, key: int, bits: list[str]) -> Text:
        """The meta line: the indent, the mark's signs in it (the columns stay
        put), then `bits`."""
        dim = self.get_component_rich_style("virtual-list--dim")
        signs = self._signs(key)
        if not signs.strip():
            return Text(" " * INDENT + " · ".join(bits), style=dim)
        meta = Text(" ", style=dim)
        meta.append(signs, style="bold")
        meta.append(" " * (INDENT - 3) + " · ".join(bits), style=dim)
        return meta

    def render_item(self, key: int, width: int) -> list[Strip]:
        assert self.index is not None
        if key >= self.base:
            return self._render_assessment(key - self.base, width)
        view = self.index.quote_view(key)
        said = f"said {view.said}" if view.event and view.said != "at" else ""
        # Most telling first, as a narrow pane cuts from the end: the date, the
        # article's tag ("004"), direct or reported, said before/after; the
        # venue (its event's, shown in the citation block too) last.
        tag = view.source_tag
        bits = [b for b in (format_date(view.date), tag, view.kind, said, view.venue_name) if b]
        if view.anchoring == "fuzzy":  # the article changed or the text drifted: say so
            bits.append(f"≈ fuzzy match {view.anchoring_score:.0f}")
        meta = self._meta(key, bits)
        lines = self._wrap(view.text, max(width - INDENT, 1))
        strips = [self.text_strip(meta, width)]
        for line in lines:
            strips.append(self.text_strip(Text(" " * INDENT) + line, width))
        return strips

    def _render_assessment(self, i: int, width: int) -> list[Strip]:
        """ "<party> — <text>": the article's words about the party, set apart
        by style (and by its group header) from what anyone said."""
        assert self.index is not None
        index = self.index
        item = index.dataset.spec.assessments[i]
        date = format_date(index.assessment_date(i))
        # "assessment" and the article's tag first: the title is long and may be cut.
        source = index.sources[item.source]
        bits = [b for b in ("assessment", date, source_tag(source), source.title) if b]
        anchor = index.dataset.assessment_anchors[i]
        if anchor.status == "fuzzy":
            bits.append(f"≈ fuzzy match {anchor.score:.0f}")
        style = self.get_component_rich_style("statements--assessment")
        party = index.people[item.party].name
        meta = self._meta(self.base + i, bits)
        strips = [self.text_strip(meta, width)]
        for line in self._wrap(f"{party} — {item.text}", max(width - INDENT, 1)):
            line.style = style  # under the matches' style
            strips.append(self.text_strip(Text(" " * INDENT) + line, width))
        return strips

    def _wrap(self, text: str, width: int) -> list[Text]:
        """The first two wrapped lines of `text`, the second cut with an
        ellipsis; where a search matched, the matches marked and, if the
        first would not show, the lines taken from just before it."""
        lines_shown = ITEM_HEIGHT - 1
        # Only the part shown is wrapped: never all of a 20,000-character quote.
        head, found, more = excerpt(self.search_query, text, lines_shown * width - 2)
        shown = Text(head)
        match = self.get_component_rich_style("statements--match", partial=True)
        for a, b in found:
            shown.stylize(match, a, b)
        wrapped = shown.wrap(self.app.console, width)
        lines = list(wrapped)[:lines_shown]
        for line in lines:
            line.rstrip()
        if len(wrapped) > lines_shown or more:
            last = lines[-1]
            last.truncate(max(width - 1, 0))
            last.rstrip()
            last.append("…")
        while len(lines) < lines_shown:
            lines.append(Text())
        return lines


def _delegation_header(index: Index, delegation: str | None, total: int) -> Header:
    name = index.delegations[delegation].name if delegation else "?"
    return Header(f"{name}  ({total})")
