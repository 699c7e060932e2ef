"""Command palette providers: filter by any entity, go to any event or quote.

Dataset text goes into the palette as `Content(text)`, never as markup:
Textual's own `Matcher.highlight` parses its candidate as markup, so the
highlighting is done here on plain content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ..core.dates import format_date
from ..core.filters import FilterKind
from ..core.search import ELLIPSIS, Query, excerpt, matches, parse
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


def highlighted(matcher: Matcher, text: str) -> tuple[float, Content]:
    """Fuzzy score of `text` against the matcher's query, and `text` with the
    matches styled. One matcher per search, not per entry: making one
    (with its style and its cache) costs more than most matches."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return 0.0, Content()  # most entries: no content built for them
    content = Content(text)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return score, content


class _Base(Provider):
    def entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        found = 0
        matcher = self.matcher(query)
        for text, command, help_text in self.entries():
            score, content = highlighted(matcher, text)
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
            score, content = highlighted(matcher, text)
            if score <= 0 and folded:
                # `erdoğan` for `Erdogan`: scored on the folded text, unhighlighted
                score, _ = matcher.fuzzy_search.match(folded, search_key(text))
                content = Content(text)
            if score > 0:
                found += 1
                yield Hit(score, content, command, text=text, help=help_text)
                if found >= MAX_HITS:
                    return


@dataclass(frozen=True, slots=True)
class _Target:
    """An event or a quote as the palette lists it."""

    prefix: str  # "Go to quote: Wendy Sherman: "
    words: str  # the record's own words, whole (a quote's text, an event's title)
    command: Callable[[], None]
    ident: str  # shown on the help line; ids are [a-z0-9-] (checked at load): safe as markup
    key: str  # where a word search looks: id, words, names, event title or summary
    text: str = field(init=False)
    """The entry as listed without a search: its words cut to SHOWN characters."""

    def __post_init__(self) -> None:
        shown = self.prefix + _cut(" ".join(self.words.split()), SHOWN)
        object.__setattr__(self, "text", shown)


class GotoCommands(_Base):
    """`Go to event: …` and `Go to quote: …` for every record.

    Besides the fuzzy match on what is shown, a record is found by words, as
    the text search finds it (any order, parts of words, case and accents
    folded), in its whole text, its id and its names: `sherman nuclear`
    finds Sherman's quote that mentions nuclear arms far into it, shown from
    just before the match. Fuzzy matching the whole of a long quote would
    take minutes (Textual's matcher tries every combination of letters).
    """

    _cache: list[_Target] | None = None

    def entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        for target in self._targets():
            yield target.text, target.command, target.ident

    def _targets(self) -> list[_Target]:
        if self._cache is not None:
            return self._cache
        main = _main(self)
        if main is None:
            return []
        index = main.index
        spec = index.dataset.spec
        targets = [
            _Target(
                "Go to event: ",
                f"{event.title} ({format_date(event.date)})",
                partial(main.go_to, ("event", i)),
                event.id,
                f"{event.id}\n{search_key(event.title + chr(10) + event.summary)}",
            )
            for i, event in enumerate(spec.events)
        ]
        targets += [
            _Target(
                f"Go to quote: {index.people[quote.speaker].name}: ",
                quote.text,
                partial(main.go_to, ("quote", i)),
                quote.id,
                f"{quote.id}\n{index.q_key[i]}",  # its text, the speaker's names, its event
            )
            for i, quote in enumerate(spec.quotes)
        ]
        self._cache = targets
        return targets

    async def search(self, query: str) -> Hits:
        words = parse(query)
        wanted = query.strip().casefold()
        matcher = self.matcher(query)
        found = 0
        for target in self._targets():
            if words and matches(words, target.key):
                text, content, score = _by_words(target, words, matcher)
                if target.ident == wanted:
                    score *= 10  # the id itself: first
            else:
                text = target.text
                score, content = highlighted(matcher, text)
            if score > 0:
                found += 1
                yield Hit(score, content, target.command, text=text, help=target.ident)
                if found >= MAX_HITS:
                    return


SHOWN = 70  # characters of a record's words shown after its prefix


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size].rstrip() + ELLIPSIS


def _by_words(target: _Target, words: Query, matcher: Matcher) -> tuple[str, Content, float]:
    """The entry for a record its words matched: its words from just before
    the first match, the matches styled, and a score on the fuzzy matcher's
    scale (as if the marked characters had matched as one run, the bonus
    of a substring; at least one per character searched for)."""
    part, found, more = excerpt(words, target.words, SHOWN * 2 // 3)
    shown = _cut(part, SHOWN)
    if more and not shown.endswith(ELLIPSIS):
        shown += ELLIPSIS
    at = len(target.prefix)
    content = Content(target.prefix + shown)
    marked: list[int] = []
    limit = len(shown) - shown.endswith(ELLIPSIS)  # a match cut short is marked to the cut
    for a, b in found:
        b = min(b, limit)
        if a < b:
            content = content.stylize(matcher.match_style, at + a, at + b)
            marked.extend(range(at + a, at + b))
    least = float(max((sum(map(len, alt)) for alt in words), default=1))
    text = content.plain
    if not marked:  # found by its id or its names, not in the words shown
        return text, content, least
    return text, content, max(least, matcher.fuzzy_search.score(text.lower(), marked) * 1.5)
