"""Checks of the curation rules that need the articles or the whole text:
role titles given verbatim, and quote texts that read as the author's
inference. They run in the loader once the articles are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .anchoring import Article
from .models import DatasetSpec
from .problems import Path
from .text import squash

Report = Callable[[Path, str], None]

# Phrases with which an article's author infers or reconstructs a view
# rather than reporting a statement ("Judging by the official statements,
# Washington…", "According to the logic of the Russian leadership…"). The
# fact-check of issue 9 found seven such passages recorded as quotes: the
# author's words about a party belong in `assessments`, never in a speaker's
# mouth. A quote may still hold one (a speaker saying "it seems" himself):
# its `pattern_exception` says why, and silences the warning.
INFERENCE_PHRASES = (
    "judging by",
    "according to the logic of",
    "from the point of view of",
    "show that",
    "shows that",
    "apparently",
    "it seems",
    "presumably",
)
_INFERENCE_RE = re.compile(
    r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in INFERENCE_PHRASES) + r")\b",
    re.IGNORECASE,
)


# The longest word of each phrase: a quote holding none of them (nearly
# all) is passed by a few `in` tests, several times faster than the regex.
_KEY_WORDS = tuple({max(p.split(), key=len) for p in INFERENCE_PHRASES})


def inference_phrase(text: str) -> str | None:
    """The first phrase of INFERENCE_PHRASES in `text` (as written), or None."""
    lowered = text.lower()
    if not any(word in lowered for word in _KEY_WORDS):
        return None
    found = _INFERENCE_RE.search(text)
    return found.group() if found else None


def check_inference(spec: DatasetSpec, warn: Report) -> None:
    """Warn of each quote whose text reads as the author's inference."""
    for i, quote in enumerate(spec.quotes):
        if quote.pattern_exception is not None:
            continue
        phrase = inference_phrase(quote.text)
        if phrase is not None:
            warn(
                ("quotes", i, "text"),
                f"{' '.join(phrase.split())!r} signals the author's inference, not a "
                "statement: record it as an assessment, or say in pattern_exception "
                "why it is the speaker's own words",
            )


class _Folded:
    """Each article's normalised text, case-folded once when first needed."""

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self.folded: dict[str, str] = {}

    def contains(self, source: str, title: str) -> bool:
        """Whether `title` occurs in the article as whole words, ignoring
        case, runs of whitespace and curly against straight quotes (as
        anchoring does): "President" is not found inside "Vice-Presidential"."""
        article = self.articles[source]
        if _words(title).search(article.text):
            return True  # the common case: no need to normalise the article
        if source not in self.folded:
            self.folded[source] = article.norm.text.casefold()
        return _words(squash(title).casefold()).search(self.folded[source]) is not None


def _words(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


def check_role_titles(
    spec: DatasetSpec,
    articles: dict[str, Article],
    drifted: set[str],
    report: Report,
    warn: Report,
) -> None:
    """A role marked verbatim (the default) gives its title in the article's
    own words: it must occur in each source listed. In a source changed since
    curation a title that no longer occurs is a warning, as a passage is."""
    folded = _Folded(articles)
    for i, person in enumerate(spec.people):
        for j, role in enumerate(person.roles):
            if not role.verbatim:
                continue
            for source in dict.fromkeys(role.sources):  # each once, in order
                if source not in articles or folded.contains(source, role.title):
                    continue  # a source not read is reported where it is listed
                message = (
                    f"title {role.title!r} is not in source {source!r} (ignoring case, "
                    "spacing and quote style); set verbatim: false if it is the "
                    "curator's description"
                )
                if source in drifted:
                    warn((*_role(i, j), "title"), f"{message} (source {source!r} has changed)")
                else:
                    report((*_role(i, j), "title"), message)


def _role(i: int, j: int) -> Path:
    return ("people", i, "roles", j)
