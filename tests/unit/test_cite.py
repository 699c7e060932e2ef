"""Citations (issue 11 §1): what a citation holds, its formats, its locator,
and reported speech in quotation marks nowhere."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from helpers import MINI, MINI_YAML, REPO, edit, make_dataset

from genevatui.core.bundled import bundled_dataset
from genevatui.core.cite import Citation, Citer
from genevatui.core.cite_text import CITE_FORMATS, cite, md_escape, render
from genevatui.core.loader import load_index
from genevatui.core.names import UnknownName
from genevatui.core.paragraphs import Paragraphs
from genevatui.core.query import Index
from genevatui.core.text import quoted, unwrapped

ASSESS = REPO / "tests" / "data" / "assess" / "events.yaml"
MARKS = "\"'“”„‟«»‘’‚‛"


@pytest.fixture(scope="module")
def bundled() -> Index:
    return load_index(bundled_dataset())


def paragraph_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: the paragraphs, found independently."""
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


# -- paragraphs -------------------------------------------------------------


def test_a_paragraph_is_a_non_blank_line() -> None:
    text = "One.\n\nTwo a.\nTwo b? no: three.\n  \n\t\n  Four.\n"
    p = Paragraphs(text)
    assert [p.number(text.index(w)) for w in ("One", "Two a", "three", "Four")] == [1, 2, 3, 4]
    assert p.number(text.index("\n\n")) == 1  # the blank line after ¶ 1 belongs to none
    assert p.span(text.index("Two a"), text.index("three") + 5) == (2, 3)
    assert Paragraphs("").number(0) == 0


def test_seed_paragraphs_are_their_non_blank_lines(bundled: Index) -> None:
    texts = bundled.dataset.texts
    for source in bundled.dataset.spec.sources:
        text = texts[source.id]
        lines = paragraph_lines(text)
        assert list(Paragraphs(text).starts) == [start for start, _ in lines], source.file
    # articles 001 and 003 have no blank line between paragraphs: still 12 and 8
    counts = {s.file[6:9]: len(paragraph_lines(texts[s.id])) for s in bundled.dataset.spec.sources}
    assert (counts["001"], counts["003"]) == (12, 8)


def test_every_bundled_locator_points_at_its_words(bundled: Index) -> None:
    citer = Citer(bundled)
    spec = bundled.dataset.spec
    cited = [citer.quote(i) for i in range(len(spec.quotes))]
    cited += [citer.assessment(i) for i in range(len(spec.assessments))]
    assert len(cited) == len(spec.quotes) + len(spec.assessments) > 0
    for c in cited:
        assert c.locator is not None, c.id
        article = (REPO / c.locator.file).read_text(encoding="utf-8")
        assert article[c.locator.start : c.locator.end] == c.words != "", c.id
        lines = paragraph_lines(article)
        first_start, first_end = lines[c.locator.first - 1]
        last_start, last_end = lines[c.locator.last - 1]
        assert first_start <= c.locator.start < first_end, c.id
        assert last_start < c.locator.end <= last_end, c.id


def test_a_quote_over_two_lines_spans_two_paragraphs() -> None:
    c = Citer(load_index(str(MINI))).find("ryabkov-result")
    assert c.locator is not None
    assert (c.locator.first, c.locator.last, c.locator.pilcrow) == (1, 2, "¶ 1–2")
    door = Citer(load_index(str(MINI))).find("sherman-door")  # occurrence 2: ¶ 3
    assert door.locator is not None and door.locator.pilcrow == "¶ 3"
    assert f"Locator: ¶ 3, chars {door.locator.start}–{door.locator.end} of seeds/article.txt" in (
        render(door)
    )


# -- whose words ------------------------------------------------------------


def rendered_words(c: Citation, fmt: str) -> list[str]:
    """The texts that hold the cited words in format `fmt`, with the words
    as that format writes them."""
    out = render(c, fmt)
    if fmt == "csl-json":
        (item,) = json.loads(out)
        return [item["note"]]
    return [out]


@pytest.mark.parametrize("fmt", CITE_FORMATS)
def test_reported_speech_is_in_quotation_marks_in_no_format(bundled: Index, fmt: str) -> None:
    citer = Citer(bundled)
    spec = bundled.dataset.spec
    reported = [i for i, q in enumerate(spec.quotes) if q.kind == "reported"]
    assert len(reported) > 10
    for i in reported:
        c = citer.quote(i)
        words = md_escape(c.words) if fmt == "markdown" else c.words
        for text in rendered_words(c, fmt):
            at = text.find(words)
            assert at >= 0, (c.id, fmt)
            before, after = text[at - 1 : at], text[at + len(words) : at + len(words) + 1]
            assert before not in MARKS or not before, (c.id, fmt, before)
            assert after not in MARKS or not after, (c.id, fmt, after)
        assert "reported" in render(c, fmt), (c.id, fmt)  # said outside any marks


@pytest.mark.parametrize("fmt", CITE_FORMATS)
def test_a_direct_quote_is_in_quotation_marks_once(bundled: Index, fmt: str) -> None:
    citer = Citer(bundled)
    for i, q in enumerate(bundled.dataset.spec.quotes):
        if q.kind != "direct":
            continue
        c = citer.quote(i)
        words = quoted(c.words)
        words = md_escape(words) if fmt == "markdown" else words
        (text,) = rendered_words(c, fmt)
        assert words in text, (c.id, fmt)
        assert "““" not in text and "””" not in text, (c.id, fmt)


def test_an_assessment_is_the_articles_words_never_a_statement() -> None:
    index = load_index(str(ASSESS))
    c = Citer(index).find("washington-not-ready")
    assert (c.record, c.kind, c.speaker) == ("assessment", "assessment", "US officials")
    for fmt in ("plain", "markdown"):
        out = render(c, fmt)
        assert "The article's own words about US officials" in out
        assert "an assessment, not a statement by them" in out
    assert (
        render(c, "bare")
        == "“Washington is not ready to give guarantees.” (the article's assessment)\n"
    )


def test_the_title_as_the_article_gives_it_or_the_curators_description() -> None:
    index = load_index(str(ASSESS))
    a, b = Citer(index).find("sherman-door-a"), Citer(index).find("sherman-door-b")
    assert a.who == "Wendy Sherman (US negotiator, curator's description; United States)"
    assert b.who == "Wendy Sherman (First Deputy Secretary of State; United States)"
    assert render(b).startswith("Wendy Sherman (First Deputy Secretary of State; United States), ")


def test_said_before_or_after_an_event_is_said() -> None:
    index = load_index(str(ASSESS))
    a = Citer(index).find("sherman-door-a")
    assert a.occasion is not None and a.occasion.startswith("said after ")
    assert a.occasion in render(a).splitlines()[1]


# -- the article and the caveats ----------------------------------------------


def test_the_article_with_what_the_dataset_has(tmp_path: Path) -> None:
    text = edit(
        MINI_YAML,
        ("    written: During the talks\n",
         "    written: During the talks\n    outlet: The Gazette\n    author: Jane Roe\n"
         "    published: 2022-01-11\n    url: https://example.org/a?b=1\n"),
    )  # fmt: skip
    c = Citer(load_index(str(make_dataset(tmp_path, text)))).find("sherman-door")
    assert c.article == (
        "A test article, The Gazette, by Jane Roe, 11 Jan 2022, https://example.org/a?b=1"
    )
    assert "Source: " + c.article in render(c)
    assert (
        "*A test article*, The Gazette, by Jane Roe, 11 Jan 2022, <https://example.org/a?b=1>"
        in (render(c, "markdown"))
    )
    bare_article = Citer(load_index(str(MINI))).find("sherman-door").article
    assert bare_article == "A test article"  # nothing guessed


def test_caveats_note_anchoring_and_disputes(bundled: Index) -> None:
    c = Citer(bundled).find("sherman-open-door-to-nato")
    assert c.note and f"Curator's note: {c.note}" in c.caveats
    assert "Disputed (3 articles disagree): Wendy Sherman's title" in c.caveats
    # One article telling a fact two ways is not "between the articles".
    ryabkov = Citer(bundled).find("ryabkov-unilateral-concessions")
    assert ryabkov.differ == ("2 passages of one article differ",)
    assert "Disputed (2 passages of one article differ): " in ryabkov.caveats[0]
    assert c.dispute_ids == ("sherman-title",)
    assert "see sherman-title" in c.caveats_but(disputes=False)[0]
    fuzzy = dataclasses.replace(c, anchoring="fuzzy", anchoring_score=92.4)
    assert fuzzy.caveats[0].startswith("Matched fuzzily (score 92): the curated text differs")
    lost = dataclasses.replace(c, locator=None, words="", anchoring="orphan")
    assert lost.caveats[0].startswith("Lost: the article changed")
    assert "(lost: the article changed)" in render(lost, "markdown")
    assert "Locator" not in render(lost)


def test_unknown_id_names_close_matches(bundled: Index) -> None:
    with pytest.raises(UnknownName, match="did you mean 'sherman-open-door-to-nato'"):
        Citer(bundled).find("sherman-open-door")
    with pytest.raises(ValueError, match="unknown citation format 'rtf'"):
        cite(bundled, "sherman-open-door-to-nato", "rtf")


def test_a_quotation_mark_on_one_side_of_the_slice_gives_way_to_ours() -> None:
    # the mini article's quote: the slice takes its opening mark, not its closing one
    assert unwrapped("\u201cWe need a result.\nWe will achieve it.") == (
        "We need a result.\nWe will achieve it."
    )
    assert unwrapped("We need a result.\u201d") == "We need a result."
    assert unwrapped('of "nothing for Europe"') == 'of "nothing for Europe"'  # pairs inside
    assert unwrapped('\u201cthe word "attack"') == '\u201cthe word "attack"'
    c = Citer(load_index(str(MINI))).find("ryabkov-result")
    assert render(c, "bare") == "\u201cWe need a result.\nWe will achieve it.\u201d\n"
