"""The main screen: owns the filter, the selection and the jump history.

Panes get what to show from here (attributes down) and report with their
own messages (messages up); they never reach into each other. All filtering
is the core's `Index.run`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Container, Vertical
from textual.reactive import reactive

from ...core.chips import chips
from ...core.filters import Filter, FilterKind, filter_kind
from ...core.history import Place, jump_history
from ...core.query import Index, UnknownName
from ...core.spans import Target
from ..marking import Marking
from ..widgets.filter_bar import FilterBar
from ..widgets.key_bar import KeyBar
from ..widgets.pane_tabs import PaneTabs
from ..widgets.source_info import SourceInfo
from ..widgets.source_view import SourceView
from ..widgets.statements import Statements
from ..widgets.timeline import Timeline
from ..widgets.virtual_list import EMPTY
from .filter_dialogs import pick_dates, pick_values
from .keeping import KEEPING_BINDINGS, Keeping, export_commands, marks_commands
from .layout import ListPane
from .record_screen import RecordScreen, article_label
from .text_search import NOTES_BINDING, SEARCH_BINDING, TextSearch

if TYPE_CHECKING:
    from ..session_keeper import SessionKeeper

NARROW = 110  # below this many columns one list shows at a time, over the source


# The palette's providers are imported when the palette first opens.
def _filter_commands() -> type[Provider]:
    from ..commands import FilterCommands

    return FilterCommands


def _goto_commands() -> type[Provider]:
    from ..commands import GotoCommands

    return GotoCommands


class MainScreen(Keeping, RecordScreen):
    """Filter bar, timeline, statements and source, with the footer; `i`,
    `g`, `<` and `>` (RecordScreen) act on the record the source shows, the
    layout keys (LayoutScreen, RecordScreen's base) arrange the panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        SEARCH_BINDING,
        Binding("s", "pick('speaker')", "Speaker", id="main.speaker"),
        Binding("v", "pick('venue')", "Venue", show=False, id="main.venue"),
        Binding("d", "pick('delegation')", "Delegation", show=False, id="main.delegation"),
        Binding("t", "pick('topic')", "Topic", id="main.topic"),
        Binding(
            "A",
            "pick('source')",
            "Article",
            tooltip="Open an article: pick a source (number, title or id)",
            show=False,
            id="main.pick_source",
        ),
        Binding("x", "clear", "Clear", tooltip="Clear filters, every kind", id="main.clear"),
        # Filters (issue 10 §2): the date range in the app
        Binding("r", "date_range", "Dates", tooltip="Date range: from, to", id="main.dates"),
        Binding(
            "n", "passage(1)", "Next", tooltip="Next passage in the source", id="main.next_passage"
        ),
        Binding(
            "N", "passage(-1)", "Previous passage in the source", show=False, id="main.prev_passage"
        ),
        Binding("left_square_bracket", "back", "Back", id="main.back"),
        Binding("right_square_bracket", "forward", "Forward", show=False, id="main.forward"),
        Binding("o", "orphans", "Orphans", show=False, id="main.orphans"),
        NOTES_BINDING,
        *KEEPING_BINDINGS,  # cite and keep (issue 11): y Y m a ' M e
    ]

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        _filter_commands,
        _goto_commands,
        marks_commands,
        export_commands,
    }
    """Filter by any entity, go to any event or quote: only over this screen
    (a provider reaches it as `self.screen`)."""

    HORIZONTAL_BREAKPOINTS = [  # Screen declares it without ClassVar
        (0, "-narrow"),
        (NARROW, "-wide"),
    ]
    """Below NARROW columns the screen is `-narrow`: tabs, panes stacked."""

    filter: reactive[Filter] = reactive(Filter, init=False)
    """The active filter; every pane is redrawn from it."""

    def __init__(
        self,
        index: Index,
        flt: Filter,
        goto: Target | None = None,
        keeper: SessionKeeper | None = None,
    ) -> None:
        super().__init__(index)
        self.keeper = keeper  # the saved session: restored, then kept (issue 11 §3)
        self.set_reactive(MainScreen.filter, flt)
        self.goto = goto
        self.history = jump_history()  # places are (target, filter)
        self.search = TextSearch(self)
        self.marking = Marking(self)  # marks and notes (issue 11 §2)
        self.why = ""  # why nothing passes the filter (`Index.why_empty`), when so
        self.orphan_count = len(index.dataset.orphans)

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        yield PaneTabs(id="pane-tabs")
        with Container(id="panes"):
            yield Timeline(id="timeline")
            yield Statements(id="statements")
            with Vertical(id="source-pane"):
                yield SourceInfo(id="source-info")
                yield SourceView(id="source")
        yield KeyBar(id="key-bar")

    def on_mount(self) -> None:
        self.query_one(FilterBar).close_search()
        self.query_one(Timeline).border_title = "Timeline"
        self.query_one(Statements).border_title = "Statements"
        self.marking.start()
        self._refresh_panes()  # also shows the first statement's passage
        if self.goto is not None:
            self.shown = None  # the start is not a place to go back to
            self.jump(self.goto)
        first: ListPane = "timeline" if self.shown and self.shown[0] == "event" else "statements"
        self.list_pane = first  # before the focus: at narrow sizes it must not be hidden
        self.pane(first).focus()
        if self.keeper is not None:
            self.keeper.restore(self, select=self.goto is None)

    def on_unmount(self) -> None:
        if self.keeper is not None:
            self.keeper.save(self)

    # -- filtering -------------------------------------------------------------
    def watch_filter(self, old: Filter, new: Filter) -> None:
        if not self.history.places and self.shown is not None:
            self.history.jump(None, (self.shown, old))  # the start, to come back to
        self._refresh_panes()

    def _refresh_panes(self) -> None:
        flt = self.filter
        result = self.index.run(flt, by_speaker=True)
        spec = self.index.dataset.spec
        statements = self.query_one(Statements)
        timeline = self.query_one(Timeline)
        timeline.narrowed = flt.events[0] if len(flt.events) == 1 else None
        self.search.highlight(flt)
        self.why = "" if result.quotes or result.assessments else self.index.why_empty(flt)
        statements.empty_message = self.why
        timeline.empty_message = self.why or EMPTY  # no statement, no event: the same why
        statements.show(self.index, result.quotes, result.assessments, statements.cursor_key)
        # Narrowed to one event (enter on it), the timeline still lists the
        # events around it: its cursor moves on, and enter narrows to another.
        around = self.index.run(flt.with_values("event", ())) if timeline.narrowed else result
        timeline.show(self.index, around.events, around.quotes, keep=timeline.cursor_key)
        counts = (
            f"{len(result.quotes)} of {len(spec.quotes)} quotes · "
            f"{len(result.events)} of {len(spec.events)} events"
        )
        if self.orphan_count:
            counts += f" · {self.orphan_count} orphaned (o)"
        self.query_one(FilterBar).update(chips(self.index, flt), counts, flt.in_notes)
        statements.border_subtitle = f"{len(result.quotes)}" + (
            f" + {len(result.assessments)} assessments" if result.assessments else ""
        )
        timeline.border_subtitle = f"{len(around.events)}"
        self._follow_filter(statements.cursor_key)

    def _follow_filter(self, first: int | None) -> None:
        """After a filter change, the source follows the statements' cursor
        unless it keeps what it shows (`_keeps_shown`)."""
        statements = self.query_one(Statements)
        if self._keeps_shown():
            return
        if first is not None:
            self.show_source(statements.target_of(first))
        else:
            self.shown = None
            self.query_one(SourceInfo).update(Text())
            self.query_one(SourceView).clear(self.why)

    def _keeps_shown(self) -> bool:
        """Whether what the source shows still passes the filter: a statement
        still listed; an event still in the timeline, in an article the
        filter allows (shown in another such article if need be)."""
        if self.shown is None or self.shown[0] == "reading":
            return False
        kind, key = self.shown
        if kind != "event":
            statements = self.query_one(Statements)
            return statements.row_of_key(statements.key_of(kind, key)) is not None
        if self.query_one(Timeline).row_of_key(key) is None:
            return False
        reports = self.reports.of(self.shown)
        if not reports or self.index.allows_source(self.filter, self.shown_source or ""):
            return True  # (an event with no passage stays, as it is)
        allowed = [r for r in reports if self.index.allows_source(self.filter, r.anchor.source)]
        if allowed:
            self.show_source(self.shown, allowed[0].anchor.source)
        return bool(allowed)

    # -- text search (issue 10 §1): `TextSearch` does it -----------------------
    def action_search(self) -> None:
        self.search.open()

    @on(FilterBar.SearchChanged)
    def _search_changed(self, event: FilterBar.SearchChanged) -> None:
        self.search.changed(event.text, event.final)

    @on(FilterBar.SearchLeft)
    def _search_left(self) -> None:
        self.search.left()

    def action_toggle_notes(self) -> None:
        self.search.toggle_notes()

    # -- the other filters: clear, pickers, dates, the palette ------------------
    def action_clear(self) -> None:
        self.filter = Filter()

    def action_pick(self, name: str) -> None:
        if not self._leaving():  # `name` comes from a binding's action string: checked
            pick_values(self.app, self.index, self.filter, filter_kind(name), self._set_filter)

    def action_date_range(self) -> None:
        if not self._leaving():
            pick_dates(self.app, self.filter, self._set_filter)

    def _set_filter(self, flt: Filter) -> None:
        self.filter = flt

    def set_filter_values(self, kind: FilterKind, values: tuple[str, ...]) -> None:
        """Used by the command palette: add `values` to the filter of `kind`."""
        wanted = self.filter.adding(kind, values)
        try:
            self.index.check(wanted)
        except UnknownName as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.filter = wanted

    # -- selection and jumps -------------------------------------------------
    @on(Statements.QuoteHighlighted)
    def _quote_highlighted(self, event: Statements.QuoteHighlighted) -> None:
        self.show_source(("quote", event.index))

    @on(Statements.AssessmentHighlighted)
    def _assessment_highlighted(self, event: Statements.AssessmentHighlighted) -> None:
        self.show_source(("assessment", event.index))

    @on(Timeline.EventHighlighted)
    def _event_highlighted(self, event: Timeline.EventHighlighted) -> None:
        if self.focused is self.query_one(Timeline):
            self.show_source(("event", event.index))

    @on(Statements.QuoteChosen)
    def _quote_chosen(self, event: Statements.QuoteChosen) -> None:
        self.jump(("quote", event.index))
        self.action_show_pane("source")

    @on(Statements.AssessmentChosen)
    def _assessment_chosen(self, event: Statements.AssessmentChosen) -> None:
        self.jump(("assessment", event.index))
        self.action_show_pane("source")

    @on(Timeline.EventChosen)
    def _event_chosen(self, event: Timeline.EventChosen) -> None:
        event_id = self.index.dataset.spec.events[event.index].id
        narrowed = self.filter.events == (event_id,)
        here = self._place()  # the history goes back to the filter before it
        # A second enter on the narrowed event widens the statements again.
        self.filter = self.filter.with_values("event", () if narrowed else (event_id,))
        self.jump(("event", event.index), here)

    @on(SourceView.PassageChosen)
    def _passage_chosen(self, event: SourceView.PassageChosen) -> None:
        self.select_target((event.span.kind, event.span.key))
        if event.span.kind != "reading":  # a reading has no list: stay in the source
            self.query_one(Timeline if event.span.kind == "event" else Statements).focus()

    @on(SourceView.PassageMoved)
    def _passage_moved(self, event: SourceView.PassageMoved) -> None:
        target: Target = (event.span.kind, event.span.key)
        self.shown = target
        self.query_one(SourceInfo).update(self.citation(target))
        self.query_one(SourceView).set_article(
            article_label(self.reports, target, self.shown_source)
        )

    def _place(self) -> Place | None:
        return (self.shown, self.filter) if self.shown is not None else None

    def jump(self, target: Target, here: Place | None = None) -> None:
        """Show `target` in the source and record it in the history, with the
        filter it is shown under; `here` (default: now) is where it left."""
        # Where the user stood before the jump is the first place to go back to.
        here = here or self._place()
        self.select_target(target)
        self.history.jump(here, (target, self.filter))

    def go_to(self, target: Target) -> None:
        """The palette's "go to": jump, then focus the list that holds it."""
        self.jump(target)
        self.action_show_pane("timeline" if target[0] == "event" else "statements")

    def select_target(self, target: Target, widen: bool = True) -> None:
        """Put the cursor on `target` in its list (widening if it is filtered
        out, unless not to `widen`) and show its passage."""
        if target[0] == "reading":  # in no list: only its article
            self.show_source(target)
            return
        pane, key = self._list_of(target)
        if widen and pane.row_of_key(key) is None and not self.filter.is_empty:
            self.notify("It was hidden by the filters: filters cleared.", timeout=4)
            self.filter = Filter()
        pane.move_to_key(key)
        self.show_source(target)

    def _list_of(self, target: Target) -> tuple[Statements | Timeline, int]:
        """The list that holds `target` (not a reading), and its key there."""
        kind, key = target
        if kind == "event":
            return self.query_one(Timeline), key
        statements = self.query_one(Statements)
        return statements, statements.key_of(kind, key)

    def listed(self, target: Target) -> bool:
        """Whether `target` has a row under the filter (a reading never does)."""
        if target[0] == "reading":
            return False
        pane, key = self._list_of(target)
        return pane.row_of_key(key) is not None

    def action_passage(self, step: int) -> None:
        source = self.query_one(SourceView)
        if step > 0:
            source.action_next_passage()
        else:
            source.action_previous_passage()

    def action_back(self) -> None:
        self._go(-1)

    def action_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        """Move through the history like a browser, restoring the filter each
        place had (never clearing it); focus stays where it is."""
        place = self.history.step(step, self._place())
        if place is None:
            if step < 0 and self.focused is self.query_one(SourceView) and self.shown:
                # Nothing earlier: back out of the source to the list it came from.
                self.query_one(Timeline if self.shown[0] == "event" else Statements).focus()
                return
            self.app.bell()
            return
        target, self.filter = place
        self.select_target(target, widen=False)

    def action_orphans(self) -> None:
        if self._leaving():
            return
        from .orphans import OrphansScreen

        self.app.push_screen(OrphansScreen(self.index))
