"""Command palette providers: filter by any entity, go to any event or quote.

Dataset text goes into the palette as `Content(text)`, never as markup:
Textual's own `Matcher.highlight` parses its candidate as markup, so the
highlighting is done here on plain content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..core.dates import format_date
from ..core.filters import FilterKind
from ..core.text import search_key

if TYPE_CHECKING:
    from .screens.main import MainScreen

MAX_HITS = 200


def _main(provider: Provider) -> MainScreen | None:
    """The screen the palette was opened over, when it is the main screen
    (the providers are in `MainScreen.COMMANDS`, so it always is)."""
    from .screens.main import MainScreen

    screen = provider.screen
    return screen if isinstance(screen, MainScreen) else None


def highlighted(provider: Provider, query: str, text: str) -> tuple[float, Content]:
    """Fuzzy score of `text` against `query`, and `text` with the matches styled."""
    matcher = provider.matcher(query)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    content = Content(text)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return score, content


class _Base(Provider):
    def entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        found = 0
        for text, command, help_text in self.entries():
            score, content = highlighted(self, query, text)
            if score > 0:
                found += 1
                yield Hit(score, content, command, text=text, help=help_text)
                if found >= MAX_HITS:
                    return

    async def discover(self) -> Hits:
        for n, (text, command, help_text) in enumerate(self.entries()):
            if n >= 30:
                return
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)


def _with_aliases(name: str, aliases: tuple[str, ...]) -> str:
    return f"{name} ({', '.join(aliases)})" if aliases else name


class FilterCommands(_Base):
    """`Filter by speaker: Sergei Ryabkov (Ryabkov, …)`, and so on for every kind.

    Aliases are part of the text, so the palette finds a delegation by
    `washington` as `--delegation Washington` does; a query that only matches
    once accents are folded (as the command line folds them) still scores.
    """

    def entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        main = _main(self)
        if main is None:
            return
        spec = main.index.dataset.spec
        kinds: list[tuple[FilterKind, list[tuple[str, str]]]] = [
            ("speaker", [(_with_aliases(p.name, p.aliases), p.name) for p in spec.people]),
            ("venue", [(v.name, v.name) for v in spec.venues]),
            ("delegation", [(_with_aliases(d.name, d.aliases), d.name) for d in spec.delegations]),
            ("topic", [(t.label, t.id) for t in spec.topics]),
            ("source", [(s.title, s.id) for s in spec.sources]),
        ]
        for kind, names in kinds:
            for shown, value in names:
                yield (
                    f"Filter by {kind}: {shown}",
                    partial(main.set_filter_values, kind, (value,)),
                    # help text is parsed as markup by the palette: no dataset text
                    f"Add to the {kind} filters",
                )

    async def search(self, query: str) -> Hits:
        folded = search_key(query)
        matcher = self.matcher(query)
        found = 0
        for text, command, help_text in self.entries():
            score, content = highlighted(self, query, text)
            if score <= 0 and folded:
                # `erdoğan` for `Erdogan`: scored on the folded text, unhighlighted
                score, _ = matcher.fuzzy_search.match(folded, search_key(text))
                content = Content(text)
            if score > 0:
                found += 1
                yield Hit(score, content, command, text=text, help=help_text)
                if found >= MAX_HITS:
                    return


class GotoCommands(_Base):
    """`Go to event: …` and `Go to quote: …` for every record."""

    def entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        main = _main(self)
        if main is None:
            return
        index = main.index
        spec = index.dataset.spec
        for i, event in enumerate(spec.events):
            yield (
                f"Go to event: {event.title} ({format_date(event.date)})",
                partial(main.jump, ("event", i)),
                event.id,  # ids are [a-z0-9-] (checked at load): safe as markup
            )
        for i, quote in enumerate(spec.quotes):
            name = index.people[quote.speaker].name
            text = " ".join(quote.text.split())
            yield (
                f"Go to quote: {name}: {text[:70]}",
                partial(main.jump, ("quote", i)),
                quote.id,
            )
