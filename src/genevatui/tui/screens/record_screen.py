"""What the reader can ask of the record shown in the source (issue 10 §1):
everything about it (`i`), the readings of the disagreements about it
(`g`), and the other articles reporting it (`<`/`>`).

It holds the selection (`shown`, and `shown_source`, the article it is
shown in) and shows a record (`show_source`: its passage in the source, its
citation block above), and a list that takes the focus agrees with it
(`pane_focused`). `MainScreen` builds on this: it owns the filter and
the history, and says how to jump to a record.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...core.disagreements import concerning
from ...core.query import Index
from ...core.reports import Reports, position
from ...core.spans import Span, SpanIndex, Target, anchors_of
from ..copy import Copier
from ..describe import describe
from ..marking import store_of, target_id, user_note
from ..widgets.pane_tabs import Pane
from ..widgets.source_info import SourceInfo
from ..widgets.source_view import SourceView
from ..widgets.statements import Statements
from ..widgets.timeline import Timeline
from .layout import LayoutScreen


class RecordScreen(LayoutScreen):
    """A screen showing one record's passage at a time, with the keys that
    reach what the citation block above it has no room for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i",
            "details",
            "Details",
            tooltip="Everything about the selected record: notes whole, article, disagreements",
            # Not in the key bar, where it would push out x and n at 80
            # columns: the citation block's cue names it when text is cut.
            show=False,
            id="main.details",
        ),
        Binding(
            "g",
            "readings",
            "Readings",
            tooltip="The disagreements about it: each article's words; enter reads one",
            show=False,
            id="main.readings",
        ),
        Binding(
            "less_than_sign",
            "article(-1)",
            "Previous article",
            tooltip="The same event or statement in the previous article reporting it",
            show=False,
            id="main.prev_article",
        ),
        Binding(
            "greater_than_sign",
            "article(1)",
            "Next article",
            tooltip="The same event or statement in the next article reporting it",
            show=False,
            id="main.next_article",
        ),
    ]

    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index
        self.reports = Reports(index.dataset)
        self.copier = Copier(self)  # y, Y on the selected record (issue 11 §1)
        self.shown: Target | None = None
        """The record whose passage the source shows (None: nothing)."""
        self.shown_source: str | None = None
        """The article it is shown in (a record may be in several)."""
        # The source pane's own span type, built by the core's index.
        self._spans = SpanIndex(index.dataset, Span)

    # What the main screen provides.
    def jump(self, target: Target) -> None:
        raise NotImplementedError

    def _leaving(self) -> bool:
        """True once the app is exiting: a modal pushed now would be torn
        down half-built (keys typed with `q` are dropped by the app too)."""
        return bool(getattr(self.app, "exiting", False))

    def selected(self) -> Target | None:
        """The record the keys act on (y, m, a): the one under the focused
        list's cursor, else what the source shows. Not `shown` alone: it
        follows the cursor by a message, so a key typed right after `j`
        (`jm` in one burst) would act on the row the cursor has just left."""
        focused = self.focused
        if isinstance(focused, Statements | Timeline) and (key := focused.cursor_key) is not None:
            return ("event", key) if isinstance(focused, Timeline) else focused.target_of(key)
        return self.shown

    def show_source(self, target: Target, source: str | None = None) -> None:
        """Show `target`'s passage, in article `source` when it has one there."""
        dataset = self.index.dataset
        info = self.query_one(SourceInfo)
        anchors = anchors_of(dataset, target)
        reports = self.reports.of(target)  # one passage per article reporting it
        at = position(reports, target, source)
        if at < 0:
            why = (
                "This passage is no longer in its article (the article changed): "
                "an orphan, shown nowhere. `o` lists the orphans."
                if anchors
                else "This event has no source passage."
            )
            self.query_one(SourceView).clear(why)
            info.update(self.citation(target))
            self.shown, self.shown_source = target, None
            return
        anchor = reports[at].anchor
        spans, current = self._spans.spans_for(target, anchor)
        title = self.index.sources[anchor.source].title
        article = article_label(self.reports, target, anchor.source)
        self.query_one(SourceView).show(
            title, dataset.texts[anchor.source], spans, current, article
        )
        info.update(self.citation(target))
        self.shown, self.shown_source = target, anchor.source

    def citation(self, target: Target) -> Text:
        """The citation block's text for `target`, with the user's own note
        on it (issue 11 §2) on a line of its own."""
        out = describe(self.index, target)
        found = target_id(self.index, target)
        note = store_of(self.app).note(*found) if found is not None else ""
        if not note:
            return out
        # Right after who said it: the block is three lines at 80x24, and the
        # user's own note must not be the line cut off.
        cut = out.plain.find("\n")
        head, rest = (out, Text()) if cut < 0 else (out[:cut], out[cut:])
        user_note(head, note)
        return head + rest

    # -- layout (issue 10 §3): a list that takes the focus agrees with the source
    def pane_focused(self, pane: Pane) -> None:
        """A list took the focus: when the source shows one of its kind (an
        event for the timeline), the cursor goes to it; when it shows the
        other kind, the source shows the cursor's item (after `enter` on an
        event, `2` shows the statement under the statements' cursor)."""
        if pane == "source" or self.shown is None:
            return
        kind, key = self.shown
        if pane == "timeline":
            timeline = self.query_one(Timeline)
            if kind == "event":
                timeline.move_to_key(key)
            elif (at := timeline.cursor_key) is not None:
                self.show_source(("event", at))
            return
        statements = self.query_one(Statements)
        if kind in ("quote", "assessment"):  # a reading is in no list
            statements.move_to_key(statements.key_of(kind, key))
        elif (at := statements.cursor_key) is not None:
            self.show_source(statements.target_of(at))

    def action_details(self) -> None:
        if self.shown is None or self._leaving():
            self.app.bell()
            return
        from ..details import details
        from .details import DetailsScreen

        found = target_id(self.index, self.shown)  # the user's note, whole (issue 11 §2)
        note = store_of(self.app).note(*found) if found is not None else ""
        body = details(self.index, self.shown, self.reports.of(self.shown), note)
        self.app.push_screen(DetailsScreen(body, self.copier))  # y, Y work there too

    def action_readings(self) -> None:
        found = concerning(self.index.dataset, *self.shown) if self.shown else []
        if self._leaving():
            return
        if not found:
            self.app.bell()
            self.notify("No recorded disagreement about this.", timeout=3)
            return
        from .readings import ReadingsScreen

        def read(flat: int | None) -> None:
            if flat is not None:
                self.jump(("reading", flat))
                self.action_show_pane("source")  # at narrow sizes, the source alone

        self.app.push_screen(ReadingsScreen(self.index, found), read)

    def action_article(self, step: int) -> None:
        """The same record in the next (previous) article reporting it; past
        the last it wraps to the first and says so, as n/N do."""
        reports = self.reports.of(self.shown) if self.shown else []
        if self.shown is None or len(reports) < 2:
            self.app.bell()
            self.notify("No other article reports this.", timeout=3)
            return
        at = position(reports, self.shown, self.shown_source) + step
        if not 0 <= at < len(reports):
            at %= len(reports)
            self.notify(f"Wrapped to the {'first' if at == 0 else 'last'} article", timeout=3)
        self.show_source(reports[at].target, reports[at].anchor.source)


def article_label(reports: Reports, target: Target, source: str | None) -> str:
    """ "article 2 of 5" for `target` shown in article `source`, when more
    than one article reports it."""
    found = reports.of(target)
    at = position(found, target, source)
    return f"article {at + 1} of {len(found)} (< >)" if len(found) > 1 and at >= 0 else ""
