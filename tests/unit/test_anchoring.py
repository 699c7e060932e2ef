"""`core.anchoring.anchor`: exact, tolerant and fuzzy matching, and disambiguation."""

from __future__ import annotations

import pytest

from genevatui.core.anchoring import AnchorError, Article, anchor
from genevatui.core.models import Anchor, Passage
from genevatui.core.text import Normalised, fold_quotes


def place(article: str, text: str, **selector: object) -> tuple[Anchor, str]:
    """Anchor `text` in `article`; return the anchor and the slice it points at."""
    found = anchor(Article(article), Passage(source="s", text=text, **selector))  # type: ignore[arg-type]
    assert found.source == "s"
    assert 0 <= found.start < found.end <= len(article)
    return found, article[found.start : found.end]


def test_exact() -> None:
    article = "Talks opened in Geneva. Ryabkov said the talks were difficult."
    found, got = place(article, "the talks were difficult")
    assert got == "the talks were difficult"
    assert (found.start, found.status, found.score) == (article.index("the talks"), "exact", 100)


def test_exact_strips_the_passage_edges() -> None:
    _, got = place("One. Two three. Four.", "  Two three.\n")
    assert got == "Two three."


def test_spanning_a_line_break() -> None:
    article = "Ryabkov said: we need\na result. Then he left."
    found, got = place(article, "we need a result.")
    assert got == "we need\na result."
    assert found.status == "tolerant"


@pytest.mark.parametrize(
    ("article", "text", "expected"),
    [
        ("He said: \u201cno\u201d, then left.", 'said: "no", then', "said: \u201cno\u201d, then"),
        ("He said: \u2018no\u2019, then left.", "said: 'no', then", "said: \u2018no\u2019, then"),
        ('He said: "no", then left.', "said: \u201cno\u201d, then", 'said: "no", then'),
        ("He said: \u00abno\u00bb, then left.", 'said: "no", then', "said: \u00abno\u00bb, then"),
    ],
    ids=["curly-double-in-article", "curly-single-in-article", "curly-in-yaml", "guillemets"],
)
def test_curly_and_straight_quotes_are_equal(article: str, text: str, expected: str) -> None:
    found, got = place(article, text)
    assert got == expected
    assert found.status == "tolerant"


@pytest.mark.parametrize(
    ("article", "text", "expected"),
    [
        ("alpha  beta\n\n gamma delta", "beta gamma", "beta\n\n gamma"),
        ("alpha beta gamma delta", "beta    gamma", "beta gamma"),
        ("alpha beta\u00a0gamma delta", "beta gamma", "beta\u00a0gamma"),
        (
            "x \u201cWe need it.\nWe will.\u201d y",
            "\u201cWe need it. We will.",
            "\u201cWe need it.\nWe will.",
        ),
    ],
    ids=["spaces-in-article", "spaces-in-yaml", "nbsp", "curly-quote-and-line-break"],
)
def test_extra_spaces_are_tolerated(article: str, text: str, expected: str) -> None:
    found, got = place(article, text)
    assert got == expected
    assert found.status == "tolerant"


SENTENCE = (
    "The Russian side insists that NATO must give legally binding guarantees "
    "of non-expansion to the east."
)
ARTICLE = f"Opening remarks. {SENTENCE} Closing remarks."


@pytest.mark.parametrize(
    "typo",
    [
        SENTENCE.replace("guarantees", "guarentees"),
        SENTENCE.replace("non-expansion", "non-expansoin"),
        SENTENCE.replace("legally", "legallly"),
    ],
    ids=["substitution", "transposition", "insertion"],
)
def test_fuzzy_one_letter_typo(typo: str) -> None:
    assert len(typo) >= 80
    found, got = place(ARTICLE, typo)
    assert found.status == "fuzzy"
    assert 90 <= found.score < 100
    assert got == SENTENCE


def test_fuzzy_deletion_typo_covers_the_whole_sentence() -> None:
    found, got = place(ARTICLE, SENTENCE.replace("legally", "legaly"))
    assert found.status == "fuzzy"
    assert got == SENTENCE


def test_fuzzy_typo_in_the_last_letter_keeps_the_last_word() -> None:
    found, got = place("The State Department said nothing new today.", "said nothing neu")
    assert found.status == "fuzzy"
    assert got == "said nothing new"


def test_a_passage_longer_than_the_article_is_an_orphan() -> None:
    with pytest.raises(AnchorError, match="orphan"):
        place("Hello world.", "Hello world. And then a lot more text the article never says.")


def test_orphan() -> None:
    with pytest.raises(AnchorError, match="orphan: the text is not in the article"):
        place(ARTICLE, "Sherman said the door stays open to every country in Europe.")


def test_empty_passage() -> None:
    with pytest.raises(AnchorError, match="empty passage text"):
        place(ARTICLE, "  \n ")


TWICE = "alpha beta gamma. Then alpha beta delta."


def test_ambiguous_exact() -> None:
    with pytest.raises(AnchorError, match=r"ambiguous: the text occurs 2 times \(at 0, 23\)"):
        place(TWICE, "alpha beta")


def test_ambiguous_tolerant() -> None:
    with pytest.raises(AnchorError, match="ambiguous: the text occurs 2 times"):
        place("a  b c. Then a b\nc.", "a b c")


@pytest.mark.parametrize(
    ("selector", "start"),
    [
        ({"prefix": "Then"}, 23),
        ({"prefix": "Then "}, 23),
        ({"suffix": "gamma"}, 0),
        ({"suffix": " delta."}, 23),
        ({"occurrence": 1}, 0),
        ({"occurrence": 2}, 23),
        ({"prefix": "gamma. Then", "suffix": "delta"}, 23),
        ({"suffix": "delta", "occurrence": 1}, 23),
    ],
    ids=lambda v: str(v),
)
def test_disambiguated(selector: dict[str, object], start: int) -> None:
    found, got = place(TWICE, "alpha beta", **selector)
    assert got == "alpha beta"
    assert found.start == start
    assert found.status == "exact"


def test_disambiguated_tolerant_match() -> None:
    article = "a  b c. Then a b\nc."
    found, got = place(article, "a b c", occurrence=2)
    assert (got, found.start, found.status) == ("a b\nc", 13, "tolerant")
    found, got = place(article, "a b c", prefix="Then")
    assert (got, found.start) == ("a b\nc", 13)


def test_prefix_across_a_line_break_and_curly_quote() -> None:
    article = "He said \u201cyes\u201d\nand then: stop. She said: stop."
    found, got = place(article, "stop.", prefix='said "yes" and then:')
    assert (got, found.start) == ("stop.", article.index("stop."))


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ({"prefix": "zeta"}, "^none of the text's 2 occurrences has the given prefix$"),
        ({"suffix": "omega"}, "^none of the text's 2 occurrences has the given suffix$"),
        (
            {"prefix": "zeta", "suffix": "omega"},
            "^none of the text's 2 occurrences has the given prefix and suffix$",
        ),
        ({"occurrence": 3}, "^occurrence 3 asked for, but the text occurs 2 times$"),
        ({"occurrence": 0}, "^occurrence 0 asked for: occurrences count from 1$"),
        (
            {"suffix": "delta", "occurrence": 2},
            "^occurrence 2 asked for, but only 1 of the text's 2 occurrences has the given suffix$",
        ),
        (
            {"prefix": "Then", "occurrence": 2},
            "^occurrence 2 asked for, but only 1 of the text's 2 occurrences has the given prefix$",
        ),
    ],
    ids=lambda v: str(v),
)
def test_wrong_disambiguator_is_an_error(selector: dict[str, object], message: str) -> None:
    with pytest.raises(AnchorError, match=message):
        place(TWICE, "alpha beta", **selector)


def test_occurrence_on_a_unique_text() -> None:
    found, _ = place(ARTICLE, "Closing remarks.", occurrence=1)
    assert found.start == ARTICLE.index("Closing")
    with pytest.raises(AnchorError, match="occurrence 2 asked for"):
        place(ARTICLE, "Closing remarks.", occurrence=2)


FUZZY_TWICE = (
    "NATO must give legally binding guarantees now. "
    "Later: NATO must give legally binding guarantees now."
)


def test_fuzzy_match_in_two_places_is_ambiguous() -> None:
    with pytest.raises(AnchorError, match="ambiguous"):
        place(FUZZY_TWICE, "NATO must give legaly binding guarantees now.")


@pytest.mark.parametrize("selector", [{"occurrence": 2}, {"prefix": "Later:"}], ids=str)
def test_fuzzy_match_can_be_disambiguated(selector: dict[str, object]) -> None:
    found, got = place(FUZZY_TWICE, "NATO must give legaly binding guarantees now.", **selector)
    assert found.start == FUZZY_TWICE.index("NATO", 1)
    assert got == "NATO must give legally binding guarantees now."


def test_fuzzy_below_threshold_is_an_orphan() -> None:
    with pytest.raises(AnchorError, match="orphan"):
        place(ARTICLE, "The Chinese side insists that the US must give vague promises to anyone.")


def _reference_normalise(text: str) -> tuple[str, list[int]]:
    """The obvious per-character version, to check `Normalised` against."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(fold_quotes(text)):
        if ch.isspace():
            if i > 0 and text[i - 1].isspace():
                continue  # inside a run: already one space
            ch = " "
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


def test_normalised_text_and_offsets_match_the_per_character_reference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random

    from genevatui.core import text as text_module

    monkeypatch.setattr(text_module, "_CHUNK", 7)  # runs across chunk edges too
    pieces = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u201c", "\u2019", "Ж"]
    rng = random.Random(8)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        norm = Normalised(text)
        want, origin = _reference_normalise(text)
        assert norm.text == want, repr(text)
        assert [norm.origin(i) for i in range(len(want))] == origin, repr(text)
