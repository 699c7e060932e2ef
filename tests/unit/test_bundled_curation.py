"""The bundled dataset meets the curation rules of docs/curation.md.

These read the real data: each guards a correction of the issue 9 fact-check
against coming back (an inference filed as a quote again, a disagreement
lost, a note showing a backslash).
"""

from __future__ import annotations

import functools
from typing import Any

import msgspec

from genevatui.core import Filter, Index, load_dataset
from genevatui.core.bundled import bundled_dataset
from genevatui.core.curation import inference_phrase
from genevatui.core.models import Dataset

# Once quotes, now assessments: the article's words about a party.
REFILED = {
    "sherman-russian-claims-far-fetched": "americans-consider-russian-claims-far-fetched",
    "us-delegation-tactical-aspects": "american-comments-stress-tactical-aspects",
    "american-side-not-ready-non-expansion": "washington-not-ready-to-discuss-non-expansion",
    "white-house-tough-talks": "white-house-talks-will-be-tough",
    "putin-entourage-no-other-chance": "putin-entourage-may-not-have-another-chance",
    "russian-leadership-ideal-time": "russian-leadership-sees-ideal-time",
    "russian-leadership-nato-hostile-environment": "russian-leadership-sees-hostile-environment",
    "russian-side-last-chance": "russian-side-sees-last-chance",
    "biden-agreed-with-viewpoint": "biden-agreed-with-moscow-viewpoint",
    "biden-saying-no": "biden-saying-no-on-three-points",
    "western-politicians-talks-about-ukraine": "western-politicians-present-talks-as-about-ukraine",
}

DISAGREEMENTS = {
    "sherman-title",
    "ryabkov-spelling",
    "russian-delegation-head",
    "geneva-talks-duration",
    "ryabkov-first-meeting-remark",
    "nato-russia-council-name",
    "draft-documents-published-or-sent",
    "december-summit-or-conversation",
    "smoke-over-or-on-the-water",
}


@functools.cache
def bundled() -> Dataset:
    return load_dataset(bundled_dataset())


def test_the_bundled_dataset_loads_without_a_warning() -> None:
    # Warnings cover inference phrases in quotes, `\"` outside double quotes,
    # fuzzy anchors and drifted articles: none is acceptable in curated data.
    assert bundled().warnings == ()


def test_no_quote_holds_a_phrase_of_inference() -> None:
    # Unless the curator said why it is right after all (pattern_exception).
    quotes = [q for q in bundled().spec.quotes if not q.pattern_exception]
    found = {q.id: inference_phrase(q.text) for q in quotes}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_refiled_inferences_are_assessments_not_quotes() -> None:
    spec = bundled().spec
    quotes = {q.id for q in spec.quotes}
    assessments = {a.id: a for a in spec.assessments}
    assert quotes.isdisjoint(REFILED)
    assert set(REFILED.values()) <= set(assessments)
    # Each assessment keeps the article's frame, so it reads as the author's.
    assert inference_phrase(assessments["white-house-talks-will-be-tough"].text) == "Judging by"


def test_every_assessment_and_reading_is_the_articles_exact_words() -> None:
    dataset = bundled()
    spec = dataset.spec
    for a, anchor in zip(spec.assessments, dataset.assessment_anchors, strict=True):
        assert anchor.status == "exact", a.id
        assert dataset.texts[a.source][anchor.start : anchor.end] == a.text
    for d, anchors in zip(spec.disagreements, dataset.reading_anchors, strict=True):
        for r, anchor in zip(d.readings, anchors, strict=True):
            assert anchor.status == "exact", d.id
            assert dataset.texts[r.source][anchor.start : anchor.end] == r.text


def test_the_disagreements_the_notes_recorded_are_records() -> None:
    spec = bundled().spec
    assert {d.id for d in spec.disagreements} >= DISAGREEMENTS
    for d in spec.disagreements:
        assert len(d.readings) >= 2, d.id


def test_no_curator_text_holds_a_backslash() -> None:
    # A backslash in a note is a YAML escape that was not unescaped (a folded
    # or single-quoted scalar): the screen would show it.
    def walk(value: Any, where: str) -> list[str]:
        if isinstance(value, str):
            return [where] if "\\" in value else []
        if isinstance(value, dict):
            return [w for k, v in value.items() for w in walk(v, f"{where}.{k}")]
        if isinstance(value, list):
            return [w for i, v in enumerate(value) for w in walk(v, f"{where}[{i}]")]
        return []

    assert walk(msgspec.to_builtins(bundled().spec), "") == []


def test_statements_made_after_the_geneva_round_say_so() -> None:
    # 004 lists its statements "Following the negotiations" (one garbled
    # paragraph is split in two); only the US delegation's claim came before.
    # 002 has Ryabkov's phrase "thrown ... after the talks in Geneva".
    spec = bundled().spec
    from_004 = [q for q in spec.quotes if q.source == "summary-geneva-outcome"]
    assert len([q for q in from_004 if q.said == "after"]) == 18
    assert {q.id for q in from_004 if q.said != "after"} == {"us-delegation-bilateral-issues-only"}
    quotes = {q.id: q for q in spec.quotes}
    assert quotes["ryabkov-stop-developing-after-1997"].said == "after"


def test_same_as_links_the_first_meeting_remark_across_two_articles() -> None:
    quotes = {q.id: q for q in bundled().spec.quotes}
    assert set(quotes["ryabkov-awesome-wonderful"].same_as) == {
        "ryabkov-meeting-amazing",
        "ryabkov-meeting-difficult",
    }


def test_speaking_before_an_event_is_not_speaking_at_it() -> None:
    # "Event planners claim that everything is ready …" is about the Geneva
    # talks, said before them: the talks are not an event they spoke at.
    index = Index(bundled())
    result = index.run(Filter(speakers=("event-planners",)))
    assert [index.dataset.spec.quotes[i].id for i in result.quotes] == [
        "event-planners-everything-ready"
    ]
    assert result.events == []
